// The receptionist's core journeys in a real browser (Debian's Chromium) against server mode
// started in-process on a demo database: book from the calendar, a conflict answered with the
// engine's reason, two windows in step over SSE, dragging and resizing (refused with the reason
// when it clashes), the week view, search, the day sheet, a no-show changing the customer's
// rate, and the token guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import {
  addDaysToLocalDate,
  localTimeToUtc,
  utcToLocalDate,
  utcToLocalMinute,
} from '../../main/domain/time.js';
import type { RunningHost } from '../../main/host.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../preload/contract/index.js';
import { call } from '../support/public-host.js';
import { CalendarPage } from './pages/calendar.js';
import { CustomersPage } from './pages/customers.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';

let demo: DemoHost;
let host: RunningHost;
let browser: Browser;
/** The core's clock: the real one, moved ahead when a test needs an appointment under way. */
const clock = { offset: 0, now: () => Date.now() + clock.offset };

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

/**
 * A day ahead (the demo's "now" is the real clock) that has appointments and free slots, with
 * room left for two more bookings after the first free one is taken: the tests book its first
 * free start, then need another. Which day that is depends on today's date.
 */
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
      const occupiedMs =
        (service.bufferBeforeMinutes + service.durationMinutes + service.bufferAfterMinutes) *
        60_000;
      const clearOfFirst = free.filter((start) => start >= (free[0] ?? 0) + occupiedMs);
      if (free.length >= 3 && clearOfFirst.length >= 2) {
        return { date, staffId: member.id, serviceId: service.id, free };
      }
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
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-', { clock }),
    launchChromium(),
  ]);
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

const MIN = 60_000;

/**
 * A day, a service two staff members perform, a start for the appointment to drag (with free
 * time well after it for a second one), and a start for the other staff member that is free a
 * step before and after too — all between 08:00 and 16:00, on screen without scrolling.
 */
async function findDragDay() {
  const settings = await rpc('settings.get', {});
  const step = settings.slotStepMinutes * MIN;
  const onScreen = (t: number) => {
    const hour = utcToLocalMinute(t, settings.timeZone) / 60;
    return hour >= 8 && hour <= 16;
  };
  const today = utcToLocalDate(Date.now(), settings.timeZone);
  const free = async (serviceId: string, staffId: string, date: string) =>
    (await rpc('availability.get', { serviceId, staffId, from: date, days: 1 })).days
      .flatMap((d) => d.slots.map((s) => s.start))
      .filter(onScreen);
  for (let ahead = 1; ahead <= 14; ahead++) {
    const date = addDaysToLocalDate(today, ahead);
    for (const service of await rpc('services.list', {})) {
      for (const staffId of service.staffIds) {
        const own = await free(service.id, staffId, date);
        const movingStart = own.find((t) =>
          own.some((u) => u >= t + (service.durationMinutes + 60) * MIN),
        );
        if (movingStart === undefined) continue;
        for (const other of service.staffIds.filter((id) => id !== staffId)) {
          const theirs = await free(service.id, other, date);
          const target = theirs.find((t) => theirs.includes(t - step) && theirs.includes(t + step));
          if (target === undefined) continue;
          const day: Day = { date, staffId, serviceId: service.id, free: own };
          return { day, other, target, movingStart, step, onScreen };
        }
      }
    }
  }
  throw new Error('no demo day in the next two weeks has room to drag an appointment');
}

