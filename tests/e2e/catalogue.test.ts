// The services and staff screens in a real browser against server mode on the demo business: a
// service created with a deposit rule, refused at its fields (by the contract's schema in the
// browser and by the core), edited; a staff member added with a split week and time off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ServicesPage } from './pages/services.js';
import { StaffPage } from './pages/staff.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-catalogue-'),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function toggleDark(page: Page): Promise<void> {
  await page.getByTestId('color-scheme-toggle').click();
  await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
}

describe('the services screen in a browser', () => {
  let page: Page;
  let services: ServicesPage;

  it('refuses a service without staff and with a too-short duration, at those fields', async () => {
    page = await newDeskPage(browser);
    services = new ServicesPage(page);
    await services.open(demo.host.adminUrl);
    await page.getByTestId('service-none-selected').waitFor();
    await screenshot(page, 'services-01-list-light');

    const before = await demo.rpc('services.list', { includeInactive: true });
    await services.startNew();
    await services.fill('name', 'Fringe trim');
    await services.fill('durationMinutes', '2');
    for (const name of ['Sophie Marsh', 'Priya Desai', 'Tom Fletcher']) {
      await services.setStaff(name, false);
    }
    await services.save();
    await services.fieldError('durationMinutes').waitFor();
    await services.fieldError('staffIds').waitFor();
    expect(await services.field('durationMinutes').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'services-02-field-errors-light');
    expect(await demo.rpc('services.list', { includeInactive: true })).toEqual(before);
  }, 60_000);

  it('shows the core’s refusal of a deposit above the price at the deposit field', async () => {
    await services.fill('durationMinutes', '15');
    await services.setStaff('Priya Desai', true);
    await services.fill('priceAmount', '10');
    await services.chooseDeposit('Fixed amount');
    await services.fill('deposit-amount', '25');
    await services.save();
    await services.fieldError('deposit.amount').waitFor();
    expect(await services.fieldError('durationMinutes').count()).toBe(0);
    const names = (await demo.rpc('services.list', { includeInactive: true })).map((s) => s.name);
    expect(names).not.toContain('Fringe trim');
  }, 60_000);

  it('creates the service with its deposit and no-show fee, then edits it', async () => {
    await services.fill('deposit-amount', '5');
    await services.chooseNoShowFee('Charge the card');
    await services.fill('noshow-max', '10');
    await services.fill('refund-window', '48');
    await services.fill('late-percent', '50');
    await services.fill('rebookingIntervalDays', '42');
    await services.useOwnReminders();
    await services.save();
    await services.row('Fringe trim').waitFor();
    await services.form().filter({ hasText: 'Edit Fringe trim' }).waitFor();

    const created = (await demo.rpc('services.list', { includeInactive: true })).find(
      (s) => s.name === 'Fringe trim',
    );
    expect(created).toMatchObject({
      durationMinutes: 15,
      priceAmount: 1000,
      deposit: { kind: 'fixed', amount: 500 },
      noShowFee: { kind: 'charge_card', maxAmount: 1000 },
      cancellationRefund: { windowMinutes: 48 * 60, latePercent: 50 },
      rebookingIntervalDays: 42,
      reminderSchedule: [
        { channel: 'sms', offsetMinutes: 24 * 60 },
        { channel: 'sms', offsetMinutes: 2 * 60 },
      ],
      active: true,
    });
    expect(created?.staffIds).toHaveLength(1);

    await services.fill('priceAmount', '12.5');
    await services.chooseDeposit('Percent of price');
    await services.fill('deposit-percent', '20');
    await services.save();
    await page.getByTestId('service-row').filter({ hasText: '12.50' }).waitFor();
    const edited = (await demo.rpc('services.list', { includeInactive: true })).find(
      (s) => s.name === 'Fringe trim',
    );
    expect(edited).toMatchObject({ priceAmount: 1250, deposit: { kind: 'percent', percent: 20 } });

    await toggleDark(page);
    await screenshot(page, 'services-03-edit-dark');
  }, 60_000);
});

