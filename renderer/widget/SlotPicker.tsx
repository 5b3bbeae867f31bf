// Days that have free times, then the times of the chosen day, as real toggle buttons.
// The words on the buttons are the API's labels (format.ts says why).
import { useState } from 'react';
import type { Availability, Slot } from './api.js';
import { slotsOn } from './availability.js';
import { useWidget } from './context.js';

export function SlotPicker(props: {
  data: Availability;
  chosen: Slot | null;
  busy: boolean;
  onPick: (slot: Slot) => void;
}) {
  const { labels } = useWidget();
  const open = props.data.days.filter((d) => d.slots.length > 0);
  const [day, setDay] = useState<string | null>(null);
  // The visitor's pick while it still has times, otherwise the first day that has some.
  const current = open.find((d) => d.date === day) ?? open[0];
  if (!current) return <p data-testid="no-slots">{labels.noSlots}</p>;
  const slots = slotsOn(props.data, current.date);
  return (
    <div>
      <div class="days" role="group" aria-label="Day" data-testid="days">
        {open.map((d) => (
          <button
            type="button"
            key={d.date}
            aria-pressed={d.date === current.date}
            data-testid="day"
            data-date={d.date}
            onClick={() => setDay(d.date)}
          >
            {d.label}
          </button>
        ))}
      </div>
      <h3>{current.label_long}</h3>
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
            {s.label}
          </button>
        ))}
      </div>
    </div>
  );
}
