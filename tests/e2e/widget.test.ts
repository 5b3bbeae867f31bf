// The booking widget as a business's customers meet it: embedded in another origin's page, in
// Debian's Chromium, against server mode started in-process on a demo database. Books on a phone
// and on a desktop, checks each booking through the API, reschedules and cancels through the
// manage link, and races a second visitor for a slot.
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../main/host.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../preload/contract/index.js';
import { call } from '../support/public-host.js';
import { BookingWidget, ManagePage } from './pages/widget.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, screenshot } from './support/browser.js';
import { startEmbeddingSite, type EmbeddingSite } from './support/embedding-site.js';

interface Service {
  id: string;
  name: string;
  staff_ids: string[];
}
interface Booking {
  id: string;
  status: string;
  start: string;
  staff_id: string;
  service_id: string;
  any_staff: boolean;
  calendar_uid: string;
}

let demo: DemoHost;
let host: RunningHost;
let browser: Browser;
let site: EmbeddingSite;
let service: Service;
const contexts: BrowserContext[] = [];

/** The business is in Europe/London; the phone visitor is abroad, to see the zone notice. */
async function newVisitor(
  viewport: { width: number; height: number },
  timezoneId = 'Europe/London',
): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId, locale: 'en-GB' });
  contexts.push(context);
  // Under the test's own timeout, so a missing element fails with its selector, not a timeout.
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** The desk's own RPC, straight into the running core: how the business changes its rules. */
async function rpc<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  return demo.rpc(channel, input);
}

/** Runs in the page: is this element the focused one of its shadow root? */
function isFocusedInShadow(element: { getRootNode(): unknown }): boolean {
  // Typed structurally: the test's tsconfig has no DOM lib, the page has.
  const root = element.getRootNode() as { activeElement?: unknown };
  return root.activeElement === element;
}

/**
 * A day with at least three free times for this person, past the 24-hour cancellation cut-off:
 * the demo calendar is busy, and a journey needs times left over after booking one.
 */
async function roomyDay(staffId: string): Promise<string> {
  const free = await call<{ days: { date: string; slots: unknown[] }[] }>(
    `${host.publicUrl}/api/availability?service_id=${service.id}&staff_id=${staffId}&days_ahead=14`,
  );
  const roomy = free.body.days.slice(2).find((d) => d.slots.length >= 3);
  if (!roomy) throw new Error(`the demo has no day with three free times for ${staffId}`);
  return roomy.date;
}

function tokenOf(manageLink: string): string {
  const match = /\/book\/manage\/([A-Za-z0-9_-]+)$/.exec(manageLink);
  if (!match) throw new Error(`not a manage link: ${manageLink}`);
  return match[1]!;
}

async function bookingByToken(token: string): Promise<Booking> {
  const answer = await call<{ booking: Booking }>(`${host.publicUrl}/api/bookings/${token}`);
  expect(answer.status).toBe(200);
  return answer.body.booking;
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-widget-'), launchChromium()]);
  host = demo.host;
  site = await startEmbeddingSite(host.publicUrl);
  const services = await call<{ services: Service[] }>(`${host.publicUrl}/api/services`);
  // A service more than one person performs, so the visitor has a "who" to choose.
  service = services.body.services.find((s) => s.staff_ids.length >= 2)!;
  expect(service).toBeDefined();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  await demo?.close();
});