describe('the staff screen in a browser', () => {
  let page: Page;
  let staff: StaffPage;

  it('adds a staff member and refuses an interval that ends before it starts', async () => {
    page = await newDeskPage(browser);
    staff = new StaffPage(page);
    await staff.open(demo.host.adminUrl);
    await page.getByTestId('staff-none-selected').waitFor();
    await screenshot(page, 'staff-01-list-light');

    await staff.add('Maya Quinn', 'maya@example.com');
    const maya = (await demo.rpc('staff.list', {})).find((s) => s.name === 'Maya Quinn');
    expect(maya).toMatchObject({ email: 'maya@example.com', active: true });
    if (!maya) throw new Error('Maya was not created');

    await staff.addInterval(2, '09:00', '12:30');
    await staff.addInterval(2, '17:00', '13:30');
    await staff.saveHours();
    await staff.fieldError('hours', 'intervals.1.endMinute').waitFor();
    expect(await demo.rpc('hours.get', { staffId: maya.id })).toEqual([]);
  }, 60_000);

  it('shows times 24-hour and dates day first on an American-English computer too', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    try {
      const american = await context.newPage();
      const desk = new StaffPage(american);
      await desk.open(demo.host.adminUrl);
      const [first] = await demo.rpc('staff.list', {});
      if (!first) throw new Error('the demo has no staff');
      await desk.select(first.name);
      const start = american.getByTestId('hours-start').first();
      expect(await start.inputValue()).toMatch(/^\d{2}:\d{2}$/);
      await start.fill('5:30 pm');
      await start.press('Tab');
      expect(await start.inputValue()).toBe('17:30');
      const from = american.getByTestId('timeoff-start-date');
      await from.fill('4/8/2027');
      await from.press('Tab');
      // Day first, as the desk writes dates: the 4th of August, not April the 8th.
      expect(await from.inputValue()).toBe('Wed 4 Aug 2027');
      await screenshot(american, 'staff-04-en-us-entries');

      // What cannot be read is named at its field, and nothing is sent.
      const before = await demo.rpc('hours.get', { staffId: first.id });
      await start.fill('noon');
      await american.getByTestId('hours-save').click();
      await expect
        .poll(() => desk.fieldError('hours', 'intervals.0.startMinute').textContent())
        .toMatch(/not a time/);
      await from.fill('31/02/2027');
      await american.getByTestId('timeoff-add').click();
      await expect
        .poll(() => desk.fieldError('timeoff', 'startAt').textContent())
        .toMatch(/not a date/);
      expect(await demo.rpc('hours.get', { staffId: first.id })).toEqual(before);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('saves a split Tuesday and adds and removes time off', async () => {
    const maya = (await demo.rpc('staff.list', {})).find((s) => s.name === 'Maya Quinn');
    if (!maya) throw new Error('Maya is missing');
    const second = staff.day(2).getByTestId('hours-interval').nth(1);
    await second.getByTestId('hours-start').fill('13:30');
    await second.getByTestId('hours-end').fill('17:00');
    await staff.saveHours();
    await staff.fieldError('hours', 'intervals.1.endMinute').waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: 'The week is updated' }).waitFor();
    expect(await demo.rpc('hours.get', { staffId: maya.id })).toEqual([
      { weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60 + 30 },
      { weekday: 2, startMinute: 13 * 60 + 30, endMinute: 17 * 60 },
    ]);

    await staff.addTimeOff('2027-08-04T09:00', '2027-08-01T09:00', 'Backwards');
    await staff.fieldError('timeoff', 'endAt').waitFor();
    await staff.addTimeOff('2027-08-02T00:00', '2027-08-07T00:00', 'Summer holiday');
    await staff.timeOffRow('Summer holiday').waitFor();
    await screenshot(page, 'staff-02-member-light');
    await toggleDark(page);
    await screenshot(page, 'staff-03-member-dark');

    const ALL = { staffId: maya.id, from: 0, to: Date.UTC(2200, 0, 1) };
    expect((await demo.rpc('timeOff.list', ALL)).map((t) => t.reason)).toEqual(['Summer holiday']);
    await staff.timeOffRow('Summer holiday').getByTestId('timeoff-delete').click();
    await page.getByTestId('timeoff-empty').waitFor();
    expect(await demo.rpc('timeOff.list', ALL)).toEqual([]);
  }, 60_000);
});
