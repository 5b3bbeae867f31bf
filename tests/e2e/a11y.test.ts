// Every desk screen and every step of the widget, light and dark, through an accessibility engine
// (axe-core, WCAG 2.0/2.1 A and AA): none may have a serious or critical violation. Each check
// runs on a screen as a receptionist or a customer sees it, with data on it: a busy day and week,
// an open appointment, a form with errors, the widget's steps to a booking and its manage page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcToLocalDate } from '../../main/domain/time.js';
import { CalendarPage } from './pages/calendar.js';
import { CustomersPage } from './pages/customers.js';
import { DeskShell } from './pages/desk.js';
import { MessagesPage } from './pages/messages.js';
import { ServicesPage } from './pages/services.js';
import { SettingsPage } from './pages/settings.js';
import { StaffPage } from './pages/staff.js';
import { BookingWidget, ManagePage } from './pages/widget.js';
import { WidgetSettingsPage } from './pages/widgetSettings.js';
import { accessibilityViolations } from './support/axe.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { startEmbeddingSite, type EmbeddingSite } from './support/embedding-site.js';

let demo: DemoHost;
let browser: Browser;
let site: EmbeddingSite;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-e2e-a11y-'), launchChromium()]);
  site = await startEmbeddingSite(demo.host.publicUrl);
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
  await demo?.close();
});

const schemes = ['light', 'dark'] as const;
/** A walk through several screens, each checked by the engine (1–2 s a check on two cores). */
const WALK_TIMEOUT = 90_000;

/** Soft: one screen's findings do not hide the next screen's. */
async function expectAccessible(page: Page, name: string, within?: string): Promise<void> {
  await screenshot(page, `a11y-${name}`);
  expect.soft(await accessibilityViolations(page, within), name).toEqual([]);
}

interface BusyDay {
  date: string;
  staffId: string;
  free: number;
  /** An appointment whose deposit was paid. */
  paid: string;
}

let busy: Promise<BusyDay> | undefined;
/** Prepared once for both schemes. */
const busyDay = () => (busy ??= prepareBusyDay());

/**
 * The busiest of the coming days, with a deposit awaited and one paid added to it: the demo books
 * no deposits, and their badges have colours of their own (refunds need a card payment). A deposit
 * service of this test's own, an hour long (room for the badge), fits between the demo's bookings.
 */
