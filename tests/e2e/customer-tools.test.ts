// The customers screen's tools in a real browser against server mode on the demo business: add a
// customer, merge a duplicate into them (what moves is previewed, then the duplicate is gone and
// its appointment is theirs), import a CSV file with one bad row (the row is reported, nothing is
// imported), and export a spreadsheet-safe CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Customer } from '../../preload/contract/index.js';
import { CustomersPage } from './pages/customers.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-customer-tools-'),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const ALL_TIME = { from: 0, to: Date.UTC(2200, 0, 1) };

describe('customer tools in a browser', () => {
  let page: Page;
  let customers: CustomersPage;

  it('adds a customer and merges a duplicate with an appointment into them', async () => {
    page = await newDeskPage(browser);
    customers = new CustomersPage(page);
    await customers.open(demo.host.adminUrl);
    await screenshot(page, 'customers-tools-01-light');

    // The duplicate: booked from the "widget" by email, with an appointment.
    const [service] = await demo.rpc('services.list', {});
    if (!service) throw new Error('the demo has no services');
    const { days } = await demo.rpc('availability.get', {
      serviceId: service.id,
      from: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      days: 14,
    });
    const slot = days.flatMap((d) => d.slots)[0];
    if (!slot) throw new Error('no free slot in the demo');
    const booking = await demo.rpc('appointments.create', {
      serviceId: service.id,
      staffId: slot.staffId,
      start: slot.start,
      customer: { name: 'Zelda Marsh', email: 'zelda@example.com' },
    });

    await customers.addCustomer('Zelda Marsh', '07911 123456');
    const { customers: found } = await demo.rpc('customers.list', { search: 'Zelda Marsh' });
    const keep = found.find((c) => c.phone === '+447911123456') as Customer;
    const duplicate = found.find((c) => c.email === 'zelda@example.com') as Customer;
    expect(keep).toBeDefined();
    expect(duplicate.id).toBe(booking.customerId);
    // The new customer opens straight away.
    const panel = customers.panel(keep.id);
    await panel.root.waitFor();

    const preview = await panel.previewMerge('zelda', duplicate.id);
    const moves = await preview.moves();
    expect(moves.Appointments).toBe(1);
    await preview.result().filter({ hasText: 'zelda@example.com' }).waitFor();
    await screenshot(page, 'customers-tools-02-merge-preview-light');
    await preview.confirm();

    await customers.search('zelda');
    expect(await customers.total()).toBe(1);
    expect((await demo.rpc('customers.get', { id: keep.id })).email).toBe('zelda@example.com');
    const history = await demo.rpc('appointments.list', { ...ALL_TIME, customerId: keep.id });
    expect(history.map((a) => a.id)).toEqual([booking.id]);
    await panel.appointments().first().waitFor();
  }, 60_000);

  it('reports the bad row of a CSV file and imports nothing from it', async () => {
    const before = (await demo.rpc('customers.list', { limit: 1 })).total;
    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    const csvImport = await customers.openImport();
    await csvImport.choose(
      'salon.csv',
      [
        'name,phone,email',
        'Iris Carter,07400 123456,',
        'Jon Bad,12345,',
        'Kay Long,,kay@example.com',
      ].join('\n'),
    );
    await csvImport.errors().first().waitFor();
    expect(await csvImport.errors().count()).toBe(1);
    const error = csvImport.errors().first();
    expect(await error.getAttribute('data-row')).toBe('3');
    expect(await error.getAttribute('data-field')).toBe('phone');
    expect(await csvImport.confirmButton().isDisabled()).toBe(true);
    await screenshot(page, 'customers-tools-03-import-error-dark');
    expect((await demo.rpc('customers.list', { limit: 1 })).total).toBe(before);

    await csvImport.choose(
      'salon-fixed.csv',
      ['name,phone,email', 'Iris Carter,07400 123456,', 'Kay Long,,kay@example.com'].join('\n'),
    );
    await page.getByTestId('csv-sample-row').nth(1).waitFor();
    await screenshot(page, 'customers-tools-04-import-ready-dark');
    await csvImport.confirmButton().click();
    await page.getByTestId('csv-import').waitFor({ state: 'detached' });
    expect((await demo.rpc('customers.list', { limit: 1 })).total).toBe(before + 2);
  });

  it('shows a customer added in one window in another, without a reload', async () => {
    const [first, second] = await Promise.all([newDeskPage(browser), newDeskPage(browser)]);
    const adding = new CustomersPage(first);
    const watching = new CustomersPage(second);
    await Promise.all([adding.open(demo.host.adminUrl), watching.open(demo.host.adminUrl)]);
    const before = await watching.total();
    await adding.addCustomer('Live Update', '07911 123999');
    await expect.poll(() => adding.total(), { timeout: 15_000 }).toBe(before + 1);
    // The other window hears customers.changed and refetches its list.
    await expect.poll(() => watching.total(), { timeout: 15_000 }).toBe(before + 1);
    await Promise.all([first.context().close(), second.context().close()]);
  });

  it('exports every customer with formula-like cells neutralised', async () => {
    await demo.rpc('customers.create', { name: '=1+2 Evil', email: 'evil@example.com' });
    const csv = await customers.exportCsv();
    const total = (await demo.rpc('customers.list', { limit: 1 })).total;
    expect(csv.trim().split(/\r?\n/)).toHaveLength(total + 1);
    expect(csv).toContain("'=1+2 Evil");
    expect(csv).not.toMatch(/(^|,)=1\+2/m);
    await screenshot(page, 'customers-tools-05-dark');
  });
});
