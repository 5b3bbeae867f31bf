// Days that have free times, then the times of the chosen day, as real toggle buttons.
import { useState } from 'react';
import type { Availability, Slot } from './api.js';
import { slotsOn } from './availability.js';
import { useWidget } from './context.js';
import { formatDay, formatTime } from './format.js';

export function SlotPicker(props: {
  data: Availability;
  chosen: Slot | null;
  busy: boolean;
  onPick: (slot: Slot) => void;
}) {
  const { labels } = useWidget();
  const zone = props.data.timezone;
  const open = props.data.days.filter((d) => d.slots.length > 0);
  const [day, setDay] = useState<string | null>(null);
  // The visitor's pick while it still has times, otherwise the first day that has some.
  const current = open.find((d) => d.date === day)?.date ?? open[0]?.date;
  if (!current) return <p data-testid="no-slots">{labels.noSlots}</p>;
  const slots = slotsOn(props.data, current);
  return (
    <div>
      <div class="days" role="group" aria-label="Day" data-testid="days">
        {open.map((d) => (
          <button
            type="button"
            key={d.date}
            aria-pressed={d.date === current}
            data-testid="day"
            data-date={d.date}
            onClick={() => setDay(d.date)}
          >
            {formatDay(d.date, zone)}
          </button>
        ))}
      </div>
      <h3>{formatDay(current, zone, true)}</h3>
      <div class="grid" role="group" aria-label="Time" data-testid="slots">
        {slots.map((s) => (
          <button
            type="button"
            key={s.start}
            aria-pressed={props.chosen?.start === s.start}
            disabled={props.busy}
            data-testid="slot"
            data-start={s.start}
            onClick={() => props.onPick(s)}
          >
            {formatTime(s.start, zone)}
          </button>
        ))}
      </div>
    </div>
  );
}
