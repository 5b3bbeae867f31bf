// The receptionist's core journeys in a real browser (Debian's Chromium) against server mode
// started in-process on a demo database: book from the calendar, a conflict answered with the
// engine's reason, two windows in step over SSE, and the token guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { utcToLocalDate, addDaysToLocalDate } from '../../main/domain/time.js';
import type { RunningHost } from '../../main/host.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../preload/contract.js';
import { CalendarPage } from './pages/calendar.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';

let demo: DemoHost;
let host: RunningHost;
let browser: Browser;

/** "Another window": the same RPC the UI uses, straight into the running core. */
async function rpc<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  return demo.rpc(channel, input);
}

interface Day {
  date: string;
  staffId: string;
  serviceId: string;
  /** Free starts for that staff member and service, per the engine. */
  free: number[];
}

/** A day ahead (the demo's "now" is the real clock) that has appointments and free slots. */
async function findBookableDay(): Promise<Day> {
  const settings = await rpc('settings.get', {});
  const today = utcToLocalDate(Date.now(), settings.timeZone);
  const services = await rpc('services.list', {});
  const staff = await rpc('staff.list', {});
  for (let ahead = 1; ahead <= 10; ahead++) {
    const date = addDaysToLocalDate(today, ahead);
    const booked = await rpc('appointments.list', {
      from: Date.parse(`${date}T00:00:00Z`) - 86_400_000,
      to: Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000,
    });
    for (const member of staff) {
      const onDay = booked.filter(
        (a) => a.staffId === member.id && utcToLocalDate(a.start, settings.timeZone) === date,
      );
      const service = services.find((s) => s.staffIds.includes(member.id));
      if (onDay.length === 0 || !service) continue;
      const answer = await rpc('availability.get', {
        serviceId: service.id,
        staffId: member.id,
        from: date,
        days: 1,
      });
      const free = answer.days.flatMap((d) => d.slots.map((s) => s.start));
      if (free.length >= 3) return { date, staffId: member.id, serviceId: service.id, free };
    }
  }
  throw new Error('the demo business has no bookable day with appointments in the next 10 days');
}

async function freeStarts(day: Day): Promise<number[]> {
  const answer = await rpc('availability.get', {
    serviceId: day.serviceId,
    staffId: day.staffId,
    from: day.date,
    days: 1,
  });
  return answer.days.flatMap((d) => d.slots.map((s) => s.start));
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-e2e-'), launchChromium()]);
  host = demo.host;
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the calendar in a browser', () => {
  let day: Day;
  let page: Page;
  let calendar: CalendarPage;
  let bookedId: string;

  it('shows the demo day and books a new appointment from an empty slot', async () => {
    day = await findBookableDay();
    page = await newDeskPage(browser);
    calendar = new CalendarPage(page);
    await calendar.open(host.adminUrl);
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '01-today');

    await calendar.goToDate(day.date);
    await calendar.appointments().first().waitFor();
    const before = await calendar.appointments().count();
    await screenshot(page, '02-day-with-appointments');

    const start = day.free[0]!;
    const dialog = await calendar.openSlot(day.staffId, start);
    await dialog.chooseService(day.serviceId);
    const regular = (await rpc('customers.list', { limit: 1 })).customers[0]!;
    await dialog.findCustomer(regular.name.slice(0, 5), regular.id);
    await screenshot(page, '03-booking-dialog');
    await dialog.submit();
    await dialog.root.waitFor({ state: 'detached' });

    const booked = (await rpc('appointments.list', { from: start, to: start + 60_000 })).find(
      (a) => a.staffId === day.staffId && a.start === start && a.status === 'confirmed',
    );
    expect(booked?.customerId).toBe(regular.id);
    bookedId = booked!.id;
    await calendar.appointment(bookedId).waitFor();
    expect(await calendar.appointments().count()).toBe(before + 1);
    // The new booking opens in the side panel.
    await calendar.panel(bookedId).root.waitFor();
    await screenshot(page, '04-booked');
  });

  it('answers a slot taken meanwhile with the engine reason and keeps the form', async () => {
    const start = (await freeStarts(day))[0]!;
    const dialog = await calendar.openSlot(day.staffId, start);
    await dialog.chooseService(day.serviceId);
    await dialog.newCustomer({ name: 'Conflict Tester', phone: '07700 900123' });

    // Another window books the same slot while this dialog is open.
    const other = await rpc('appointments.create', {
      serviceId: day.serviceId,
      staffId: day.staffId,
      start,
      customer: { name: 'Quick Other', email: 'other@example.com' },
    });
    await calendar.appointment(other.id).waitFor();

    await dialog.submit();
    await dialog.error().waitFor();
    expect(await dialog.error().getAttribute('data-code')).toBe('CONFLICT');
    expect(await dialog.error().textContent()).toMatch(/overlaps another appointment/);
    expect(await dialog.newCustomerName().inputValue()).toBe('Conflict Tester');
    expect(await dialog.time().inputValue()).toBe(String(start));
    await screenshot(page, '05-conflict');
    await dialog.close();
  });

  it('keeps a second window in step without reload', async () => {
    const second = new CalendarPage(await newDeskPage(browser));
    await second.open(host.adminUrl);
    await second.goToDate(day.date);
    await second.appointment(bookedId).waitFor();

    const panel = await calendar.openAppointment(bookedId);
    await panel.waitStatus('confirmed');
    await panel.auditEvent('created').waitFor();
    await panel.cancel('Customer called: unwell');
    await panel.waitStatus('cancelled');
    await panel.auditEvent('status_changed').waitFor();
    await screenshot(page, '06-cancelled-with-trail');

    // Cancelled appointments leave the day view: the other window drops it on the event.
    await second.appointment(bookedId).waitFor({ state: 'detached' });
    await screenshot(second.page, '07-second-window-in-step');

    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await screenshot(page, '08-dark');
  });

  it('answers the admin address without the token with 401', async () => {
    const stranger = await newDeskPage(browser);
    const response = await stranger.goto(new URL(host.adminUrl).origin + '/');
    expect(response?.status()).toBe(401);
    expect(await (await fetch(new URL(host.adminUrl).origin + '/assets/x.js')).status).toBe(401);
    const page = await fetch(host.adminUrl);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
