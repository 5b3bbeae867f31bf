// How a free slot reads to a person: its day and its time, in their language and the business's
// zone. The availability answer carries these words so that a page showing slots needs no date
// formatting of its own: a browser spends 40–85 ms loading ICU's data on a page's first date or
// number format, which on the widget's first screen was a fifth of the visitor's whole wait. The
// server has ICU loaded already, and keeps the words it has made.
import { remembered } from './remembered.js';

// Building a formatter costs ~50 µs and many visitors share a language, so labellers are kept;
// the locales come from visitors, so the number kept is bounded. Each keeps the words it made:
// a business has a few dozen start times and a few weeks of days on offer, so an answer's labels
// are mostly looked up rather than formatted (a format costs a few µs, an answer has hundreds).
const KEPT_LOCALES = 64;
const KEPT_WORDS = 2_000;

/**
 * A BCP 47 language tag as ICU understands it (`en-gb` → `en-GB`), or null when it is not one.
 * Kept: every availability request asks, since the widget sends its language each time.
 */
export const canonicalLocale = remembered((tag: string): string | null => {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}, KEPT_WORDS);

export interface SlotLabeller {
  /** The locale the words are really in: the asked one, or the nearest ICU has. */
  locale: string;
  /** A wall-clock time of day (HH:MM, as the business's clock reads): "9:00 AM", "09:00". */
  time(wallClock: string): string;
  /** A calendar day (YYYY-MM-DD) for a row of day buttons: "Fri, Nov 27", "Fr., 27. Nov.". */
  day(date: string): string;
  /** The same day as a heading: "Friday, November 27". */
  dayLong(date: string): string;
}

/** The words for one language, made once per language (see KEPT_LOCALES). */
export const slotLabeller = remembered(labellerFor, KEPT_LOCALES);

function labellerFor(locale: string): SlotLabeller {
  // English when ICU has nothing for the language, rather than whatever the host machine speaks.
  // Everything is read in UTC from a wall clock or a date already in the business's terms, so
  // the words never depend on the server's own zone, nor on the business's zone rules.
  const locales = [locale, 'en'];
  const clock = new Intl.DateTimeFormat(locales, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  });
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
  // Noon UTC of a date is that date in UTC, whatever the zone.
  const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
  return {
    locale: clock.resolvedOptions().locale,
    time: remembered(
      (hhmm: string) => clock.format(Date.parse(`2000-01-01T${hhmm}:00Z`)),
      KEPT_WORDS,
    ),
    day: remembered((date: string) => day.format(noon(date)), KEPT_WORDS),
    dayLong: remembered((date: string) => dayLong.format(noon(date)), KEPT_WORDS),
  };
}
