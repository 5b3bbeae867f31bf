// The day view's grid: an hour gutter, a column per active staff member, the "now" line.
import { useEffect, useMemo, useRef } from 'react';
import { formatMinute, isoWeekday, wallClock, zonedToUtc } from '../../time/zone.js';
import { StaffColumn } from './StaffColumn.js';
import type { DayData } from './useDayData.js';
import { DAY_END_MINUTE, DAY_START_MINUTE, GRID_HEIGHT, minuteToY } from './layout.js';

export interface DayGridProps {
  date: string;
  zone: string;
  stepMinutes: number;
  now: number;
  day: DayData;
  selectedId: string | null;
  onSlot: (staffId: string, start: number) => void;
  onOpen: (appointmentId: string) => void;
}

export function DayGrid(props: DayGridProps) {
  const { date, zone, stepMinutes, day } = props;
  const scroller = useRef<HTMLDivElement>(null);

  const slotStarts = useMemo(() => {
    const starts: { minute: number; start: number }[] = [];
    for (let minute = DAY_START_MINUTE; minute < DAY_END_MINUTE; minute += stepMinutes) {
      const start = zonedToUtc(date, minute, zone);
      // A wall time the clock skips (a DST gap) is no slot.
      const wall = wallClock(start, zone);
      if (wall.date === date && wall.minute === minute) starts.push({ minute, start });
    }
    return starts;
  }, [date, zone, stepMinutes]);

  // Open the day at 08:00, where the working day begins, rather than at the grid's 07:00 edge.
  useEffect(() => {
    scroller.current?.scrollTo({ top: minuteToY(8 * 60) });
  }, [date]);

  const nowWall = wallClock(props.now, zone);
  const nowShown =
    nowWall.date === date && nowWall.minute >= DAY_START_MINUTE && nowWall.minute <= DAY_END_MINUTE;
  const hours = Array.from(
    { length: (DAY_END_MINUTE - DAY_START_MINUTE) / 60 + 1 },
    (_, i) => DAY_START_MINUTE + i * 60,
  );

  return (
    <>
      <div className="cal-header" role="row">
        <div className="cal-gutter" />
        {day.staff.map((member) => (
          <div
            key={member.id}
            className="cal-column-head"
            role="columnheader"
            data-testid="staff-head"
          >
            <span className="cal-staff-dot" style={{ background: member.color }} aria-hidden />
            {member.name}
          </div>
        ))}
      </div>
      <div className="cal-scroll" ref={scroller} data-testid="day-grid" data-date={date}>
        <div className="cal-body" style={{ height: GRID_HEIGHT + 12, paddingTop: 6 }}>
          <div className="cal-gutter" aria-hidden>
            {hours.map((minute) => (
              <div key={minute} className="cal-hour-label" style={{ top: minuteToY(minute) }}>
                {formatMinute(minute)}
              </div>
            ))}
          </div>
          {day.staff.map((member) => (
            <StaffColumn
              key={member.id}
              member={member}
              date={date}
              weekday={isoWeekday(date)}
              zone={zone}
              stepMinutes={stepMinutes}
              now={props.now}
              day={day}
              hours={day.hoursByStaff.get(member.id) ?? []}
              selectedId={props.selectedId}
              slotStarts={slotStarts}
              onSlot={props.onSlot}
              onOpen={props.onOpen}
            />
          ))}
          {nowShown && (
            <div
              className="cal-now"
              data-testid="now-line"
              aria-label={`Now, ${formatMinute(nowWall.minute)}`}
              style={{ top: minuteToY(nowWall.minute) + 6 }}
            />
          )}
        </div>
      </div>
    </>
  );
}
