// Phone numbers at the desk as people say them, in a real browser against server mode on the
// demo business (in Britain): typed "07816 413902" or "07816413902", a customer is found in the
// customers list, the booking dialog's picker and the calendar search, and every screen shows
// the number that way; a foreign number shows in international form.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Customer } from '../../preload/contract/index.js';
import { CalendarPage } from './pages/calendar.js';
import { CustomersPage } from './pages/customers.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;
let page: Page;
let regular: Customer;
let nora: Customer;
/** The regular's number as it is said in Britain ("07816 413902"), and typed without spaces. */
let said: string;
let typed: string;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-e2e-phones-'), launchChromium()]);
  expect((await demo.rpc('settings.get', {})).country).toBe('GB');
  // A demo customer, whose mobile number the demo drew at random.
  const { customers } = await demo.rpc('customers.list', { limit: 50 });
  regular = customers.find((c) => c.phone?.startsWith('+447'))!;
  said = parsePhoneNumberFromString(regular.phone!)!.formatNational();
  typed = said.replace(/\s/g, '');
  expect(said).toMatch(/^07\d{3} \d{6}$/);
  nora = await demo.rpc('customers.create', { name: 'Nora York', phone: '+1 212 555 0100' });
  page = await newDeskPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('phone numbers at the desk', () => {
  it('finds a customer in the customers list by the number as it is said', async () => {
    const customers = new CustomersPage(page);
    await customers.open(demo.host.adminUrl);
    for (const search of [said, typed]) {
      await customers.search(search);
      expect(await customers.total()).toBe(1);
      await customers.row(regular.id).waitFor();
    }
    expect(await customers.row(regular.id).textContent()).toContain(said);
    await screenshot(page, 'phones-01-customers-search');
    const panel = await customers.openCustomer(regular.id);
    expect(await panel.phone().textContent()).toBe(`Phone: ${said}`);

    await customers.search('Nora York');
    expect(await customers.row(nora.id).textContent()).toContain('+1 212 555 0100');
    await screenshot(page, 'phones-02-foreign-number');
  });

  it("finds them in the booking dialog's customer picker", async () => {
    const calendar = new CalendarPage(page);
    await calendar.open(demo.host.adminUrl);
    const dialog = await calendar.openNewBooking();
    const results = await dialog.searchCustomer(said);
    await dialog.customerResult(regular.id).waitFor();
    expect(await results.textContent()).toContain(said);
    await screenshot(page, 'phones-03-picker');
    await dialog.findCustomer(typed, regular.id);
    expect(await dialog.root.getByTestId('chosen-customer').textContent()).toContain(said);
    await dialog.close();
  });

  it('offers appointment messages, ticked, for a new customer in the booking dialog', async () => {
    const calendar = new CalendarPage(page);
    await page.keyboard.press('Escape');
    const dialog = await calendar.openNewBooking();
    await dialog.newCustomer({ name: 'Walk In', phone: '07400 900555' });
    await dialog.appointmentMessages().waitFor();
    expect(await dialog.appointmentMessages().isChecked()).toBe(true);
    await screenshot(page, 'phones-05-booking-consent');
    await dialog.close();
  });

  it('finds them in the calendar search', async () => {
    const calendar = new CalendarPage(page);
    await calendar.search(said);
    await calendar.searchCustomer(regular.id).waitFor();
    expect(await calendar.searchCustomer(regular.id).textContent()).toContain(said);
    await screenshot(page, 'phones-04-calendar-search');
  });

  it('adds a phone customer at the desk with appointment texts on, recorded as given there', async () => {
    const customers = new CustomersPage(page);
    await customers.open(demo.host.adminUrl);
    const box = await customers.openNewCustomer();
    expect(await box.isChecked()).toBe(true);
    await customers.saveNewCustomer('Phoebe Caller', '07400 900556');
    const { customers: found } = await demo.rpc('customers.list', { search: 'Phoebe Caller' });
    expect(found[0]).toMatchObject({ smsConsent: true, smsConsentSource: 'desk' });
    await customers.search('Phoebe Caller');
    const panel = await customers.openCustomer(found[0]!.id);
    await panel.root.locator('[data-testid="consent-sms"][data-given="true"]').waitFor();
    await screenshot(page, 'phones-06-desk-consent');
  });
});
