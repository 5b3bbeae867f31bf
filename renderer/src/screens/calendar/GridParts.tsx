// Pieces the day and week grids share: the hour gutter, the "now" line, opening at the morning.
import { useEffect, useRef } from 'react';
import { formatMinute, wallClock } from '../../time/zone.js';
import { DAY_END_MINUTE, DAY_START_MINUTE, hourMarks, minuteToY } from './layout.js';

export function HourGutter() {
  return (
    <div className="cal-gutter" aria-hidden>
      {hourMarks().map((mark) => (
        <div
          key={mark.minute}
          className="cal-hour-label"
          data-testid="hour-label"
          data-minute={mark.minute}
          style={{ top: mark.y }}
        >
          {mark.label}
        </div>
      ))}
    </div>
  );
}

/** The red line at the business's current time, across the columns it is drawn in. */
export function NowLine({ now, zone }: { now: number; zone: string }) {
  const minute = wallClock(now, zone).minute;
  if (minute < DAY_START_MINUTE || minute > DAY_END_MINUTE) return null;
  return (
    <div
      className="cal-now"
      data-testid="now-line"
      // A named marker: a div with only an aria-label is nothing to a screen reader.
      role="img"
      aria-label={`Now, ${formatMinute(minute)}`}
      style={{ top: minuteToY(minute) }}
    />
  );
}

/** Open a day at 08:00, where the working day begins, rather than at the grid's 07:00 edge. */
export function useOpenAtMorning(key: string) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scroller.current?.scrollTo({ top: minuteToY(8 * 60) });
  }, [key]);
  return scroller;
}