async function prepareBusyDay(): Promise<BusyDay> {
  const { timeZone } = await demo.rpc('settings.get', {});
  const today = utcToLocalDate(Date.now(), timeZone);
  const counts = new Map<string, number>();
  const booked = await demo.rpc('appointments.list', {
    from: Date.now(),
    to: Date.now() + 7 * 86_400_000,
  });
  for (const a of booked) {
    const date = utcToLocalDate(a.start, timeZone);
    if (date !== today) counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  const date = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const staff = await demo.rpc('staff.list', {});
  const service = await demo.rpc('services.create', {
    name: 'Fringe trim',
    durationMinutes: 60,
    priceAmount: 1500,
    deposit: { kind: 'fixed', amount: 500 },
    staffIds: staff.map((m) => m.id),
  });
  const customerId = (await demo.rpc('customers.list', { limit: 1 })).customers[0]!.id;
  const book = async (hold = false) => {
    const answer = await demo.rpc('availability.get', {
      serviceId: service.id,
      from: date,
      days: 1,
    });
    const slot = answer.days[0]?.slots[0];
    if (!slot) throw new Error(`no free hour left on ${date}`);
    const booking = await demo.rpc('appointments.create', {
      serviceId: service.id,
      staffId: slot.staffId,
      start: slot.start,
      customerId,
      hold,
    });
    return booking.id;
  };
  const takeDeposit = (appointmentId: string) =>
    demo.rpc('payments.takeInPerson', { appointmentId, amount: 500, requestId: appointmentId });

  await book(true);
  const paid = await book();
  await takeDeposit(paid);
  const free = (await demo.rpc('availability.get', { serviceId: service.id, from: date, days: 1 }))
    .days[0]!.slots[0]!;
  return { date, staffId: free.staffId, free: free.start, paid };
}

describe('the desk at WCAG 2.1 AA', () => {
  for (const scheme of schemes) {
    it(
      `has no serious violation on the calendar, ${scheme}`,
      async () => {
        const day = await busyDay();
        const page = await newDeskPage(browser);
        const calendar = new CalendarPage(page);
        await calendar.open(demo.host.adminUrl);
        await new DeskShell(page).useScheme(scheme);
        await calendar.goToDate(day.date);
        await calendar.paymentBadge(day.paid, 'paid').waitFor();
        await expectAccessible(page, `calendar-day-${scheme}`);

        const dialog = await calendar.openSlot(day.staffId, day.free);
        await expectAccessible(page, `booking-dialog-${scheme}`);
        await dialog.close();

        await calendar.openAppointment(day.paid);
        await expectAccessible(page, `appointment-panel-${scheme}`);

        await calendar.showWeek();
        await calendar.appointments().first().waitFor();
        await expectAccessible(page, `calendar-week-${scheme}`);
        await page.close();
      },
      WALK_TIMEOUT,
    );

    it(
      `has no serious violation on the other screens, ${scheme}`,
      async () => {
        const page = await newDeskPage(browser);
        const shell = new DeskShell(page);
        const customers = new CustomersPage(page);
        await customers.open(demo.host.adminUrl);
        await shell.useScheme(scheme);
        const regular = (await demo.rpc('customers.list', { limit: 1 })).customers[0]!;
        await customers.openCustomer(regular.id);
        await expectAccessible(page, `customers-${scheme}`);

        const messages = new MessagesPage(page);
        await messages.openMessages();
        await expectAccessible(page, `messages-inbox-${scheme}`);
        await messages.openOutbox();
        await messages.outboxRows().first().waitFor();
        await expectAccessible(page, `messages-outbox-${scheme}`);

        const services = new ServicesPage(page);
        const service = (await demo.rpc('services.list', {}))[0]!;
        await shell.go('services');
        await services.edit(service.name);
        await services.fill('durationMinutes', '2');
        await services.save();
        await services.fieldError('durationMinutes').waitFor();
        await expectAccessible(page, `services-${scheme}`);

        const staff = new StaffPage(page);
        const member = (await demo.rpc('staff.list', {}))[0]!;
        await shell.go('staff');
        await staff.select(member.name);
        await expectAccessible(page, `staff-${scheme}`);

        const settings = new SettingsPage(page);
        await shell.go('settings');
        await settings.field('name').waitFor();
        await new WidgetSettingsPage(page).heading().waitFor();
        await expectAccessible(page, `settings-${scheme}`);
        await page.close();
      },
      WALK_TIMEOUT,
    );
  }
});

describe('the widget at WCAG 2.1 AA', () => {
  for (const scheme of schemes) {
    it(
      `has no serious violation from choosing a service to managing the booking, ${scheme}`,
      async () => {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          timezoneId: 'Europe/London',
          locale: 'en-GB',
        });
        const page = await context.newPage();
        const widget = new BookingWidget(page);
        // Only the widget is ours to judge: the embedding site's own (hostile) styles are not.
        const within = '[data-bookingsync]';
        await page.goto(`${site.url}?mode=${scheme}`);
        await widget.waitStep('service');
        await expectAccessible(page, `widget-service-${scheme}`, within);

        const service = (await demo.rpc('services.list', {})).find(
          (s) => s.deposit.kind === 'none',
        )!;
        await widget.chooseService(service.id);
        await widget.waitStep('staff');
        await expectAccessible(page, `widget-staff-${scheme}`, within);

        await widget.chooseStaff(undefined);
        await widget.waitStep('slot');
        await widget.slots().first().waitFor();
        await expectAccessible(page, `widget-slots-${scheme}`, within);

        // Past the 24-hour cut-off, so the manage page still offers Move and Cancel to check.
        await widget.chooseDay((await widget.days().nth(2).getAttribute('data-date')) ?? '');
        await widget.chooseSlot(0);
        await widget.waitStep('details');
        await widget.fill({ name: 'Ada Access', phone: 'not a phone' });
        await widget.submit();
        await widget.fieldError('phone').waitFor();
        await expectAccessible(page, `widget-details-errors-${scheme}`, within);

        await widget.fill({ name: 'Ada Access', phone: '07911 123456' });
        await widget.submit();
        await widget.confirmation().waitFor();
        await expectAccessible(page, `widget-confirmed-${scheme}`, within);

        // The hosted manage page (the link in the emails) is light; a site can embed it dark.
        const link = await widget.manageLink();
        const token = new URL(link).pathname.split('/').pop()!;
        const manage = new ManagePage(page);
        await manage.open(scheme === 'light' ? link : `${site.url}?manage=${token}&mode=dark`);
        const scope = scheme === 'light' ? undefined : within;
        await expectAccessible(page, `manage-${scheme}`, scope);
        await manage.askToCancel();
        await expectAccessible(page, `manage-cancel-${scheme}`, scope);
        await manage.keep();
        await manage.startReschedule();
        await expectAccessible(page, `manage-reschedule-${scheme}`, scope);
        await context.close();
      },
      WALK_TIMEOUT,
    );
  }

  it('has no serious violation on the hosted booking page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const widget = new BookingWidget(page);
    await page.goto(`${demo.host.publicUrl}/book`);
    await widget.waitStep('service');
    await expectAccessible(page, 'hosted-book');
    await page.close();
  });
});
