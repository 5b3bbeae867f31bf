// Wall clock in the business's time zone, for the renderer. The core's main/domain/time.ts is
// the authority (the renderer cannot import it); this does the little the screens need with
// Intl alone: where an instant falls on the business's clock, and the instant of a wall time.
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading at an instant, encoded as if it were UTC (plain arithmetic, no DST). */
function wallMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function isoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

export interface WallClock {
  /** YYYY-MM-DD in the business's zone. */
  readonly date: string;
  /** Minutes since that day's midnight on the wall clock. */
  readonly minute: number;
}

// formatToParts costs microseconds a call and a week view asks thousands of times for the same
// few hundred instants; a bounded memo keeps re-renders (a drag, a week switch) cheap.
const wallCache = new Map<string, WallClock>();
const WALL_CACHE_SIZE = 20_000;

export function wallClock(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${ms}`;
  const cached = wallCache.get(key);
  if (cached) return cached;
  const wall = wallMs(ms, timeZone);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const answer = { date: isoDate(midnight), minute: Math.round((wall - midnight) / MINUTE_MS) };
  if (wallCache.size >= WALL_CACHE_SIZE) wallCache.clear();
  wallCache.set(key, answer);
  return answer;
}

/**
 * The instant the business's clock shows `minute` on `date`: its first occurrence when the clock
 * shows it twice (as the core's main/domain/time.ts answers), and for a time the clock skips,
 * the instant just after the jump.
 */
export function zonedToUtc(date: string, minute: number, timeZone: string): number {
  const target = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE_MS;
  // The offsets half a day either side cover both readings of a repeated hour.
  const offsetAt = (ms: number) => wallMs(ms, timeZone) - ms;
  const readings = [target - offsetAt(target - DAY_MS / 2), target - offsetAt(target + DAY_MS / 2)]
    .filter((ms) => wallMs(ms, timeZone) === target)
    .sort((a, b) => a - b);
  if (readings[0] !== undefined) return readings[0];
  let guess = target;
  for (let pass = 0; pass < 2; pass++) guess = target - (wallMs(guess, timeZone) - guess);
  return guess;
}

export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** ISO weekday, 1 = Monday … 7 = Sunday, as working hours are stored. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function formatMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function formatTime(ms: number, timeZone: string): string {
  return formatMinute(wallClock(ms, timeZone).minute);
}

export function formatDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatDateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

export function formatShortDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}