describe('moving appointments, the week, search and the day sheet', () => {
  let page: Page;
  let calendar: CalendarPage;
  let second: CalendarPage;
  let day: Day;
  let other: string;
  let step: number;
  let moving: ChannelOutput<'appointments.create'>;
  let blocking: ChannelOutput<'appointments.create'>;
  /** Where `moving` may go: free for it a step before, at, and a step after. */
  let target: number;

  it('refuses a drag onto another appointment with the engine reason and snaps back', async () => {
    const plan = await findDragDay();
    day = plan.day;
    other = plan.other;
    target = plan.target;
    step = plan.step;
    moving = await rpc('appointments.create', {
      serviceId: day.serviceId,
      staffId: day.staffId,
      start: plan.movingStart,
      customer: { name: 'Drag Tester', phone: '07400 555123' },
      note: 'Prefers the window seat',
    });
    const later = (await freeStarts(day)).filter(
      (t) => t >= moving.end + 60 * MIN && plan.onScreen(t),
    );
    blocking = await rpc('appointments.create', {
      serviceId: day.serviceId,
      staffId: day.staffId,
      start: later[0]!,
      customer: { name: 'Block Holder', phone: '07400 555124' },
    });

    // Time off for the other staff member in the evening, to be seen in both views.
    const settings = await rpc('settings.get', {});
    const evening = localTimeToUtc(day.date, 18 * 60 + 30, settings.timeZone)!;
    await rpc('timeOff.create', {
      staffId: other,
      startAt: evening,
      endAt: evening + 60 * MIN,
      reason: 'Dentist',
    });

    page = await newDeskPage(browser);
    calendar = new CalendarPage(page);
    await calendar.open(host.adminUrl);
    await calendar.goToDate(day.date);
    await calendar.timeOff(other, day.date).waitFor({ state: 'attached' });
    await calendar.appointment(moving.id).waitFor();
    await calendar.appointment(blocking.id).waitFor();
    const before = await calendar.blockBox(moving.id);

    await calendar.dragAppointment(moving.id, day.staffId, blocking.start);
    await calendar.dropRefusal().waitFor();
    expect(await calendar.dropRefusal().getAttribute('data-code')).toBe('CONFLICT');
    expect(await calendar.dropRefusal().textContent()).toMatch(/overlaps another appointment/);
    await calendar.waitDropSettled(moving.id);
    await screenshot(page, '09-drag-refused');
    // Back where it was, on screen and in the core.
    expect((await calendar.blockBox(moving.id)).y).toBe(before.y);
    expect(await rpc('appointments.get', { id: moving.id })).toMatchObject({
      start: moving.start,
      staffId: day.staffId,
    });
  });

  it('moves an appointment to another time and staff member by dragging, live in a second window', async () => {
    second = new CalendarPage(await newDeskPage(browser));
    await second.open(host.adminUrl);
    await second.goToDate(day.date);
    await second.appointment(moving.id).waitFor();

    await calendar.dragAppointment(moving.id, other, target);
    await page
      .locator(
        `[data-testid="staff-column"][data-staff-id="${other}"] [data-appointment-id="${moving.id}"][data-pending="false"]`,
      )
      .waitFor();
    expect(await calendar.dropRefusal().count()).toBe(0);
    const moved = await rpc('appointments.get', { id: moving.id });
    expect(moved).toMatchObject({
      start: target,
      staffId: other,
      end: target + (moving.end - moving.start),
    });
    // The other window follows without a reload.
    await second.page
      .locator(
        `[data-testid="staff-column"][data-staff-id="${other}"] [data-appointment-id="${moving.id}"]`,
      )
      .waitFor();
    const history = await rpc('appointments.history', { id: moving.id });
    expect(history.at(-1)).toMatchObject({
      kind: 'rescheduled',
      toStart: target,
      toStaffId: other,
    });
  });

  it('changes the length by dragging the bottom edge, and moves by keyboard', async () => {
    const length = moving.end - moving.start;
    await calendar.resizeAppointment(moving.id, step / MIN);
    await expect
      .poll(async () => (await rpc('appointments.get', { id: moving.id })).end)
      .toBe(target + length + step);
    await calendar.waitDropSettled(moving.id);

    // Alt+↑: a step earlier, keeping the new length.
    await calendar.nudge(moving.id, 'Alt+ArrowUp');
    await expect
      .poll(async () => (await rpc('appointments.get', { id: moving.id })).start)
      .toBe(target - step);
    expect((await rpc('appointments.get', { id: moving.id })).end).toBe(target + length);
  });

  it('shows the week with every day, the appointment and the statuses, light and dark', async () => {
    await calendar.showWeek();
    expect(await calendar.weekDays().count()).toBe(7);
    await calendar.weekDay(day.date).locator(`[data-appointment-id="${moving.id}"]`).waitFor();
    await calendar.timeOff(other, day.date).waitFor({ state: 'attached' });
    expect(await calendar.weekDays().getByTestId('working-hours').count()).toBeGreaterThan(0);

    // A click on free time in the week books it, at the time under the pointer.
    const settings = await rpc('settings.get', {});
    const free = (await freeStarts(day)).find((t) => {
      const hour = utcToLocalMinute(t, settings.timeZone) / 60;
      return hour >= 9 && hour <= 15;
    })!;
    const dialog = await calendar.bookInWeek(
      day.staffId,
      day.date,
      utcToLocalMinute(free, settings.timeZone),
    );
    expect(await dialog.time().inputValue()).toBe(String(free));
    await dialog.close();
    expect(await page.getByTestId('status-legend').textContent()).toContain('No-show');
    await screenshot(page, '10-week');
    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await screenshot(page, '11-week-dark');
    await calendar.showDay();
    await calendar.appointment(moving.id).waitFor();
    await screenshot(page, '12-day-dark');
    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="light"]').waitFor();
  });

  it('has the next week ready before the arrow is pressed', async () => {
    const { timeZone } = await rpc('settings.get', {});
    const fetchedFrom: number[] = [];
    const noteRange = (response: Response) => {
      if (!response.url().includes('/rpc/appointments.list') || !response.ok()) return;
      fetchedFrom.push(
        (JSON.parse(response.request().postData() ?? '{}') as { from: number }).from,
      );
    };
    page.on('response', noteRange);
    await calendar.showWeek();
    const shownFrom = (await page.getByTestId('calendar').getAttribute('data-from'))!;
    try {
      // A week on: while it is shown, the week after it (never shown) is fetched in the background.
      await calendar.step('ArrowRight');
      const nextFrom = addDaysToLocalDate(shownFrom, 7);
      await page
        .locator(`[data-testid="calendar"][data-from="${nextFrom}"][data-loading="false"]`)
        .waitFor();
      const afterFrom = addDaysToLocalDate(nextFrom, 7);
      const afterStart = localTimeToUtc(afterFrom, 0, timeZone);
      await expect.poll(() => fetchedFrom.includes(afterStart ?? NaN)).toBe(true);

      // The desk loses the server for the calendar's list: that week still comes up, whole.
      await page.route('**/rpc/appointments.list', (route) => route.abort());
      await calendar.step('ArrowRight');
      await page
        .locator(`[data-testid="calendar"][data-from="${afterFrom}"][data-loading="false"]`)
        .waitFor();
      expect(await page.locator('.mantine-Notification-root').count()).toBe(0);
    } finally {
      page.off('response', noteRange);
      await page.unroute('**/rpc/appointments.list');
      // Back to the day the other tests work on.
      while ((await page.getByTestId('calendar').getAttribute('data-from'))! > shownFrom) {
        await calendar.step('ArrowLeft');
      }
      await page.locator(`[data-testid="calendar"][data-from="${shownFrom}"]`).waitFor();
      await calendar.showDay();
      await page.evaluate(
        'document.activeElement instanceof HTMLElement && document.activeElement.blur()',
      );
      await calendar.goToDate(day.date);
    }
  });

  it('finds an appointment with / by the customer name and opens it', async () => {
    const results = await calendar.search('Drag Tes');
    await results.locator('[data-testid="search-customer"]').first().click();
    await results
      .locator(`[data-testid="search-appointment"][data-appointment-id="${moving.id}"]`)
      .click();
    await calendar.panel(moving.id).root.waitFor();
    expect(await page.getByTestId('calendar').getAttribute('data-date')).toBe(day.date);
    await screenshot(page, '13-found-by-search');
  });

  it('prints a day sheet with customer, phone, service and note per staff member', async () => {
    await page.emulateMedia({ media: 'print' });
    const sheet = calendar.daySheet();
    await sheet.waitFor();
    const row = sheet.locator(`[data-testid="day-sheet-row"][data-appointment-id="${moving.id}"]`);
    const text = await row.textContent();
    expect(text).toContain('Drag Tester');
    expect(text).toContain('07400 555123');
    expect(text).toContain('Prefers the window seat');
    // The calendar itself is not printed.
    expect(await page.getByTestId('calendar').isVisible()).toBe(false);
    await screenshot(page, '14-day-sheet-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await sheet.isVisible()).toBe(false);
  });

  it('shows cancelled appointments faded only when asked', async () => {
    // The toolbar is narrow while a panel is open; close it to reach the switch.
    await page.getByTestId('panel-close').click();
    await rpc('appointments.cancel', { id: blocking.id, reason: 'test' });
    await calendar.appointment(blocking.id).waitFor({ state: 'detached' });
    await calendar.showCancelled(true);
    await page
      .locator(
        `[data-testid="appointment"][data-appointment-id="${blocking.id}"][data-status="cancelled"]`,
      )
      .waitFor();
    await calendar.showCancelled(false);
    await calendar.appointment(blocking.id).waitFor({ state: 'detached' });
  });

  it('marks a booking whose customer let the business choose who', async () => {
    const start = (await freeStarts(day)).at(-1)!;
    const made = await call<{ booking: { id: string; any_staff: boolean } }>(
      `${host.publicUrl}/api/bookings`,
      {
        method: 'POST',
        body: {
          service_id: day.serviceId,
          start: new Date(start).toISOString(),
          customer: { name: 'Anyone Ann', email: 'ann@example.com' },
        },
      },
    );
    expect(made.status).toBe(201);
    const panel = await calendar.openAppointment(made.body.booking.id);
    await panel.root.getByTestId('panel-any-staff').waitFor();
    await screenshot(page, '16-any-staff-badge');
    // A booking made for a named person carries no such mark.
    await page.getByTestId('panel-close').click();
    const named = await calendar.openAppointment(moving.id);
    expect(await named.root.getByTestId('panel-any-staff').count()).toBe(0);
  });
});

