// Wall clock ↔ instant conversions for the business's IANA time zone.
//
// Instants are UTC epoch milliseconds everywhere in the app; working hours, quiet hours and
// dates the user picks are wall-clock values in the business's zone. The zone's rules come
// from @date-fns/tz (`tzOffset`, backed by the runtime's tz database); nothing here knows
// any zone's DST rules. What this module adds is a precise answer to the two questions
// `Date`/`TZDate` answer only implicitly: what happens to a wall-clock time that does not
// exist (spring-forward gap) and to one that exists twice (fall-back overlap). The answers,
// used consistently by availability, bookings and reminders:
//   - a time in a gap does not exist (`localTimeToUtc` → null);
//   - a time that occurs twice means its first occurrence;
//   - as a boundary (an opening or closing time, a day start), a time means "the first
//     instant the wall clock shows that time or later", which is the first occurrence, or
//     the instant of the jump when the time falls in a gap.
//
// A "wall-clock ms" value (see `wallClockMs`) is the wall-clock reading encoded as if it
// were a UTC instant: Date.UTC(y, m - 1, d) + minute * 60000. It makes calendar arithmetic
// plain integer arithmetic, free of the host machine's own time zone.
import { tzOffset } from '@date-fns/tz';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 1440;

/** Offset in effect at an instant, in whole milliseconds (historic offsets carry seconds). */
function offsetMsAt(timeZone: string, ms: number): number {
  return Math.round(tzOffset(timeZone, new Date(ms)) * MINUTE_MS);
}

// Zones found valid once stay valid: the tz database cannot change under a running process.
// Every formatted instant asks, so the Intl probe runs once per zone instead of per call.
const validZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  const valid =
    typeof timeZone === 'string' && timeZone !== '' && !Number.isNaN(offsetMsAt(timeZone, 0));
  if (valid) validZones.add(timeZone);
  return valid;
}

