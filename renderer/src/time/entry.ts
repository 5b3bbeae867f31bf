// Times and dates as the receptionist types them, read and shown the way the rest of the desk
// shows them: a 24-hour clock and day-before-month dates (zone.ts), whatever the browser's own
// locale. The browser's native time and date inputs follow that locale instead (12-hour on an
// American-English machine, month first), which disagrees with every other time on screen.
// Pure functions: the inputs in ui/ClockInput.tsx use them, and tests/unit reads them directly.

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** How the inputs show a time and a date once read (and the hint while they are empty). */
export const CLOCK_HINT = 'HH:MM, e.g. 09:30';
export const DATE_HINT = 'DD/MM/YYYY, e.g. 04/08/2027';

/**
 * Minutes since midnight from what was typed: "9", "930", "09:30", "9.30", "9h30", "9:30 pm",
 * "12am"; "24:00" is the end of a day. Empty → undefined, unreadable → null.
 */
export function readClock(text: string): number | null | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return undefined;
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm|a|p)?$/.exec(t);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.[0];
  if (minute > 59) return null;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && minute !== 0)) return null;
  return hour * 60 + minute;
}

export function formatClock(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // 31/02 rolls over into March: not a date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  return back.toISOString().slice(0, 10);
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/**
 * YYYY-MM-DD from what was typed, day first as the desk writes dates: "4/8/2027", "04.08.27",
 * "4 Aug 2027", "Wed 4 August 2027", or ISO "2027-08-04". Empty → undefined, unreadable → null.
 */
export function readDate(text: string): string | null | undefined {
  const t = text
    .trim()
    .toLowerCase()
    // A leading weekday ("Wed", "Wednesday,") is what formatDateEntry writes; it decides nothing.
    .replace(/^[a-z]+,?\s+(?=\d)/, '');
  if (t === '') return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (numeric) {
    return isoOf(fullYear(numeric[3] ?? ''), Number(numeric[2]), Number(numeric[1]));
  }
  const named = /^(\d{1,2})\s*([a-z]{3,9})\.?,?\s*(\d{2}|\d{4})$/.exec(t);
  if (named) {
    const month = MONTHS.findIndex((m) => named[2]?.startsWith(m));
    if (month === -1) return null;
    return isoOf(fullYear(named[3] ?? ''), month + 1, Number(named[1]));
  }
  return null;
}

/** "2027-08-04" → "Wed 4 Aug 2027": unambiguous whichever order the reader is used to. */
export function formatDateEntry(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(new Date(`${date}T00:00:00Z`))
    .replace(',', '');
}