describe('a no-show marked on the calendar', () => {
  it("changes the customer's no-show rate", async () => {
    const day = await findBookableDay();
    const { customers } = await rpc('customers.list', { limit: 200 });
    let regular: (typeof customers)[number] | undefined;
    let visits = 0;
    let noShows = 0;
    for (const c of customers) {
      if (!c.phone) continue;
      const history = await rpc('appointments.list', {
        from: 0,
        to: Date.UTC(2200, 0, 1),
        customerId: c.id,
      });
      visits = history.filter((a) => a.status === 'completed').length;
      noShows = history.filter((a) => a.status === 'no_show').length;
      if (visits > 0) {
        regular = c;
        break;
      }
    }
    expect(regular).toBeDefined();
    const start = (await freeStarts(day))[0]!;
    const booked = await rpc('appointments.create', {
      serviceId: day.serviceId,
      staffId: day.staffId,
      start,
      customerId: regular!.id,
    });

    // Ten minutes into the appointment, for the core and for the browser.
    const during = start + 10 * MIN;
    clock.offset = during - Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.clock.install({ time: during });
    const page = await context.newPage();
    const customersPage = new CustomersPage(page);
    await customersPage.open(host.adminUrl);
    await customersPage.search(regular!.name);
    const before = await (await customersPage.openCustomer(regular!.id)).stat('no-show-rate');
    expect(Number(before)).toBeCloseTo(noShows / (visits + noShows));

    await page.getByTestId('nav-calendar').click();
    const calendar = new CalendarPage(page);
    await calendar.waitLoaded(day.date);
    const panel = await calendar.openAppointment(booked.id);
    await panel.markNoShow();
    await panel.waitStatus('no_show');
    await screenshot(page, '15-no-show');

    await page.getByTestId('nav-customers').click();
    await customersPage.search(regular!.name);
    const after = await customersPage.openCustomer(regular!.id);
    const expected = (noShows + 1) / (visits + noShows + 1);
    await expect.poll(async () => Number(await after.stat('no-show-rate'))).toBeCloseTo(expected);
    expect(expected).not.toBeCloseTo(Number(before));
    await context.close();
  });
});
