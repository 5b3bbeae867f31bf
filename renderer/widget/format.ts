// Times are shown in the business's zone (the API's `timezone`), whatever the visitor's device
// says: an appointment happens where the business is.

export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// Building an Intl.DateTimeFormat costs far more than using one, and the slot screen formats
// dozens of times and days per render: one formatter per zone and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, style: string, options: Intl.DateTimeFormatOptions) {
  const key = `${zone}|${style}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(undefined, { timeZone: zone, ...options });
    formatters.set(key, made);
  }
  return made;
}

export function formatTime(iso: string, zone: string): string {
  return formatter(zone, 'time', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD in the business's zone): noon UTC falls on that day in every zone. */
export function formatDay(date: string, zone: string, long = false): string {
  return formatter(zone, long ? 'day-long' : 'day', {
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function formatWhen(iso: string, zone: string): string {
  return formatter(zone, 'when', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatMoney(m: { amount: number; currency: string }): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(
    m.amount / 100,
  );
}

/** The calendar day of an ISO instant with offset, as the business sees it. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
