// The calendar's keyboard: ←/→ days (or weeks), t today, n new booking, / search. Ignored while typing in a field or
// while a dialog is open, so a name with a "t" in it never jumps the calendar.
import { useEffect } from 'react';

export interface CalendarKeys {
  previous: () => void;
  next: () => void;
  today: () => void;
  newBooking: () => void;
  search: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

export function useCalendarKeys(keys: CalendarKeys, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const actions: Record<string, (() => void) | undefined> = {
        ArrowLeft: keys.previous,
        ArrowRight: keys.next,
        t: keys.today,
        n: keys.newBooking,
        '/': keys.search,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled]);
}
