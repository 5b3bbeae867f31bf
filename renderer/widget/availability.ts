// Free slots for one service (and maybe one person), kept fresh: fetched again whenever the
// visitor comes back to the window, since others book meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Availability, Slot } from './api.js';
import { useWidget } from './context.js';

/** How far ahead the widget offers times. */
export const DAYS_AHEAD = 14;

export function useAvailability(service: string, staff: string | undefined) {
  const { api } = useWidget();
  // An answer fetched while the widget was starting, if it is already here: the first screen
  // shows it at once instead of after an effect and a promise turn.
  const [prefetched] = useState(() =>
    api.settledAvailability({ service, staff, days: DAYS_AHEAD }),
  );
  const [data, setData] = useState<Availability | null>(prefetched);
  const [error, setError] = useState<ApiError | null>(null);
  // Answers can arrive out of order (focus events fire in bursts): only the newest is shown.
  const sequence = useRef(0);

  const reload = useCallback(async (): Promise<Availability | null> => {
    const mine = ++sequence.current;
    const answer = await api.availability({ service, staff, days: DAYS_AHEAD });
    // The caller gets its own fresh answer either way; the screen only shows the newest.
    const newest = mine === sequence.current;
    if (answer.ok) {
      if (newest) {
        setData(answer.value);
        setError(null);
      }
      return answer.value;
    }
    if (newest) setError(answer.error);
    return null;
  }, [api, service, staff]);

  const shownPrefetched = useRef(prefetched !== null);
  useEffect(() => {
    // Asked only when the first screen did not already show a fresh answer.
    if (!shownPrefetched.current) void reload();
    shownPrefetched.current = false;
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return { data, error, reload };
}

/** One button per start time: with "anyone", several people may be free at the same start. */
export function distinctStarts(slots: Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((s) => (seen.has(s.start) ? false : (seen.add(s.start), true)));
}

export function slotsOn(data: Availability, date: string): Slot[] {
  return distinctStarts(data.days.find((d) => d.date === date)?.slots ?? []);
}

/** Is this start (for this person, when one was chosen) still free in a fresh answer? */
export function stillFree(data: Availability, slot: Slot, staff: string | undefined): boolean {
  return data.days.some((d) =>
    d.slots.some((s) => s.start === slot.start && (!staff || s.staff_id === staff)),
  );
}

/** Every start in an answer: what a visitor reads on the slot screen. */
export function startsIn(data: Availability | null): string[] {
  return data ? data.days.flatMap((d) => d.slots.map((s) => s.start)) : [];
}
