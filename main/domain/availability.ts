// The availability engine: which start times can be booked, and why one cannot.
//
// Rules, and why:
//  1. Candidate starts are wall-clock times in the business's zone: for each local day and
//     each working interval of that weekday, startMinute, startMinute + step, … — customers
//     expect 09:00, 09:15, … whatever the UTC offset. A time skipped by a spring-forward gap
//     is not offered; a time shown twice on a fall-back day is offered once, at its first
//     occurrence, so the list never shows the same clock time twice.
//  2. The appointment [start, start + duration) is real elapsed time and must end no later
//     than the real instant of the interval's end ("the first instant the clock shows the
//     end time", see time.ts). A 09:00–17:00 day therefore stays 09:00–17:00 local on 23-
//     and 25-hour days. A slot must fit wholly inside ONE interval: intervals of a weekday
//     (e.g. around a lunch break) are never joined, even when they touch.
//  3. The new appointment occupies [start - bufferBefore, end + bufferAfter); it must not
//     overlap (half-open: touching is fine) any existing appointment's occupied span
//     [start - its bufferBefore, end + its bufferAfter), nor any time-off period. Buffers
//     may reach outside working hours (preparing before opening is allowed); only the
//     appointment itself must lie inside working hours. Negative buffers count as zero so
//     a bad record can never let two bookings overlap.
//  4. start >= now + minimumNotice and start <= now + horizonDays * 24 h.
//  5. Slots of a day are sorted by start and unique by start. With several staff ("any
//     staff") each start instant is offered once, carrying one staff member: the free one
//     with the fewest appointments starting that local day, ties going to the earlier entry
//     in `staff`. This spreads bookings so a single member's calendar does not fill up
//     while others sit idle, and the query order (the business's staff order) makes the
//     choice deterministic, so the slot list is stable between refreshes.
//  findConflict applies rules 2–3 to one proposed booking (not step alignment, notice or
//  horizon, which are the caller's policy), so every slot computeAvailability offers passes
//  it. The caller must leave out the appointment being rescheduled.
//
// Performance: busy spans are filtered to the period, sorted and merged once per staff and
// swept with a forward-moving index; zone offsets are found once per call (ZoneTimeline),
// and when the offset is constant across a working interval the candidates are pure
// arithmetic from the interval's start instant. Only intervals that contain an offset change
// convert each candidate on its own.
import {
  DAY_MS,
  MINUTES_PER_DAY,
  MINUTE_MS,
  ZoneTimeline,
  assertTimeZone,
  formatInstantInZone,
  localDateOfWallClockMs,
  localTimeToUtc,
  parseLocalDate,
  utcToLocalDate,
  utcToWallClockMs,
  wallClockMs,
} from './time.js';

export interface WorkingInterval {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Wall-clock minutes since local midnight, 0..1440, startMinute < endMinute. */
  startMinute: number;
  endMinute: number;
}

