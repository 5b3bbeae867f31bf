// A deposit from start to finish in Debian's Chromium, with demo payments (no credentials): the
// customer books the deposit service on the hosted page, reads the terms, pays on the demo
// checkout and lands on the confirmation page; the desk sees the booking confirmed and paid,
// and refunds part of it with a reason; the customer's manage link then shows that money.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarPage } from './pages/calendar.js';
import { DemoCheckoutPage, PaymentSectionModel } from './pages/payments.js';
import { BookingWidget, ManagePage } from './pages/widget.js';
import { accessibilityViolations } from './support/axe.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoHost('bookingsync-e2e-payments-');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

interface PublicService {
  id: string;
  name: string;
  deposit: { amount: number } | null;
  staff_ids: string[];
}

describe('deposit journey', () => {
  it('books a deposit service, pays on the demo checkout, and the desk sees it confirmed', async () => {
    const listed = (await (await fetch(`${demo.host.publicUrl}/api/services`)).json()) as {
      services: PublicService[];
    };
    const service = listed.services.find((s) => s.deposit !== null);
    expect(service).toBeDefined();
    if (!service) return;

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      timezoneId: 'Europe/London',
      locale: 'en-GB',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const widget = new BookingWidget(page);
    await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
    await widget.waitStep('staff');
    await widget.chooseStaff(service.staff_ids[0]);
    await widget.waitStep('slot');
    // Past the 24-hour cut-off, so the manage page below still offers to cancel.
    await widget.chooseDay((await widget.days().nth(2).getAttribute('data-date')) ?? '');
    const start = await widget.chooseSlot(0);
    await widget.waitStep('details');

    const terms = widget.root.locator('[data-testid="payment-policy"]');
    await terms.waitFor();
    expect(await terms.textContent()).toContain('A deposit of £20.00');
    await widget.fill({ name: 'Dana Deposit', email: 'dana@example.com' });
    await screenshot(page, 'payments-01-terms');
    expect(await widget.root.locator('[data-testid="submit"]').textContent()).toBe(
      'Continue to payment',
    );
    // The checkout page replaces the widget at once: the manage token is read in passing.
    let manageToken = '';
    await page.route('**/api/bookings', async (route) => {
      const response = await route.fetch();
      manageToken = ((await response.json()) as { manage_token: string }).manage_token;
      await route.fulfill({ response });
    });
    await widget.submit();

    const checkout = new DemoCheckoutPage(page);
    await checkout.waitOpen();
    expect(await checkout.amount().textContent()).toBe('£20.00');
    await screenshot(page, 'payments-02-demo-checkout');
    expect.soft(await accessibilityViolations(page), 'demo checkout').toEqual([]);
    await checkout.pay();
    await checkout.waitResult('confirmed');
    // The booking in words, never the raw instant, with what the customer needs next.
    const when = (await checkout.when().textContent()) ?? '';
    expect(when).not.toContain(start);
    expect(when).toMatch(/^\w+day \d{1,2} \w+ \d{4} at \d{1,2}:\d\d$/);
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await checkout.manageLink().getAttribute('href')).toBe(`/book/manage/${manageToken}`);
    expect(await checkout.calendarLink().getAttribute('href')).toMatch(
      /^data:text\/calendar;charset=utf-8,BEGIN%3AVCALENDAR/,
    );
    expect(await checkout.backLink().getAttribute('href')).toBe('/book');
    await screenshot(page, 'payments-03-confirmed');
    expect.soft(await accessibilityViolations(page), 'payment result').toEqual([]);

    const startMs = Date.parse(start);
    const [booked] = (
      await demo.rpc('appointments.list', { from: startMs, to: startMs + 60_000 })
    ).filter((a) => a.serviceId === service.id && a.source === 'widget');
    expect(booked?.status).toBe('confirmed');
    if (!booked) return;

    const desk = await newDeskPage(browser);
    const calendar = new CalendarPage(desk);
    await calendar.open(demo.host.adminUrl);
    await calendar.goToDate(start.slice(0, 10));
    const panel = await calendar.openAppointment(booked.id);
    await panel.waitStatus('confirmed');
    const payments = new PaymentSectionModel(panel.root);
    await payments.waitDeposit('paid');
    await payments.movement('deposit', 'succeeded').waitFor();
    // The calendar block says so too (its badge), without opening anything.
    await calendar.paymentBadge(booked.id, 'paid').waitFor();
    expect(await calendar.paymentBadge(booked.id).textContent()).toBe('Deposit paid');
    await screenshot(desk, 'payments-04-desk-paid');

    await payments.refund('5', 'Started late');
    await payments.movement('refund', 'succeeded').waitFor();
    expect(await payments.balance().getAttribute('data-held')).toBe('1500');
    await calendar.paymentBadge(booked.id, 'part_refunded').waitFor();
    await screenshot(desk, 'payments-05-desk-refunded');
    expect.soft(await accessibilityViolations(desk), 'desk, part refunded').toEqual([]);

    // The week's narrow columns: the time and service under the name, and the short badge, in
    // the light scheme and the dark.
    await desk.keyboard.press('Escape');
    await calendar.showWeek();
    const block = calendar.appointment(booked.id);
    expect(await block.getByTestId('appointment-meta').textContent()).toContain(service.name);
    expect(await calendar.paymentBadge(booked.id, 'part_refunded').textContent()).toBe(
      'Part refund',
    );
    await block.scrollIntoViewIfNeeded();
    await screenshot(desk, 'payments-07-week-badges');
    await desk.getByTestId('color-scheme-toggle').click();
    await desk.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await screenshot(desk, 'payments-08-week-badges-dark');
    expect.soft(await accessibilityViolations(desk), 'week, dark, part refunded').toEqual([]);

    // The customer's manage link shows the same money, and what cancelling now would return.
    const manage = new ManagePage(page);
    await manage.open(`${demo.host.publicUrl}/book/manage/${manageToken}`);
    const money = manage.payment('part_refunded');
    await money.waitFor();
    expect(await money.textContent()).toContain('Deposit paid: £20.00.');
    expect(await money.textContent()).toContain('Refunded: £5.00.');
    expect(await manage.root.locator('[data-testid="payment-terms"]').textContent()).toMatch(
      /^Deposit £15\.00 paid\. /,
    );
    await manage.askToCancel();
    expect(await manage.cancelRefund().textContent()).toMatch(/^If you cancel now, /);
    await screenshot(page, 'payments-06-manage-money');
    expect.soft(await accessibilityViolations(page), 'manage page with money').toEqual([]);
    await manage.keep();
    await context.close();
  }, 90_000);
});
