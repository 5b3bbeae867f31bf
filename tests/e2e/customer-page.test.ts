// A customer's page in a real browser against server mode on the demo business: every visit, a
// page at a time, with who did it; a visit opens in the calendar; "Book again" starts a booking of
// the same service with the same person for this customer; their messages read as one thread,
// their texts back included, oldest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import twilio from 'twilio';
import type { Appointment, Customer } from '../../preload/contract/index.js';
import { BookingDialog } from './pages/calendar.js';
import { CustomersPage } from './pages/customers.js';
import { accessibilityViolations } from './support/axe.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;
let page: Page;
let customers: CustomersPage;

const ALL_TIME = { from: 0, to: Date.UTC(2200, 0, 1) };
const AUTH_TOKEN = 'e2e-auth-token-5678';

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-customer-page-'),
    launchChromium(),
  ]);
  page = await newDeskPage(browser);
  customers = new CustomersPage(page);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The demo customer with the most appointments (more than one page of them). */
async function regular(): Promise<{ customer: Customer; history: Appointment[] }> {
  const { customers: all } = await demo.rpc('customers.list', { limit: 500 });
  let best: { customer: Customer; history: Appointment[] } | null = null;
  for (const customer of all) {
    const history = await demo.rpc('appointments.list', { ...ALL_TIME, customerId: customer.id });
    if (!best || history.length > best.history.length) best = { customer, history };
  }
  return best!;
}

describe("a customer's page", () => {
  it('lists every visit a page at a time with its staff, and a visit opens in the calendar', async () => {
    const { customer, history } = await regular();
    expect(history.length).toBeGreaterThan(10);
    const staff = await demo.rpc('staff.list', {});
    const newestFirst = [...history].sort((a, b) => b.start - a.start);
    const oldest = newestFirst.at(-1)!;

    await customers.open(demo.host.adminUrl);
    await customers.search(customer.name);
    const panel = await customers.openCustomer(customer.id);
    await panel.appointments().first().waitFor();
    expect(await panel.appointmentsRange().textContent()).toBe(
      `1–10 of ${history.length} appointments`,
    );
    const firstStaff = await panel.appointments().first().getByTestId('customer-appointment-staff');
    expect(await firstStaff.textContent()).toBe(
      staff.find((s) => s.id === newestFirst[0]!.staffId)!.name,
    );
    const last = Math.ceil(history.length / 10);
    await panel.appointmentsPage(last);
    await panel.appointment(oldest.id).waitFor();
    expect(await accessibilityViolations(page, '[data-testid="customer-panel"]')).toEqual([]);
    await panel.root
      .getByTestId('customer-history')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'customer-page-01-visits-paged');

    await panel.openAppointment(oldest.id);
    await page
      .locator(`[data-testid="appointment-panel"][data-appointment-id="${oldest.id}"]`)
      .waitFor();
    expect(await page.getByTestId('calendar').getAttribute('data-date')).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(oldest.start),
    );
  });

  it('"Book again" opens a booking of the same service with the same person for this customer', async () => {
    const { customer, history } = await regular();
    const visit = [...history]
      .sort((a, b) => b.start - a.start)
      .find((a) => a.status === 'completed')!;
    await customers.open(demo.host.adminUrl);
    await customers.search(customer.name);
    const panel = await customers.openCustomer(customer.id);
    await panel.bookAgain(visit.id);
    const dialog = new BookingDialog(page);
    await dialog.waitOpen();
    expect(await dialog.root.getByTestId('booking-service').inputValue()).toBe(visit.serviceId);
    expect(await dialog.root.getByTestId('booking-staff').inputValue()).toBe(visit.staffId);
    await dialog.root
      .locator(`[data-testid="chosen-customer"][data-customer-id="${customer.id}"]`)
      .waitFor();
    await screenshot(page, 'customer-page-02-book-again');
    await dialog.close();
  });

  it('shows their messages as one thread, their texts included, and opens one in full', async () => {
    const { customer } = await regular();
    expect(customer.phone).not.toBeNull();
    await demo.rpc('connections.update', { twilio: { authToken: AUTH_TOKEN } });
    const url = `${demo.host.publicUrl}/webhooks/twilio/sms`;
    const params = {
      MessageSid: 'SM00000000000000000000000000e2e016',
      From: customer.phone!,
      To: '+15005550006',
      Body: 'Is there parking near you?',
    };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);

    await customers.open(demo.host.adminUrl);
    await customers.search(customer.name);
    const panel = await customers.openCustomer(customer.id);
    const theirs = panel.threadEntries().and(page.locator('[data-direction="in"]'));
    await theirs.filter({ hasText: 'Is there parking near you?' }).waitFor();
    // Phones read as the desk says them (national form for the business's own country).
    const thread = (await panel.threadEntries().allTextContents()).join('\n');
    expect(thread).not.toContain(customer.phone!);
    expect(thread).toMatch(/from 07\d{3} \d{6}/);
    const directions = await panel
      .threadEntries()
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-direction')));
    expect(directions).toContain('out');
    const sent = (
      await demo.rpc('outbox.list', { customerId: customer.id, status: 'sent', limit: 1 })
    ).messages[0]!;
    await panel
      .threadEntries()
      .and(page.locator(`[data-message-id="${sent.id}"]`))
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-page-03-thread');
    await panel.openThreadMessage(sent.id);
    await page.locator(`[data-testid="message-details"][data-message-id="${sent.id}"]`).waitFor();
    expect(await page.getByTestId('message-body').textContent()).toBe(sent.body);
    expect(await accessibilityViolations(page, '[data-testid="customer-panel"]')).toEqual([]);
  });
});
