// How a free slot reads to a person: its day and its time, in their language and the business's
// zone. The availability answer carries these words so that a page showing slots needs no date
// formatting of its own: a browser spends 40–85 ms loading ICU's data on a page's first date or
// number format, which on the widget's first screen was a fifth of the visitor's whole wait. The
// server has ICU loaded already and formats a label in about a microsecond.

/** A BCP 47 language tag as ICU understands it (`en-gb` → `en-GB`), or null when it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export interface SlotLabeller {
  /** The locale the words are really in: the asked one, or the nearest ICU has. */
  locale: string;
  /** The wall-clock time of an instant in the business's zone: "9:00 AM", "09:00". */
  time(ms: number): string;
  /** A calendar day (YYYY-MM-DD) for a row of day buttons: "Fri, Nov 27", "Fr., 27. Nov.". */
  day(date: string): string;
  /** The same day as a heading: "Friday, November 27". */
  dayLong(date: string): string;
}

// Building a formatter costs ~50 µs and many visitors share a language, so labellers are kept;
// the locales come from visitors, so the number kept is bounded.
const KEPT = 64;
const kept = new Map<string, SlotLabeller>();

export function slotLabeller(locale: string, timeZone: string): SlotLabeller {
  const key = `${locale}|${timeZone}`;
  const known = kept.get(key);
  if (known) return known;
  // English when ICU has nothing for the language, rather than whatever the host machine speaks.
  const locales = [locale, 'en'];
  const time = new Intl.DateTimeFormat(locales, { timeZone, hour: 'numeric', minute: '2-digit' });
  // A calendar day has no zone: noon UTC of that date, read in UTC, is that date everywhere.
  const day = new Intl.DateTimeFormat(locales, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const dayLong = new Intl.DateTimeFormat(locales, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
  const made: SlotLabeller = {
    locale: time.resolvedOptions().locale,
    time: (ms) => time.format(ms),
    day: (date) => day.format(noon(date)),
    dayLong: (date) => dayLong.format(noon(date)),
  };
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value ?? '');
  kept.set(key, made);
  return made;
}
