// Timer functions driven by the test clock: nothing fires until the test moves time, so the
// reminder loop can be walked through days of reminders without a single real sleep.
import type { Timers } from '../../main/messaging/loop.js';
import type { TestClock } from './app.js';

export interface ManualTimers extends Timers {
  /** The instant the earliest armed timer fires, or null when none is armed. */
  nextAt(): number | null;
  armedCount(): number;
  /**
   * Moves the clock forward to `target`, stopping at every armed timer on the way: waits for
   * `settle` (the loop's idle()), sets the clock to the timer's instant and fires it.
   */
  advanceTo(target: number, settle: () => Promise<void>): Promise<void>;
}

export function manualTimers(clock: TestClock): ManualTimers {
  let sequence = 0;
  const armed = new Map<number, { at: number; callback: () => void }>();

  function earliest(): [number, { at: number; callback: () => void }] | undefined {
    let found: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of armed) {
      if (!found || entry[1].at < found[1].at) found = entry;
    }
    return found;
  }

  return {
    setTimeout(callback, ms) {
      sequence += 1;
      armed.set(sequence, { at: clock.now() + ms, callback });
      return sequence;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') armed.delete(handle);
    },
    nextAt: () => earliest()?.[1].at ?? null,
    armedCount: () => armed.size,
    async advanceTo(target, settle) {
      // A loop that re-arms for "now" forever would hang the test: fail it instead.
      for (let fired = 0; fired < 10_000; fired++) {
        // A batch already running (woken by a booking) re-arms when it ends: wait for it first.
        await settle();
        const next = earliest();
        if (!next || next[1].at > target) {
          clock.set(Math.max(clock.now(), target));
          return;
        }
        armed.delete(next[0]);
        clock.set(Math.max(clock.now(), next[1].at));
        next[1].callback();
      }
      throw new Error('timers kept firing: the loop re-arms without making progress');
    },
  };
}