/** Throws a RangeError for a zone the runtime does not know, so a typo never means UTC. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
}

// ── local dates (YYYY-MM-DD): calendar values, independent of any zone ──────────────────

export interface LocalDateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a YYYY-MM-DD calendar date; returns null for anything else (incl. 2026-02-30). */
export function tryParseLocalDate(date: string): LocalDateParts | null {
  const match = LOCAL_DATE_RE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isLocalDate(date: string): boolean {
  return tryParseLocalDate(date) !== null;
}

export function parseLocalDate(date: string): LocalDateParts {
  const parts = tryParseLocalDate(date);
  if (!parts) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return parts;
}

/** The wall-clock reading `minute` minutes after midnight of `date`, encoded as UTC ms. */
export function wallClockMs(date: string, minute = 0): number {
  const { year, month, day } = parseLocalDate(date);
  // setUTCFullYear keeps years 0..99 literal (Date.UTC would map them to 1900..1999).
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getTime() + minute * MINUTE_MS;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The YYYY-MM-DD date of a wall-clock ms value. */
export function localDateOfWallClockMs(wallMs: number): string {
  const d = new Date(wallMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function addDaysToLocalDate(date: string, days: number): string {
  // Whole calendar days: wall-clock ms have no DST, so 24 h is always one day here.
  return localDateOfWallClockMs(wallClockMs(date) + days * DAY_MS);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfLocalDate(date: string): number {
  const sundayBased = new Date(wallClockMs(date)).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function localDaysBetween(from: string, to: string): number {
  return Math.round((wallClockMs(to) - wallClockMs(from)) / DAY_MS);
}

// ── instants seen in a zone ─────────────────────────────────────────────────────────────

/** UTC offset in minutes at an instant (e.g. 330 for Asia/Kolkata, -240 for New York in summer). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  assertTimeZone(timeZone);
  return memoisedOffsetMsAt(timeZone, ms) / MINUTE_MS;
}

/** The wall-clock reading at an instant, as wall-clock ms. */
export function utcToWallClockMs(ms: number, timeZone: string): number {
  // Memoised: placing a booking, planning its messages and answering it ask about the same
  // hours dozens of times, and each direct probe is an Intl call.
  assertTimeZone(timeZone);
  return ms + memoisedOffsetMsAt(timeZone, ms);
}

export function utcToLocalDate(ms: number, timeZone: string): string {
  return localDateOfWallClockMs(utcToWallClockMs(ms, timeZone));
}

/** Wall-clock minutes since local midnight at an instant, 0..1439 (seconds are dropped). */
export function utcToLocalMinute(ms: number, timeZone: string): number {
  const wall = utcToWallClockMs(ms, timeZone);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/**
 * ISO 8601 with the zone's offset at that instant, to the second: `2026-07-01T09:00:00+05:30`.
 * Always a numeric offset, never `Z`, because the widget shows the time as written and a
 * client that sees `+00:00` knows it is London winter, not "some UTC value".
 * (Hand-assembled rather than date-fns `format`, which costs ~30 µs a call: a 30-day
 * availability answer formats thousands of instants.)
 */
export function formatInstantInZone(ms: number, timeZone: string): string {
  assertTimeZone(timeZone);
  const offsetMinutes = Math.round(memoisedOffsetMsAt(timeZone, ms) / MINUTE_MS);
  const d = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}` +
    `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}

// ── a zone's offsets over a span of time ────────────────────────────────────────────────

export interface ZoneTransition {
  /** First instant (UTC ms) at which the new offset applies. */
  at: number;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

// Probing the zone costs ~2.5 µs (an Intl call), so transitions are located by probing a
// grid of week-long chunks and bisecting the chunks whose ends disagree, to the second (tz
// database transitions are whole seconds). Assumption: no zone changes offset and changes
// back within one week; none has in modern times. Chunks are memoised per zone: the tz
// database cannot change under a running process, and availability is asked for the same
// weeks over and over, so after the first request a timeline costs no probes at all.
const CHUNK_MS = 7 * DAY_MS;
const MAX_CACHED_CHUNKS = 20_000;
/** The furthest instant a Date holds; beyond it every offset is NaN. */
const LAST_DATE_MS = 8.64e15;
/**
 * More than any zone has had in a week: the search stops there whatever the tz data says, so it
 * ends on any input.
 */
const MAX_TRANSITIONS_PER_CHUNK = 8;
/** Longer than any caller asks for; a timeline over more would probe thousands of weeks. */
const MAX_TIMELINE_SPAN_MS = 20 * 366 * DAY_MS;

interface Chunk {
  /** Offset (ms) at the chunk's first instant. */
  startOffsetMs: number;
  /** Transitions in (chunk start, chunk end]: [instant, new offset in ms] pairs. */
  transitions: [number, number][];
}

const chunkCache = new Map<string, Chunk>();

function findTransitions(timeZone: string, lo: number, loOffset: number, hi: number) {
  const found: [number, number][] = [];
  const hiOffset = offsetMsAt(timeZone, hi);
  // NaN (an end beyond what a Date holds) equals nothing: the loop below would never end.
  if (Number.isNaN(hiOffset) || Number.isNaN(loOffset)) return found;
  // Repeat so that two different transitions in one chunk are both found.
  while (hiOffset !== loOffset && found.length < MAX_TRANSITIONS_PER_CHUNK) {
    let a = lo;
    let b = hi;
    while (b - a > 1000) {
      // Strictly between a and b, so every step narrows the span even when it is not whole seconds.
      const mid = a + Math.max(1000, Math.floor((b - a) / 2000) * 1000);
      if (offsetMsAt(timeZone, mid) === loOffset) a = mid;
      else b = mid;
    }
    lo = b;
    loOffset = offsetMsAt(timeZone, b);
    found.push([b, loOffset]);
  }
  return found;
}

function chunkAt(timeZone: string, index: number): Chunk {
  const key = `${timeZone}|${index}`;
  let chunk = chunkCache.get(key);
  if (!chunk) {
    const lo = index * CHUNK_MS;
    const startOffsetMs = offsetMsAt(timeZone, lo);
    chunk = {
      startOffsetMs,
      transitions: findTransitions(timeZone, lo, startOffsetMs, lo + CHUNK_MS),
    };
    // A crude bound is enough: the working set is a few zones times a couple of years.
    if (chunkCache.size >= MAX_CACHED_CHUNKS) chunkCache.clear();
    chunkCache.set(key, chunk);
  }
  return chunk;
}

/**
 * offsetMsAt from the memoised week chunks: the same answer (transitions are found to the
 * second, and are whole seconds), without an Intl call once the week is known. Formatting the
 * slots of an availability answer asks this a thousand times for a handful of weeks.
 */
function memoisedOffsetMsAt(timeZone: string, ms: number): number {
  if (!(Math.abs(ms) <= LAST_DATE_MS)) return offsetMsAt(timeZone, ms);
  const chunk = chunkAt(timeZone, Math.floor(ms / CHUNK_MS));
  let offsetMs = chunk.startOffsetMs;
  for (const [at, next] of chunk.transitions) if (at <= ms) offsetMs = next;
  return offsetMs;
}

/**
 * The zone's offsets between two instants, found once, so that many wall-clock
 * conversions over a period (a month of availability, a batch of reminders) are plain
 * arithmetic. Answers are exact inside [from, to]; outside it, the offsets at the ends are
 * assumed to continue, so build it with a margin (a day either side covers any zone).
 */
export class ZoneTimeline {
  readonly timeZone: string;
  readonly from: number;
  readonly to: number;
  /** segmentStart[i] is where segment i begins; segment 0 is open to the past. */
  private readonly segmentStart: number[] = [];
  private readonly segmentOffsetMs: number[] = [];

  constructor(timeZone: string, from: number, to: number) {
    assertTimeZone(timeZone);
    if (!(Math.abs(from) <= LAST_DATE_MS && Math.abs(to) <= LAST_DATE_MS) || to < from) {
      throw new RangeError('ZoneTimeline needs instants a Date can hold, with from <= to');
    }
    if (to - from > MAX_TIMELINE_SPAN_MS) {
      throw new RangeError('ZoneTimeline spans at most 20 years');
    }
    this.timeZone = timeZone;
    const firstChunk = Math.floor(from / CHUNK_MS);
    const lastChunk = Math.floor(to / CHUNK_MS);
    this.from = firstChunk * CHUNK_MS;
    this.to = (lastChunk + 1) * CHUNK_MS;
    this.segmentStart.push(Number.NEGATIVE_INFINITY);
    this.segmentOffsetMs.push(chunkAt(timeZone, firstChunk).startOffsetMs);
    for (let index = firstChunk; index <= lastChunk; index++) {
      for (const [at, offsetMs] of chunkAt(timeZone, index).transitions) {
        this.segmentStart.push(at);
        this.segmentOffsetMs.push(offsetMs);
      }
    }
  }

  get transitions(): ZoneTransition[] {
    const result: ZoneTransition[] = [];
    for (let i = 1; i < this.segmentStart.length; i++) {
      result.push({
        at: this.segmentStart[i] as number,
        offsetBeforeMinutes: (this.segmentOffsetMs[i - 1] as number) / MINUTE_MS,
        offsetAfterMinutes: (this.segmentOffsetMs[i] as number) / MINUTE_MS,
      });
    }
    return result;
  }

  private segmentIndexAt(ms: number): number {
    let i = this.segmentStart.length - 1;
    while (i > 0 && (this.segmentStart[i] as number) > ms) i--;
    return i;
  }

  offsetMinutesAt(ms: number): number {
    return (this.segmentOffsetMs[this.segmentIndexAt(ms)] as number) / MINUTE_MS;
  }

  utcToWallClockMs(ms: number): number {
    return ms + (this.segmentOffsetMs[this.segmentIndexAt(ms)] as number);
  }

  /** True when the offset changes somewhere strictly between a and b. */
  hasTransitionBetween(a: number, b: number): boolean {
    for (let i = 1; i < this.segmentStart.length; i++) {
      const at = this.segmentStart[i] as number;
      if (at > a && at < b) return true;
    }
    return false;
  }

  /**
   * The instant a wall-clock reading denotes: its first occurrence when the clock shows it
   * twice, null when the clock skips it.
   */
  wallClockToUtc(wallMs: number): number | null {
    const n = this.segmentStart.length;
    for (let i = 0; i < n; i++) {
      const t = wallMs - (this.segmentOffsetMs[i] as number);
      const segmentEnd = i + 1 < n ? (this.segmentStart[i + 1] as number) : Infinity;
      if (t >= (this.segmentStart[i] as number) && t < segmentEnd) return t;
    }
    return null;
  }

  /**
   * The first instant at which the wall clock shows `wallMs` or later: the first occurrence
   * of an existing reading, or the moment of the jump for a reading inside a gap. This is
   * what an opening or closing time means on a DST day.
   */
  wallClockBoundaryToUtc(wallMs: number): number {
    const n = this.segmentStart.length;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const segmentStart = this.segmentStart[i] as number;
      const segmentEnd = i + 1 < n ? (this.segmentStart[i + 1] as number) : Infinity;
      const t = Math.max(segmentStart, wallMs - (this.segmentOffsetMs[i] as number));
      if (t < segmentEnd && t < best) best = t;
    }
    return best;
  }
}

/** A timeline covering every instant that can show the given wall-clock reading. */
function timelineAround(wallMs: number, timeZone: string): ZoneTimeline {
  // Offsets lie within ±26 h in practice; two days either side is a safe margin.
  return new ZoneTimeline(timeZone, wallMs - 2 * DAY_MS, wallMs + 2 * DAY_MS);
}

/**
 * The instant of wall-clock `minute` (0..1440) on `date` in `timeZone`: the first
 * occurrence on a fall-back day; null when that time is skipped (spring-forward gap).
 */
export function localTimeToUtc(date: string, minute: number, timeZone: string): number | null {
  const wall = wallClockMs(date, minute);
  return timelineAround(wall, timeZone).wallClockToUtc(wall);
}

/**
 * The first instant at which the wall clock on `date` shows `minute` or later: like
 * localTimeToUtc, but a time in a gap maps to the moment of the jump. Use it for opening
 * and closing times, never null.
 */
export function localBoundaryToUtc(date: string, minute: number, timeZone: string): number {
  const wall = wallClockMs(date, minute);
  return timelineAround(wall, timeZone).wallClockBoundaryToUtc(wall);
}

/** First instant of the local day (local midnight, or the jump where midnight is skipped). */
export function startOfLocalDay(date: string, timeZone: string): number {
  return localBoundaryToUtc(date, 0, timeZone);
}
