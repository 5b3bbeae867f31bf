// Times are shown in the business's zone (the API's `timezone`), whatever the visitor's device
// says: an appointment happens where the business is. The slot screens show the words the API
// sends with each slot (its `label`s): a page's first Intl date or number format loads ICU's
// data, 40–85 ms in Chromium, and the slots are the first thing a visitor waits for. What this
// file formats itself (a booking's time, money) comes later, after warmUp() has paid that cost
// while the visitor was looking at the slots.

/**
 * Would the visitor's own clock read these instants (ISO with the business's offset) the same?
 * Then a notice about zones would only confuse: Lisbon and London, or any zone in winter that
 * shares London's offset. Date's offset needs no ICU data, so the first screen stays quick.
 */
export function sameClockForVisitor(instants: readonly string[]): boolean {
  return instants.every((iso) => {
    const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
    const business = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    return -new Date(iso).getTimezoneOffset() === business;
  });
}

export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// Building an Intl.DateTimeFormat costs far more than using one: one formatter per locale and
// zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function whenFormatter(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat([locale, 'en'], {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    });
    formatters.set(key, made);
  }
  return made;
}

export function formatWhen(iso: string, zone: string, locale: string): string {
  return whenFormatter(locale, zone).format(new Date(iso));
}

export function formatMoney(m: { amount: number; currency: string }, locale: string): string {
  return new Intl.NumberFormat([locale, 'en'], { style: 'currency', currency: m.currency }).format(
    m.amount / 100,
  );
}

/**
 * Pays ICU's first-use cost after the slots have been painted, when the page is idle, so picking
 * a time does not wait for it. An idle callback alone can run before the next frame, holding the
 * slots back from the screen: hence the frame, then a task, then idle time. (Safari has no
 * requestIdleCallback: the task alone does there.)
 */
export function warmUp(zone: string, locale: string): void {
  const run = () => void whenFormatter(locale, zone).format(0);
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
      else run();
    }),
  );
}
