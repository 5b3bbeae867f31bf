// Days that have free times, then the times of the chosen day, as real toggle buttons.
// The words on the buttons are the API's labels (format.ts says why).
import { useState } from 'react';
import type { Availability, Slot } from './api.js';
import { laterFrom, slotsOn, type AvailabilityState } from './availability.js';
import { useWidget } from './context.js';

/**
 * Two weeks at a time, paged on to the business's horizon: every bookable day is reachable, and
 * when the shown dates have nothing free, "Next available" jumps to the first day that has.
 */
function Pager(props: { data: Availability; paging: AvailabilityState; empty: boolean }) {
  const { labels } = useWidget();
  const { paging } = props;
  const later = laterFrom(props.data);
  const [searching, setSearching] = useState(false);
  const [none, setNone] = useState(false);
  return (
    <>
      {props.empty && none ? <p data-testid="no-more">{labels.noSlots}</p> : null}
      <div class="row">
        <button
          type="button"
          data-testid="earlier-days"
          disabled={!paging.canGoBack}
          onClick={() => paging.back()}
        >
          {labels.earlierDays}
        </button>
        {props.empty && later ? (
          <button
            type="button"
            class="primary"
            data-testid="next-available"
            disabled={searching}
            aria-busy={searching}
            onClick={() => {
              setSearching(true);
              void paging.nextFree().then((found) => {
                setSearching(false);
                setNone(!found);
              });
            }}
          >
            {labels.nextAvailable}
          </button>
        ) : null}
        <button
          type="button"
          data-testid="later-days"
          disabled={!later}
          onClick={() => later && paging.go(later)}
        >
          {labels.laterDays}
        </button>
      </div>
    </>
  );
}

export function SlotPicker(props: {
  data: Availability;
  paging: AvailabilityState;
  chosen: Slot | null;
  busy: boolean;
  onPick: (slot: Slot) => void;
}) {
  const { labels } = useWidget();
  const open = props.data.days.filter((d) => d.slots.length > 0);
  const [day, setDay] = useState<string | null>(null);
  // The visitor's pick while it still has times, otherwise the first day that has some.
  const current = open.find((d) => d.date === day) ?? open[0];
  if (!current) {
    return (
      <div>
        <p data-testid="no-slots">{labels.noSlotsHere}</p>
        <Pager data={props.data} paging={props.paging} empty />
      </div>
    );
  }
  const slots = slotsOn(props.data, current.date);
  return (
    <div>
      <div
        class="days"
        role="group"
        aria-label="Day"
        data-testid="days"
        data-first={props.data.days[0]?.date}
      >
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
      <Pager data={props.data} paging={props.paging} empty={false} />
    </div>
  );
}