/** An existing appointment; the buffers are those of its own service. Instants are UTC ms. */
export interface BusyAppointment {
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** Time off, UTC ms. */
export interface BlockedPeriod {
  start: number;
  end: number;
}

export interface StaffAvailabilityInput {
  staffId: string;
  hours: WorkingInterval[];
  timeOff: BlockedPeriod[];
  appointments: BusyAppointment[];
}

export interface AvailabilityQuery {
  /** IANA zone of the business. */
  timeZone: string;
  /** UTC ms. */
  now: number;
  /** YYYY-MM-DD, a local date in timeZone. */
  fromDate: string;
  /** Number of local days to compute, >= 1. */
  days: number;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  stepMinutes: number;
  minimumNoticeMinutes: number;
  /** No slot may start after now + horizonDays * 24 h. */
  horizonDays: number;
  /** One entry = "this staff member"; several = "any staff". */
  staff: StaffAvailabilityInput[];
}

export interface Slot {
  start: number;
  end: number;
  staffId: string;
}

export interface DayAvailability {
  date: string;
  slots: Slot[];
}

export interface ProposedBooking {
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export type ConflictReason = 'outside_working_hours' | 'time_off' | 'overlaps_appointment';

export interface Conflict {
  reason: ConflictReason;
  message: string;
}

// ── input checks ────────────────────────────────────────────────────────────────────────

function requireInteger(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

function requireInstant(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant`);
}

function checkInterval(iv: WorkingInterval): void {
  if (
    !Number.isInteger(iv.weekday) ||
    iv.weekday < 1 ||
    iv.weekday > 7 ||
    !Number.isInteger(iv.startMinute) ||
    !Number.isInteger(iv.endMinute) ||
    iv.startMinute < 0 ||
    iv.endMinute > MINUTES_PER_DAY ||
    iv.startMinute >= iv.endMinute
  ) {
    throw new RangeError(
      `Invalid working interval (weekday ${iv.weekday}, ${iv.startMinute}–${iv.endMinute})`,
    );
  }
}

function bufferMs(minutes: number): number {
  return minutes > 0 ? minutes * MINUTE_MS : 0;
}

/** Intervals grouped by ISO weekday (index 1..7), each list sorted by start. */
function hoursByWeekday(hours: WorkingInterval[]): WorkingInterval[][] {
  const byDay: WorkingInterval[][] = [[], [], [], [], [], [], [], []];
  for (const iv of hours) {
    checkInterval(iv);
    (byDay[iv.weekday] as WorkingInterval[]).push(iv);
  }
  for (const list of byDay) list.sort((a, b) => a.startMinute - b.startMinute);
  return byDay;
}

function overlapsAny(list: WorkingInterval[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as WorkingInterval).startMinute < (list[i - 1] as WorkingInterval).endMinute) {
      return true;
    }
  }
  return false;
}

// ── busy spans ──────────────────────────────────────────────────────────────────────────

/** Disjoint, sorted half-open spans: [starts[i], ends[i]). */
interface SpanSet {
  starts: Float64Array;
  ends: Float64Array;
  count: number;
}

/**
 * Occupied spans of one staff member that can touch [windowStart, windowEnd), merged into
 * their union. Starts and ends are sorted separately (native numeric sort, no comparator)
 * and swept counting open spans, which yields the union without pairing them up again.
 * Empty spans are dropped first: they block nothing but would count as open in the sweep.
 */
function busySpans(staff: StaffAvailabilityInput, windowStart: number, windowEnd: number): SpanSet {
  const capacity = staff.appointments.length + staff.timeOff.length;
  const rawStarts = new Float64Array(capacity);
  const rawEnds = new Float64Array(capacity);
  let n = 0;
  for (const a of staff.appointments) {
    const s = a.start - bufferMs(a.bufferBeforeMinutes);
    const e = a.end + bufferMs(a.bufferAfterMinutes);
    if (e > s && s < windowEnd && e > windowStart) {
      rawStarts[n] = s;
      rawEnds[n++] = e;
    }
  }
  for (const p of staff.timeOff) {
    if (p.end > p.start && p.start < windowEnd && p.end > windowStart) {
      rawStarts[n] = p.start;
      rawEnds[n++] = p.end;
    }
  }
  const sortedStarts = rawStarts.subarray(0, n).sort();
  const sortedEnds = rawEnds.subarray(0, n).sort();

  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let count = 0;
  let open = 0;
  let i = 0;
  let j = 0;
  while (j < n) {
    // Starts before ends on ties, so touching spans join into one.
    if (i < n && (sortedStarts[i] as number) <= (sortedEnds[j] as number)) {
      if (open++ === 0) starts[count] = sortedStarts[i] as number;
      i++;
    } else {
      if (--open === 0) ends[count++] = sortedEnds[j] as number;
      j++;
    }
  }
  return { starts, ends, count };
}

/** Index of the first span whose end is after `t` (spans ending at or before t cannot overlap). */
function firstSpanEndingAfter(spans: SpanSet, t: number): number {
  let lo = 0;
  let hi = spans.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans.ends[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function appointmentStartsIn(
  appointments: BusyAppointment[],
  from: number,
  to: number,
): Float64Array {
  const kept = new Float64Array(appointments.length);
  let n = 0;
  for (const a of appointments) if (a.start >= from && a.start < to) kept[n++] = a.start;
  return kept.subarray(0, n).sort();
}

function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countInRange(sorted: Float64Array, from: number, to: number): number {
  return lowerBound(sorted, to) - lowerBound(sorted, from);
}

// ── the engine ──────────────────────────────────────────────────────────────────────────

interface PreparedStaff {
  staffId: string;
  byWeekday: WorkingInterval[][];
  overlappingWeekday: boolean[];
  spans: SpanSet;
  appointmentStarts: Float64Array;
}

interface Limits {
  durationMs: number;
  stepMinutes: number;
  stepMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  earliestStart: number;
  latestStart: number;
}

/**
 * Start instants of one staff member on one local day, ascending and unique.
 * `dayWall` is the day's midnight as wall-clock ms.
 */
function startsForDay(
  staff: PreparedStaff,
  weekday: number,
  dayWall: number,
  timeline: ZoneTimeline,
  limits: Limits,
): number[] {
  const intervals = staff.byWeekday[weekday] as WorkingInterval[];
  const out: number[] = [];
  if (intervals.length === 0) return out;
  const { durationMs, stepMs, bufferBeforeMs, bufferAfterMs, earliestStart, latestStart } = limits;
  const spans = staff.spans;
  const spanStarts = spans.starts;
  const spanEnds = spans.ends;
  const spanCount = spans.count;

  for (const iv of intervals) {
    const startWall = dayWall + iv.startMinute * MINUTE_MS;
    const end = timeline.wallClockBoundaryToUtc(dayWall + iv.endMinute * MINUTE_MS);
    const lastStart = Math.min(end - durationMs, latestStart);
    const first = timeline.wallClockToUtc(startWall);

    if (first !== null && !timeline.hasTransitionBetween(first, end)) {
      // Constant offset across the interval: candidate k is first + k * step.
      if (first > lastStart) continue;
      let t = first;
      if (t < earliestStart) t += Math.ceil((earliestStart - t) / stepMs) * stepMs;
      let p = firstSpanEndingAfter(spans, t - bufferBeforeMs);
      while (t <= lastStart) {
        const occupiedStart = t - bufferBeforeMs;
        while (p < spanCount && (spanEnds[p] as number) <= occupiedStart) p++;
        if (p < spanCount && (spanStarts[p] as number) < t + durationMs + bufferAfterMs) {
          // Blocked: jump to the first candidate whose occupied span starts after this span.
          const freeFrom = (spanEnds[p] as number) + bufferBeforeMs;
          t += Math.max(1, Math.ceil((freeFrom - t) / stepMs)) * stepMs;
          continue;
        }
        out.push(t);
        t += stepMs;
      }
    } else {
      // The offset changes inside the interval (a DST day): convert each wall-clock candidate.
      let p = -1;
      for (let m = iv.startMinute; m < iv.endMinute; m += limits.stepMinutes) {
        const t = timeline.wallClockToUtc(dayWall + m * MINUTE_MS);
        if (t === null || t < earliestStart) continue;
        if (t > lastStart) continue;
        const occupiedStart = t - bufferBeforeMs;
        // First-occurrence instants grow with the wall clock, so the index only moves on.
        if (p < 0) p = firstSpanEndingAfter(spans, occupiedStart);
        while (p < spanCount && (spanEnds[p] as number) <= occupiedStart) p++;
        if (p < spanCount && (spanStarts[p] as number) < t + durationMs + bufferAfterMs) continue;
        out.push(t);
      }
    }
  }

  if (staff.overlappingWeekday[weekday] === true) {
    // Overlapping intervals of one weekday yield interleaved, possibly repeated starts.
    out.sort((a, b) => a - b);
    let w = 0;
    for (let r = 0; r < out.length; r++) {
      if (w === 0 || out[r] !== out[w - 1]) out[w++] = out[r] as number;
    }
    out.length = w;
  }
  return out;
}

/**
 * Free slots for each local day in [fromDate, fromDate + days), one entry per day even when
 * it has no slots. Throws RangeError on malformed input (unknown zone, bad date, bad
 * interval): the caller validates user input, so this only trips on bugs or corrupt data.
 */
export function computeAvailability(q: AvailabilityQuery): DayAvailability[] {
  assertTimeZone(q.timeZone);
  parseLocalDate(q.fromDate);
  requireInstant(q.now, 'now');
  requireInteger(q.days, 'days', 1);
  requireInteger(q.durationMinutes, 'durationMinutes', 1);
  requireInteger(q.stepMinutes, 'stepMinutes', 1);
  requireInteger(q.bufferBeforeMinutes, 'bufferBeforeMinutes', 0);
  requireInteger(q.bufferAfterMinutes, 'bufferAfterMinutes', 0);
  requireInteger(q.minimumNoticeMinutes, 'minimumNoticeMinutes', 0);
  requireInteger(q.horizonDays, 'horizonDays', 0);

  const limits: Limits = {
    durationMs: q.durationMinutes * MINUTE_MS,
    stepMinutes: q.stepMinutes,
    stepMs: q.stepMinutes * MINUTE_MS,
    bufferBeforeMs: q.bufferBeforeMinutes * MINUTE_MS,
    bufferAfterMs: q.bufferAfterMinutes * MINUTE_MS,
    earliestStart: q.now + q.minimumNoticeMinutes * MINUTE_MS,
    latestStart: q.now + q.horizonDays * DAY_MS,
  };

  const firstWall = wallClockMs(q.fromDate);
  const endWall = firstWall + q.days * DAY_MS;
  // A local day lies within ±26 h of its wall-clock encoding; two days is a safe margin.
  const timeline = new ZoneTimeline(q.timeZone, firstWall - 2 * DAY_MS, endWall + 2 * DAY_MS);

  const dayStarts = new Float64Array(q.days + 1);
  for (let i = 0; i <= q.days; i++) {
    dayStarts[i] = timeline.wallClockBoundaryToUtc(firstWall + i * DAY_MS);
  }
  const periodStart = dayStarts[0] as number;
  const periodEnd = dayStarts[q.days] as number;
  const anyStaff = q.staff.length > 1;

  const prepared: PreparedStaff[] = q.staff.map((s) => {
    const byWeekday = hoursByWeekday(s.hours);
    return {
      staffId: s.staffId,
      byWeekday,
      overlappingWeekday: byWeekday.map(overlapsAny),
      // Every candidate lies within the period, so its occupied span within these bounds.
      spans: busySpans(s, periodStart - limits.bufferBeforeMs, periodEnd + limits.bufferAfterMs),
      appointmentStarts: anyStaff
        ? appointmentStartsIn(s.appointments, periodStart, periodEnd)
        : new Float64Array(0),
    };
  });

  const result: DayAvailability[] = [];
  const perStaff: number[][] = new Array<number[]>(prepared.length);
  const rank: number[] = new Array<number>(prepared.length);
  const cursor: number[] = new Array<number>(prepared.length);

  for (let i = 0; i < q.days; i++) {
    const dayWall = firstWall + i * DAY_MS;
    const date = localDateOfWallClockMs(dayWall);
    const sundayBased = new Date(dayWall).getUTCDay();
    const weekday = sundayBased === 0 ? 7 : sundayBased;
    const slots: Slot[] = [];
    const dayStart = dayStarts[i] as number;
    const nextDayStart = dayStarts[i + 1] as number;

    const dayIsBookable = limits.earliestStart < nextDayStart && limits.latestStart >= dayStart;
    if (dayIsBookable && prepared.length === 1) {
      const staff = prepared[0] as PreparedStaff;
      for (const t of startsForDay(staff, weekday, dayWall, timeline, limits)) {
        slots.push({ start: t, end: t + limits.durationMs, staffId: staff.staffId });
      }
    } else if (dayIsBookable && prepared.length > 1) {
      // Preference order for the day: fewest appointments starting today, then query order.
      const load = prepared.map((s) => countInRange(s.appointmentStarts, dayStart, nextDayStart));
      const order = prepared.map((_, k) => k);
      order.sort((a, b) => (load[a] as number) - (load[b] as number) || a - b);
      order.forEach((staffIndex, position) => (rank[staffIndex] = position));
      for (let k = 0; k < prepared.length; k++) {
        perStaff[k] = startsForDay(
          prepared[k] as PreparedStaff,
          weekday,
          dayWall,
          timeline,
          limits,
        );
        cursor[k] = 0;
      }
      // k-way merge of the sorted per-staff lists; equal starts go to the best-ranked staff.
      for (;;) {
        let best = -1;
        let bestStart = Infinity;
        for (let k = 0; k < prepared.length; k++) {
          const list = perStaff[k] as number[];
          const c = cursor[k] as number;
          if (c >= list.length) continue;
          const t = list[c] as number;
          if (t < bestStart || (t === bestStart && (rank[k] as number) < (rank[best] as number))) {
            best = k;
            bestStart = t;
          }
        }
        if (best < 0) break;
        slots.push({
          start: bestStart,
          end: bestStart + limits.durationMs,
          staffId: (prepared[best] as PreparedStaff).staffId,
        });
        for (let k = 0; k < prepared.length; k++) {
          const list = perStaff[k] as number[];
          if ((cursor[k] as number) < list.length && list[cursor[k] as number] === bestStart) {
            cursor[k] = (cursor[k] as number) + 1;
          }
        }
      }
    }
    result.push({ date, slots });
  }
  return result;
}

/**
 * True when `start` lies in one of this staff member's working intervals but is not a start the
 * engine would offer there (rule 1): off the step grid counted from the interval's start, not
 * on a whole minute, or the second pass of a time a fall-back day shows twice. A start outside
 * every interval is findConflict's to refuse (outside working hours), so it is not off-grid here.
 */
export function isOffGrid(
  start: number,
  hours: WorkingInterval[],
  timeZone: string,
  stepMinutes: number,
): boolean {
  assertTimeZone(timeZone);
  requireInstant(start, 'start');
  requireInteger(stepMinutes, 'stepMinutes', 1);
  const wall = utcToWallClockMs(start, timeZone);
  if (wall % MINUTE_MS !== 0) return true;
  const date = localDateOfWallClockMs(wall);
  const minute = (wall - wallClockMs(date)) / MINUTE_MS;
  const sundayBased = new Date(wall).getUTCDay();
  const weekday = sundayBased === 0 ? 7 : sundayBased;
  const containing = (hoursByWeekday(hours)[weekday] as WorkingInterval[]).filter(
    (iv) => iv.startMinute <= minute && minute < iv.endMinute,
  );
  if (containing.length === 0) return false;
  if (localTimeToUtc(date, minute, timeZone) !== start) return true;
  return !containing.some((iv) => (minute - iv.startMinute) % stepMinutes === 0);
}

/**
 * Why one proposed booking cannot be placed with this staff member, or null when it can.
 * Checks working hours, time off and existing appointments (buffers included); the caller
 * checks notice, horizon and step alignment, and excludes the appointment being moved.
 */
export function findConflict(
  candidate: ProposedBooking,
  staff: StaffAvailabilityInput,
  timeZone: string,
): Conflict | null {
  assertTimeZone(timeZone);
  requireInstant(candidate.start, 'start');
  requireInstant(candidate.end, 'end');
  if (candidate.end <= candidate.start) throw new RangeError('end must be after start');
  const byWeekday = hoursByWeekday(staff.hours);
  const when = `${formatInstantInZone(candidate.start, timeZone)}–${formatInstantInZone(candidate.end, timeZone)}`;

  // No instant before local day D starts shows date D, so an interval of an earlier day can
  // never hold a booking that starts on D. The next day is checked too: where a fall-back
  // crosses midnight (00:30 → 23:30 the day before), early instants of D + 1 show date D.
  const startDate = utcToLocalDate(candidate.start, timeZone);
  const startDayWall = wallClockMs(startDate);
  const timeline = new ZoneTimeline(
    timeZone,
    startDayWall - 3 * DAY_MS,
    Math.max(startDayWall + 3 * DAY_MS, candidate.end + DAY_MS),
  );
  let inside = false;
  for (const dayWall of [startDayWall, startDayWall + DAY_MS]) {
    const sundayBased = new Date(dayWall).getUTCDay();
    const weekday = sundayBased === 0 ? 7 : sundayBased;
    for (const iv of byWeekday[weekday] as WorkingInterval[]) {
      const open = timeline.wallClockBoundaryToUtc(dayWall + iv.startMinute * MINUTE_MS);
      const close = timeline.wallClockBoundaryToUtc(dayWall + iv.endMinute * MINUTE_MS);
      if (open <= candidate.start && candidate.end <= close) inside = true;
    }
  }
  if (!inside) {
    return {
      reason: 'outside_working_hours',
      message: `${when} is outside ${staff.staffId}'s working hours`,
    };
  }

  const occupiedStart = candidate.start - bufferMs(candidate.bufferBeforeMinutes);
  const occupiedEnd = candidate.end + bufferMs(candidate.bufferAfterMinutes);
  for (const p of staff.timeOff) {
    if (p.end > p.start && p.start < occupiedEnd && p.end > occupiedStart) {
      return {
        reason: 'time_off',
        message: `${when} (with preparation and clean-up time) falls in ${staff.staffId}'s time off ${formatInstantInZone(p.start, timeZone)}–${formatInstantInZone(p.end, timeZone)}`,
      };
    }
  }
  for (const a of staff.appointments) {
    const s = a.start - bufferMs(a.bufferBeforeMinutes);
    const e = a.end + bufferMs(a.bufferAfterMinutes);
    if (e > s && s < occupiedEnd && e > occupiedStart) {
      return {
        reason: 'overlaps_appointment',
        message: `${when} (with preparation and clean-up time) overlaps ${staff.staffId}'s appointment ${formatInstantInZone(a.start, timeZone)}–${formatInstantInZone(a.end, timeZone)}`,
      };
    }
  }
  return null;
}
