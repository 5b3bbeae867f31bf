// The customers screen in a real browser against server mode on the demo business: search by
// phone and name, a customer's numbers matching the core's, a duplicate phone refused at the
// field, and 10,000 more customers scrolled without putting 10,000 rows in the DOM.
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
    startDemoHost('bookingsync-e2e-customers-'),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const ALL_TIME = { from: 0, to: Date.UTC(2200, 0, 1) };

/** A demo customer with a phone, some visits and at least one no-show, per the core. */
async function regularWithNoShows(): Promise<{
  customer: Customer;
  visits: number;
  noShows: number;
  /** All their appointments, whatever the status. */
  total: number;
}> {
  const { customers } = await demo.rpc('customers.list', { limit: 500 });
  for (const customer of customers) {
    if (!customer.phone) continue;
    const history = await demo.rpc('appointments.list', { ...ALL_TIME, customerId: customer.id });
    const visits = history.filter((a) => a.status === 'completed').length;
    const noShows = history.filter((a) => a.status === 'no_show').length;
    if (visits > 0 && noShows > 0) return { customer, visits, noShows, total: history.length };
  }
  throw new Error('no demo customer has both visits and no-shows');
}

describe('the customers screen in a browser', () => {
  let page: Page;
  let customers: CustomersPage;
  let regular: Awaited<ReturnType<typeof regularWithNoShows>>;

  it('finds a demo customer by part of the phone number and by name', async () => {
    regular = await regularWithNoShows();
    page = await newDeskPage(browser);
    customers = new CustomersPage(page);
    await customers.open(demo.host.adminUrl);
    const all = await demo.rpc('customers.list', { limit: 1 });
    expect(await customers.total()).toBe(all.total);
    await screenshot(page, 'customers-01-list');

    // The receptionist types the middle of the number the way it is said on the phone.
    const digits = regular.customer.phone!.replace(/\D/g, '');
    const part = digits.slice(-7, -1);
    await customers.search(`${part.slice(0, 3)} ${part.slice(3)}`);
    await customers.row(regular.customer.id).waitFor();
    expect(await customers.total()).toBeLessThan(all.total);

    await customers.search(regular.customer.name.split(' ')[1]!.toLowerCase());
    await customers.row(regular.customer.id).waitFor();

    await customers.search('no such person zzz');
    await page.getByTestId('customers-empty').waitFor();
    expect(await customers.total()).toBe(0);
    await screenshot(page, 'customers-02-no-match');
  });

  it("shows the customer's visits and no-shows as the core counts them", async () => {
    await customers.search(regular.customer.name);
    const panel = await customers.openCustomer(regular.customer.id);
    expect(await panel.stat('visits')).toBe(String(regular.visits));
    expect(await panel.stat('no-shows')).toBe(String(regular.noShows));
    const rate = Number(await panel.stat('no-show-rate'));
    expect(rate).toBeCloseTo(regular.noShows / (regular.visits + regular.noShows));
    await expect(panel.statText('total-spent').textContent()).resolves.toMatch(/£\d/);
    // The latest ten appointments are listed under the numbers.
    const shown = Math.min(10, regular.total);
    await panel
      .appointments()
      .nth(shown - 1)
      .waitFor();
    expect(await panel.appointments().count()).toBe(shown);
    await screenshot(page, 'customers-03-panel');
    await panel.messages().scrollIntoViewIfNeeded();
    await screenshot(page, 'customers-03b-panel-messages');
  });

  it("refuses another customer's phone at the phone field and changes nothing", async () => {
    const { customers: list } = await demo.rpc('customers.list', { limit: 50 });
    const other = list.find((c) => c.phone && c.id !== regular.customer.id)!;
    const panel = await customers.openCustomer(regular.customer.id);
    await panel.edit();
    await panel.fillPhone(other.phone!);
    await panel.save();
    await panel.fieldError('phone').waitFor();
    expect(await panel.fieldError('phone').textContent()).toMatch(/already has this phone/);
    expect(await panel.root.getByTestId('customer-form').getAttribute('data-error-code')).toBe(
      'CONFLICT',
    );
    await screenshot(page, 'customers-04-conflict');
    const after = await demo.rpc('customers.get', { id: regular.customer.id });
    expect(after.phone).toBe(regular.customer.phone);

    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await screenshot(page, 'customers-05-conflict-dark');
  });

  it('scrolls 10,000 more customers with only a window of rows in the DOM', async () => {
    const before = (await demo.rpc('customers.list', { limit: 1 })).total;
    const sqlite = demo.host.app.db.$client;
    const insert = sqlite.prepare(
      `INSERT INTO customers (id, name, phone, email, notes, sms_consent, email_consent, created_at, updated_at)
       VALUES (?, ?, NULL, ?, '', 0, 1, ?, ?)`,
    );
    const now = Date.now();
    sqlite.transaction(() => {
      for (let i = 1; i <= 10_000; i++) {
        const n = String(i).padStart(5, '0');
        insert.run(`cus_bulk_${n}`, `Zz Bulk ${n}`, `bulk${n}@example.test`, now, now);
      }
    })();
    const total = before + 10_000;
    const last = (await demo.rpc('customers.list', { limit: 1, offset: total - 1 })).customers[0]!;

    const big = new CustomersPage(await newDeskPage(browser));
    await big.open(demo.host.adminUrl);
    expect(await big.total()).toBe(total);
    await big.rows().first().waitFor();
    expect(await big.rows().count()).toBeLessThan(100);

    await big.scrollToEnd();
    await big.row(last.id).waitFor();
    expect(await big.rows().count()).toBeLessThan(100);
    await screenshot(big.page, 'customers-06-ten-thousand-end');
  });
});
