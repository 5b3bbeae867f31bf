// Quiet hours: a wall-clock window in the business's zone during which no message goes out
// (default 21:00–08:00). Wall-clock minutes, like working hours, so a DST night is simply an hour
// longer or shorter and the window still ends at 08:00 on the clock.
import {
  MINUTE_MS,
  MINUTES_PER_DAY,
  addDaysToLocalDate,
  localBoundaryToUtc,
  utcToLocalDate,
  utcToLocalMinute,
  utcToWallClockMs,
} from './time.js';

export interface QuietHours {
  /** Wall-clock minute the window opens, 0..1439. */
  startMinute: number;
  /** Wall-clock minute it closes (exclusive), 0..1439; below startMinute it wraps midnight. */
  endMinute: number;
}

/** Equal start and end mean "no quiet hours". */
export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };

export function validateQuietHours(quiet: QuietHours): string[] {
  const issues: string[] = [];
  for (const field of ['startMinute', 'endMinute'] as const) {
    const value = quiet[field];
    if (!Number.isInteger(value) || value < 0 || value >= MINUTES_PER_DAY) {
      issues.push(`${field} must be a whole minute of the day (0..1439), got ${value}`);
    }
  }
  return issues;
}

function isQuietMinute(quiet: QuietHours, minute: number): boolean {
  const { startMinute, endMinute } = quiet;
  if (startMinute === endMinute) return false;
  return startMinute < endMinute
    ? minute >= startMinute && minute < endMinute
    : minute >= startMinute || minute < endMinute;
}

export function isInQuietHours(ms: number, quiet: QuietHours, timeZone: string): boolean {
  return isQuietMinute(quiet, utcToLocalMinute(ms, timeZone));
}

/** One night of quiet hours as instants: messages may go out before `start` and from `end` on. */
export interface QuietWindow {
  start: number;
  end: number;
}

/** The window of one calendar night, as the clock's readings say, containing quiet `ms`. */
function nightAt(ms: number, minute: number, quiet: QuietHours, timeZone: string): QuietWindow {
  const date = utcToLocalDate(ms, timeZone);
  const wraps = quiet.startMinute > quiet.endMinute;
  const startDate = wraps && minute < quiet.endMinute ? addDaysToLocalDate(date, -1) : date;
  const endDate = wraps && minute >= quiet.startMinute ? addDaysToLocalDate(date, 1) : date;
  const start = localBoundaryToUtc(startDate, quiet.startMinute, timeZone);
  let end = localBoundaryToUtc(endDate, quiet.endMinute, timeZone);
  if (end <= ms) {
    // Only when the window closes inside an hour the clock shows twice and `ms` is in the second
    // pass: the boundary helper answers the first pass, so count on from the current reading.
    const minuteStart =
      ms - (((utcToWallClockMs(ms, timeZone) % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
    end = minuteStart + (quiet.endMinute - minute) * MINUTE_MS;
  }
  return { start, end };
}

/** The quiet window that contains `ms`, or null when `ms` is outside quiet hours. */
export function quietWindowAt(ms: number, quiet: QuietHours, timeZone: string): QuietWindow | null {
  const minute = utcToLocalMinute(ms, timeZone);
  if (!isQuietMinute(quiet, minute)) return null;
  let { start, end } = nightAt(ms, minute, quiet, timeZone);
  // A spring-forward jump can skip the free minutes between two nights (quiet 00:01–00:00 and a
  // jump at midnight), making them one window: follow it to its real edges. Bounded, because a
  // zone jumps at most once in a night.
  for (let i = 0; i < 3 && isInQuietHours(start - MINUTE_MS, quiet, timeZone); i++) {
    const before = start - MINUTE_MS;
    start = nightAt(before, utcToLocalMinute(before, timeZone), quiet, timeZone).start;
  }
  for (let i = 0; i < 3 && isInQuietHours(end, quiet, timeZone); i++) {
    end = nightAt(end, utcToLocalMinute(end, timeZone), quiet, timeZone).end;
  }
  return { start, end };
}

/**
 * The moment a message wanted at `wanted` may go out, or null when none is useful:
 *   - outside quiet hours: `wanted` itself;
 *   - inside: the END of the window (the next 08:00), when that is no later than `latest`;
 *   - otherwise the last minute BEFORE the window opened (20:59), when that is no earlier than
 *     `earliest` (and so still ahead of us) — a reminder the night before beats none;
 *   - otherwise null: the caller drops the message (or, for news that cannot wait, sends it now).
 * `latest` null means "no deadline" (follow-ups), so the end of the window always works.
 */
export function deferForQuietHours(
  wanted: number,
  options: { quietHours: QuietHours; timeZone: string; earliest: number; latest: number | null },
): number | null {
  const window = quietWindowAt(wanted, options.quietHours, options.timeZone);
  if (!window) return wanted;
  if (options.latest === null || window.end <= options.latest) return window.end;
  const beforeQuiet = window.start - MINUTE_MS;
  if (beforeQuiet >= options.earliest && beforeQuiet <= options.latest) return beforeQuiet;
  return null;
}