describe('the booking widget on another site', () => {
  it('serves widget.js to other origins within the 70 KB gzip budget', async () => {
    const response = await fetch(`${host.publicUrl}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const raw = Buffer.from(await response.arrayBuffer());
    const gzip = gzipSync(raw, { level: 9 }).length;
    console.log(`widget.js: ${raw.length} bytes, ${gzip} bytes gzip`);
    expect(gzip).toBeLessThan(70 * 1024);
  });

  it('books on a phone, with times in the business zone and a notice for a visitor abroad', async () => {
    const page = await newVisitor(phone, 'America/New_York');
    const widget = new BookingWidget(page);
    await page.goto(`${site.url}?service=${service.id}`);
    // The preset service is skipped: the first step is who.
    await widget.waitStep('staff');
    await screenshot(page, 'widget-01-phone-staff');

    await widget.chooseStaff(undefined);
    await widget.waitStep('slot');
    await widget.slots().first().waitFor();
    await widget.zoneNotice().waitFor();
    expect(await widget.zoneNotice().textContent()).toContain('Europe/London');
    // Focus follows the step, so a screen reader announces it.
    expect(await widget.heading().evaluate(isFocusedInShadow)).toBe(true);
    await screenshot(page, 'widget-02-phone-slots');

    // A day past the 24-hour cut-off, so the booking can still be moved online below.
    await widget.chooseDay((await widget.days().nth(2).getAttribute('data-date')) ?? '');
    const start = await widget.chooseSlot(0);
    await widget.waitStep('details');
    await widget.fill({
      name: 'Priya Phone',
      phone: '07911 123456',
      note: 'First visit',
      sms: true,
    });
    await screenshot(page, 'widget-03-phone-details');
    await widget.submit();
    await widget.confirmation().waitFor();
    await screenshot(page, 'widget-04-phone-confirmed');

    const link = await widget.manageLink();
    const token = tokenOf(link);
    const booking = await bookingByToken(token);
    expect(booking.status).toBe('confirmed');
    expect(booking.service_id).toBe(service.id);
    expect(booking.any_staff).toBe(true);
    expect(Date.parse(booking.start)).toBe(Date.parse(start));
    const ics = decodeURIComponent(
      (await widget.icsHref()).replace(/^data:text\/calendar;charset=utf-8,/, ''),
    );
    // The UID of the booking emails' .ics (calendar_uid), so the two are one event.
    expect(booking.calendar_uid).toBe(`${booking.id}@bookingsync`);
    expect(ics).toContain(`\r\nUID:${booking.calendar_uid}\r\n`);
    expect(ics).toContain('BEGIN:VEVENT');
    // The page around the widget is untouched by it, and it by the page's CSS.
    await page.getByTestId('after-widget').waitFor();

    // Booked with anyone: moving it offers everyone's times, not only today's person's.
    const manage = new ManagePage(page);
    await page.goto(link);
    await manage.startReschedule();
    expect(await manage.movingWith()).toBe('any');
  });

  it('books on a desktop, shows the API field errors at the field, then reschedules and cancels', async () => {
    const page = await newVisitor(desktop);
    const widget = new BookingWidget(page);
    await page.goto(site.url);
    await widget.waitStep('service');
    await screenshot(page, 'widget-05-desktop-services');
    await widget.chooseService(service.id);
    await widget.waitStep('staff');
    const staffId = service.staff_ids[0]!;
    await widget.chooseStaff(staffId);
    await widget.waitStep('slot');
    const day = await roomyDay(staffId);
    await widget.chooseDay(day);
    expect(await widget.zoneNotice().count()).toBe(0);
    await screenshot(page, 'widget-06-desktop-slots');
    await widget.chooseSlot(0);
    await widget.waitStep('details');

    await widget.fill({ name: 'Dana Desktop', email: 'not-an-email' });
    await widget.submit();
    await widget.fieldError('email').waitFor();
    expect(await widget.field('email').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'widget-07-desktop-field-error');
    await widget.field('email').fill('dana@example.com');
    await widget.submit();
    await widget.confirmation().waitFor();
    await screenshot(page, 'widget-08-desktop-confirmed');

    const link = await widget.manageLink();
    expect(link.startsWith(`${host.publicUrl}/book/manage/`)).toBe(true);
    const token = tokenOf(link);
    const booked = await bookingByToken(token);
    expect(booked.status).toBe('confirmed');
    expect(booked.staff_id).toBe(staffId);

    const manage = new ManagePage(page);
    const response = await page.goto(link);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await manage.root.locator('[data-testid="booking-summary"]').waitFor();
    await manage.waitStatus('confirmed');
    await screenshot(page, 'widget-09-manage');

    await manage.startReschedule();
    // Booked with a named person: moving keeps them unless the customer asks for anyone.
    expect(await manage.movingWith()).toBe('same');
    await manage.chooseDay(day);
    const newStart = await manage.slots().last().getAttribute('data-start');
    await manage.moveTo(manage.slots().last());
    await manage.live('MOVED').waitFor();
    await screenshot(page, 'widget-10-manage-moved');
    const moved = await bookingByToken(token);
    expect(Date.parse(moved.start)).toBe(Date.parse(newStart!));
    expect(moved.start).not.toBe(booked.start);

    await manage.cancel();
    await manage.waitStatus('cancelled');
    await manage.live('CANCELLED').waitFor();
    await screenshot(page, 'widget-11-manage-cancelled');
    expect((await bookingByToken(token)).status).toBe('cancelled');
  });

  it('tells a visitor whose slot was taken meanwhile, offers the next times and keeps the form', async () => {
    const page = await newVisitor(phone);
    const widget = new BookingWidget(page);
    await page.goto(`${site.url}?service=${service.id}`);
    await widget.waitStep('staff');
    const staffId = service.staff_ids[1]!;
    await widget.chooseStaff(staffId);
    await widget.waitStep('slot');
    // A day with times after the first free one, so there is something left to offer.
    await widget.chooseDay(await roomyDay(staffId));
    const start = await widget.chooseSlot(0);
    await widget.waitStep('details');
    await widget.fill({ name: 'Sam Second', phone: '07912 345678', note: 'Fringe only' });

    // Someone else books the same person at the same time through the API.
    const other = await call(`${host.publicUrl}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: service.id,
        staff_id: staffId,
        start,
        customer: { name: 'Quick Other', email: 'quick@example.com' },
      },
    });
    expect(other.status).toBe(201);

    await widget.submit();
    await widget.live('CONFLICT').waitFor();
    expect(await widget.live().textContent()).toMatch(/just taken/);
    expect(await widget.field('name').inputValue()).toBe('Sam Second');
    expect(await widget.field('phone').inputValue()).toBe('07912 345678');
    expect(await widget.field('note').inputValue()).toBe('Fringe only');
    await widget.alternatives().first().waitFor();
    await screenshot(page, 'widget-12-phone-taken');

    await widget.alternatives().first().click();
    await widget.submit();
    await widget.confirmation().waitFor();
    await screenshot(page, 'widget-13-phone-rebooked');
    const booking = await bookingByToken(tokenOf(await widget.manageLink()));
    expect(booking.status).toBe('confirmed');
    expect(Date.parse(booking.start)).toBeGreaterThan(Date.parse(start));
  });

  it('moves a booking to a time only someone else has free, when the customer asks for anyone', async () => {
    type Days = { days: { date: string; slots: { start: string }[] }[] };
    const [mine, other] = service.staff_ids as [string, string];
    const freeFor = async (staffId: string) =>
      (
        await call<Days>(
          `${host.publicUrl}/api/availability?service_id=${service.id}&staff_id=${staffId}&days_ahead=14`,
        )
      ).body.days.slice(2);
    const [myDays, otherDays] = await Promise.all([freeFor(mine), freeFor(other)]);
    const myStarts = new Set(myDays.flatMap((d) => d.slots.map((s) => s.start)));
    // A time the booking's own person is busy at and the other is free at.
    const targetDay = otherDays.find((d) => d.slots.some((s) => !myStarts.has(s.start)))!;
    const target = targetDay.slots.find((s) => !myStarts.has(s.start))!.start;
    const made = await call<{ manage_token: string }>(`${host.publicUrl}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: service.id,
        staff_id: mine,
        start: [...myStarts].at(-1),
        customer: { name: 'Anyone Mover', email: 'mover@example.com' },
      },
    });
    expect(made.status).toBe(201);

    const page = await newVisitor(desktop);
    const manage = new ManagePage(page);
    await manage.open(`${host.publicUrl}/book/manage/${made.body.manage_token}`);
    await manage.startReschedule();
    await manage.moveWith('any');
    await manage.chooseDay(targetDay.date);
    await manage.slotAt(target).waitFor();
    await screenshot(page, 'widget-17-manage-move-anyone');
    await manage.moveTo(manage.slotAt(target));
    await manage.live('MOVED').waitFor();
    const moved = await bookingByToken(made.body.manage_token);
    expect(moved.start).toBe(target);
    expect(moved.staff_id).not.toBe(mine);
  });

  it('shows the cancellation cut-off refusal in plain words and leaves the booking as it was', async () => {
    const availability = await call<{ days: { slots: { start: string; staff_id: string }[] }[] }>(
      `${host.publicUrl}/api/availability?service_id=${service.id}&days_ahead=14`,
    );
    const slot = availability.body.days.flatMap((d) => d.slots).at(-1)!;
    const made = await call<{ manage_token: string }>(`${host.publicUrl}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: service.id,
        staff_id: slot.staff_id,
        start: slot.start,
        customer: { name: 'Late Canceller', email: 'late@example.com' },
      },
    });
    expect(made.status).toBe(201);
    // The page opens while changes are still open; then the business asks for 30 days' notice,
    // so no booking in the next two weeks may change online (as if the cut-off passed meanwhile).
    const page = await newVisitor(phone);
    const manage = new ManagePage(page);
    await manage.open(`${host.publicUrl}/book/manage/${made.body.manage_token}`);
    const before = await rpc('settings.get', {});
    await rpc('settings.update', { cancellationCutoffMinutes: 30 * 24 * 60 });
    try {
      await manage.cancel();
      await manage.live('POLICY').waitFor();
      expect(await manage.live().textContent()).toMatch(/please call the business/);
      // The refusal takes the buttons away and says whom to call.
      await manage.callBusiness().waitFor();
      expect(await manage.root.locator('[data-testid="cancel"]').count()).toBe(0);
      await screenshot(page, 'widget-15-manage-refused');
      expect((await bookingByToken(made.body.manage_token)).status).toBe('confirmed');
    } finally {
      await rpc('settings.update', {
        cancellationCutoffMinutes: before.cancellationCutoffMinutes,
      });
    }
  });

  it('takes the theme from the script tag: dark mode, the site colour and corners', async () => {
    const page = await newVisitor(phone);
    const widget = new BookingWidget(page);
    await page.goto(`${site.url}?service=${service.id}&mode=dark&primary=%23a21caf&radius=2`);
    await widget.waitStep('staff');
    await page.locator('[data-bookingsync][data-mode="dark"]').waitFor();
    const looks = await widget.root.evaluate((el) => {
      // Typed structurally: the test's tsconfig has no DOM lib, the page has.
      const style = (
        globalThis as unknown as {
          getComputedStyle(e: unknown): { backgroundColor: string; borderTopLeftRadius: string };
        }
      ).getComputedStyle(el);
      return { background: style.backgroundColor, radius: style.borderTopLeftRadius };
    });
    expect(looks).toEqual({ background: 'rgb(27, 31, 39)', radius: '2px' });
    await widget.chooseStaff(undefined);
    await widget.slots().first().waitFor();
    const chosenDay = await widget.root
      .locator('[data-testid="day"][aria-pressed="true"]')
      .evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
          ).getComputedStyle(el).backgroundColor,
      );
    expect(chosenDay).toBe('rgb(162, 28, 175)');
    await screenshot(page, 'widget-16-phone-dark-themed');
  });

  it("speaks the site's language for days and times, and keeps quiet about zones when the clocks agree", async () => {
    // Lisbon keeps London's offsets all year round: a notice about zones would only confuse.
    const page = await newVisitor(phone, 'Europe/Lisbon');
    const widget = new BookingWidget(page);
    await page.goto(`${site.url}?service=${service.id}&locale=de-DE`);
    await widget.waitStep('staff');
    await widget.chooseStaff(undefined);
    await widget.slots().first().waitFor();
    expect(await widget.days().first().textContent()).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\., \d/);
    expect(await widget.root.locator('h3').first().textContent()).toMatch(
      /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \p{L}+$/u,
    );
    // German reads the 24-hour clock; the visitor's en-GB browser is not asked.
    for (const time of await widget.slots().allTextContents())
      expect(time).toMatch(/^\d{1,2}:\d\d$/);
    expect(await widget.zoneNotice().count()).toBe(0);
    await screenshot(page, 'widget-18-phone-german-lisbon');
  });

  it('serves the hosted booking page with the widget and a strict CSP', async () => {
    const page = await newVisitor({ width: 320, height: 640 });
    const widget = new BookingWidget(page);
    const response = await page.goto(`${host.publicUrl}/book?service=${service.id}`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await widget.waitStep('staff');
    // Nothing wider than the smallest phone: no horizontal scrolling.
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
    await screenshot(page, 'widget-14-hosted-320');
  });
});
