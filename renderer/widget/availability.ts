// Free slots for one service (and maybe one person), kept fresh: fetched again whenever the
// visitor comes back to the window, since others book meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Availability, Slot } from './api.js';
import { useWidget } from './context.js';

/** How many days the strip shows at once; the customer pages on to the business's horizon. */
export const DAYS_AHEAD = 14;

/** The API answers at most this many days in one request. */
const MAX_DAYS = 62;

/** YYYY-MM-DD plus `n` days: calendar dates, so plain UTC arithmetic is exact. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function useAvailability(service: string, staff: string | undefined) {
  const { api } = useWidget();
  // The first shown date; undefined: from today (the business's today, the server decides).
  const [from, setFrom] = useState<string | undefined>(undefined);
  const fromRef = useRef(from);
  fromRef.current = from;
  // The windows paged through, so "earlier" goes back exactly, never before today.
  const [history, setHistory] = useState<(string | undefined)[]>([]);
  const go = useCallback((next: string) => {
    setHistory((h) => [...h, fromRef.current]);
    setFrom(next);
  }, []);
  const back = useCallback(() => {
    setFrom(history[history.length - 1]);
    setHistory(history.slice(0, -1));
  }, [history]);
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
    const start = fromRef.current;
    const answer = await api.availability({
      service,
      staff,
      days: DAYS_AHEAD,
      ...(start ? { from: start } : {}),
    });
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
  }, [api, service, staff, from]);

  /**
   * The window that starts at the first free day after the shown dates, however far: asked in
   * the API's largest steps up to the horizon. False when nothing is free before it.
   */
  const nextFree = useCallback(async (): Promise<boolean> => {
    const last = data?.days.at(-1);
    if (!last || !data) return false;
    let start = addDays(last.date, 1);
    while (start <= data.bookable_until) {
      const answer = await api.availability({ service, staff, from: start, days: MAX_DAYS });
      if (!answer.ok) return false;
      const found = answer.value.days.find((d) => d.slots.length > 0);
      if (found) {
        go(found.date);
        return true;
      }
      start = addDays(start, MAX_DAYS);
    }
    return false;
  }, [api, service, staff, data, go]);

  const shownPrefetched = useRef(prefetched !== null);
  useEffect(() => {
    // Asked only when the first screen did not already show a fresh answer.
    if (!shownPrefetched.current) void reload();
    shownPrefetched.current = false;
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return { data, error, reload, go, back, canGoBack: history.length > 0, nextFree };
}

export type AvailabilityState = ReturnType<typeof useAvailability>;

/** The first date of the window after the shown one, or null at the horizon. */
export function laterFrom(data: Availability): string | null {
  const last = data.days[data.days.length - 1]?.date;
  return last && last < data.bookable_until ? addDays(last, 1) : null;
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
