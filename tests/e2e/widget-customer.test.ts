// What a customer reads in the widget and on the manage page (issue 16, points 11–15): words a
// customer understands, the cancellation cut-off said before it bites, every bookable day within
// reach. Debian's Chromium against server mode on a demo database, at a phone's width.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/public-host.js';
import { SettingsPage } from './pages/settings.js';
import { BookingWidget, ManagePage } from './pages/widget.js';
import { accessibilityViolations } from './support/axe.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';

interface Service {
  id: string;
  name: string;
  description: string;
  deposit: { amount: number } | null;
  staff_ids: string[];
}

let demo: DemoHost;
let browser: Browser;
let services: Service[];
const contexts: BrowserContext[] = [];

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

async function newVisitor(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'Europe/London',
    locale: 'en-GB',
  });
  contexts.push(context);
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

type Days = { days: { date: string; slots: { start: string; staff_id: string }[] }[] };

/** A booking made through the API, `dayIndex` days into the free ones; its manage token. */
async function bookThroughApi(service: Service, dayIndex: number, name: string): Promise<string> {
  const free = await call<Days>(
    `${demo.host.publicUrl}/api/availability?service_id=${service.id}&days_ahead=14`,
  );
  const day = free.body.days.filter((d) => d.slots.length > 0)[dayIndex]!;
  const slot = day.slots.at(-1)!;
  const made = await call<{ manage_token: string }>(`${demo.host.publicUrl}/api/bookings`, {
    method: 'POST',
    body: {
      service_id: service.id,
      staff_id: slot.staff_id,
      start: slot.start,
      customer: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` },
    },
  });
  expect(made.status).toBe(201);
  return made.body.manage_token;
}

async function startOf(token: string): Promise<string> {
  const answer = await call<{ booking: { start: string } }>(
    `${demo.host.publicUrl}/api/bookings/${token}`,
  );
  return answer.body.booking.start;
}

/** Runs `body` while the business asks for 30 days' notice: nothing soon may change online. */
async function withLongCutoff(body: () => Promise<void>): Promise<void> {
  const before = await demo.rpc('settings.get', {});
  await demo.rpc('settings.update', { cancellationCutoffMinutes: 30 * 24 * 60 });
  try {
    await body();
  } finally {
    await demo.rpc('settings.update', {
      cancellationCutoffMinutes: before.cancellationCutoffMinutes,
    });
  }
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-customer-'), launchChromium()]);
  services = (await call<{ services: Service[] }>(`${demo.host.publicUrl}/api/services`)).body
    .services;
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await demo?.close();
});

describe('plain words for customers', () => {
  it('lists each service with its description and deposit, in even rows at 390 px', async () => {
    for (const viewport of [phone, desktop]) {
      const page = await newVisitor(viewport);
      const widget = new BookingWidget(page);
      await page.goto(`${demo.host.publicUrl}/book`);
      await widget.waitStep('service');
      for (const s of services) {
        const row = widget.serviceRow(s.id);
        expect(await row.locator('[data-testid="service-description"]').textContent()).toBe(
          s.description,
        );
        const deposit = row.locator('[data-testid="service-deposit"]');
        if (s.deposit) expect(await deposit.textContent()).toMatch(/deposit £\d+\.\d\d/i);
        else expect(await deposit.count()).toBe(0);
      }
      // Even rows: the name starts at the row's left edge and the price ends at its right, in
      // every row alike.
      const edges = await widget.serviceEdges();
      expect(new Set(edges.map((e) => e.nameLeft)).size).toBe(1);
      expect(new Set(edges.map((e) => e.priceRight)).size).toBe(1);
      await screenshot(page, `customer-01-services-${viewport.width}`);
    }
  });

  it('says what is wrong in plain words, one problem a line, and clears each as it is fixed', async () => {
    const service = services.find((s) => !s.deposit)!;
    const page = await newVisitor(phone);
    const widget = new BookingWidget(page);
    await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
    await widget.waitStep(service.staff_ids.length > 1 ? 'staff' : 'slot');
    if (service.staff_ids.length > 1) await widget.chooseStaff(undefined);
    await widget.chooseSlot(0);
    await widget.waitStep('details');

    await widget.fill({ name: ' ', phone: '12', email: 'dana@' });
    await widget.submit();
    await widget.fieldError('name').waitFor();
    expect(await widget.fieldError('name').textContent()).toBe('Please enter your full name');
    expect(await widget.fieldError('phone').textContent()).toMatch(/^Please enter a phone number/);
    expect(await widget.fieldError('email').textContent()).toMatch(/^Please enter an email/);
    const lines = await widget.liveLines().allTextContents();
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toMatch(/too small|expected|string|>=/i);
    await screenshot(page, 'customer-02-plain-errors');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Fixed fields lose their error at once, before any new submit.
    await widget.field('name').fill('Dana Plain');
    await expect.poll(() => widget.fieldError('name').count()).toBe(0);
    expect(await widget.field('name').getAttribute('aria-invalid')).toBeNull();
    await widget.field('email').fill('dana@example.com');
    await expect.poll(() => widget.fieldError('email').count()).toBe(0);
    expect(await widget.fieldError('phone').count()).toBe(1);

    // A problem only the server finds is said in the same plain words, never the schema's.
    await widget.field('phone').fill('');
    await page.route('**/api/bookings', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'VALIDATION',
            message: 'customer.name: Too small: expected string to have >=3 characters',
            details: {
              fields: [
                {
                  field: 'customer.name',
                  message: 'Too small: expected string to have >=3 characters',
                },
              ],
            },
          },
        }),
      }),
    );
    await widget.submit();
    await widget.live('VALIDATION').waitFor();
    expect(await widget.fieldError('name').textContent()).toBe('Please enter your full name');
    expect(await widget.liveLines().allTextContents()).toEqual(['Please enter your full name']);
  });

  it('calls the manage link a link, not a token, when it matches no booking', async () => {
    const page = await newVisitor(phone);
    await page.goto(`${demo.host.publicUrl}/book/manage/AAAAAAAAAAAAAAAAAAAAAAAA`);
    const live = page.locator('[data-testid="manage"] [data-testid="live"][data-code="NOT_FOUND"]');
    await live.waitFor();
    const text = (await live.textContent()) ?? '';
    expect(text).toMatch(/link/);
    expect(text).not.toMatch(/token/i);
  });
});

describe('the cancellation cut-off, honestly', () => {
  it('takes the business phone in the desk settings', async () => {
    const page = await newDeskPage(browser);
    contexts.push(page.context());
    page.context().setDefaultTimeout(10_000);
    const settings = new SettingsPage(page);
    await settings.open(demo.host.adminUrl);
    await settings.fill('phone', '01632 960999');
    await settings.save();
    await expect.poll(async () => (await demo.rpc('settings.get', {})).phone).toBe('01632 960999');
    await screenshot(page, 'customer-03-settings-phone');
  });

  it('says before the customer confirms that a time inside the cut-off cannot be changed online', async () => {
    const service = services.find((s) => !s.deposit && s.staff_ids.length > 1)!;
    const page = await newVisitor(phone);
    const widget = new BookingWidget(page);
    // Outside the cut-off (a day two days on, the demo's is 24 hours): nothing to warn about.
    await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
    await widget.waitStep('staff');
    await widget.chooseStaff(undefined);
    await widget.waitStep('slot');
    await widget.chooseDay((await widget.days().nth(2).getAttribute('data-date')) ?? '');
    await widget.chooseSlot(0);
    await widget.waitStep('details');
    expect(await widget.cutoffNotice().count()).toBe(0);

    await withLongCutoff(async () => {
      await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
      await widget.waitStep('staff');
      await widget.chooseStaff(undefined);
      await widget.chooseSlot(0);
      await widget.waitStep('details');
      const notice = (await widget.cutoffNotice().textContent()) ?? '';
      expect(notice).toMatch(/cannot be moved or cancelled online/);
      expect(notice).toContain('Willow & Birch Hair Studio');
      expect(notice).toContain('01632 960999');
      await screenshot(page, 'customer-04-inside-cutoff');
    });
  });

  it('past the cut-off the manage page offers no Move or Cancel, no past date, and whom to call', async () => {
    const service = services.find((s) => !s.deposit)!;
    const token = await bookThroughApi(service, 1, 'Carla Cutoff');
    await withLongCutoff(async () => {
      for (const viewport of [phone, desktop]) {
        const page = await newVisitor(viewport);
        const manage = new ManagePage(page);
        await manage.open(`${demo.host.publicUrl}/book/manage/${token}`);
        await manage.callBusiness().waitFor();
        expect(await manage.root.locator('[data-testid="reschedule"]').count()).toBe(0);
        expect(await manage.root.locator('[data-testid="cancel"]').count()).toBe(0);
        expect(await manage.root.textContent()).not.toMatch(/until/);
        const call = (await manage.callBusiness().textContent()) ?? '';
        expect(call).toContain('Willow & Birch Hair Studio');
        expect(call).toContain('01632 960999');
        expect(await manage.callBusiness().locator('a[href^="tel:"]').getAttribute('href')).toBe(
          'tel:01632960999',
        );
        await screenshot(page, `customer-05-manage-past-cutoff-${viewport.width}`);
      }
    });
  });

  it('asks before moving a booking, and keeps it where it was when the customer says no', async () => {
    const service = services.find((s) => !s.deposit)!;
    const token = await bookThroughApi(service, 3, 'Rita Reschedule');
    const before = await startOf(token);
    const page = await newVisitor(phone);
    const manage = new ManagePage(page);
    await manage.open(`${demo.host.publicUrl}/book/manage/${token}`);
    await manage.startReschedule();
    const target = await manage.slots().first().getAttribute('data-start');
    await manage.slots().first().click();
    await manage.moveQuestion().waitFor();
    expect(await manage.moveQuestion().textContent()).toMatch(/Move your booking to/);
    await screenshot(page, 'customer-06-confirm-move');
    expect(await startOf(token)).toBe(before);
    await manage.keepTime();
    await manage.slots().first().waitFor();
    expect(await startOf(token)).toBe(before);

    await manage.slotAt(target!).click();
    await manage.confirmMove();
    await manage.live('MOVED').waitFor();
    expect(Date.parse(await startOf(token))).toBe(Date.parse(target!));
  });
});

describe('every bookable day within reach', () => {
  it('pages through every free day up to the horizon, then stops', async () => {
    const service = services.find((s) => !s.deposit && s.staff_ids.length > 1)!;
    const staffId = service.staff_ids[0]!;
    const all = await call<Days & { bookable_until: string }>(
      `${demo.host.publicUrl}/api/availability?service_id=${service.id}&staff_id=${staffId}&days_ahead=62`,
    );
    const free = all.body.days.filter((d) => d.slots.length > 0).map((d) => d.date);
    // The demo's horizon is 60 days: far past the two weeks the strip once ended at.
    expect(free.at(-1)! > free[0]!).toBe(true);

    const page = await newVisitor(phone);
    const widget = new BookingWidget(page);
    await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
    await widget.waitStep('staff');
    await widget.chooseStaff(staffId);
    await widget.waitStep('slot');
    const seen: string[] = [...(await widget.shownDays())];
    expect(await widget.earlierDays().isDisabled()).toBe(true);
    for (let pages = 0; pages < 10 && !(await widget.laterDays().isDisabled()); pages++) {
      await widget.pageLater();
      seen.push(...(await widget.shownDays()));
    }
    await screenshot(page, 'customer-07-last-days-390');
    expect(await widget.laterDays().isDisabled()).toBe(true);
    expect(seen).toEqual(free);
    // And back again.
    await widget.earlierDays().click();
    await expect.poll(() => widget.earlierDays().isEnabled()).toBe(true);
  });

  it('jumps to the next available day when the shown dates have none', async () => {
    const service = services.find((s) => !s.deposit && s.staff_ids.length > 1)!;
    const staffId = service.staff_ids[1]!;
    const now = Date.now();
    const away = await demo.rpc('timeOff.create', {
      staffId,
      startAt: now,
      endAt: now + 20 * 24 * 3600_000,
      reason: 'Holiday',
    });
    try {
      const page = await newVisitor(phone);
      const widget = new BookingWidget(page);
      await page.goto(`${demo.host.publicUrl}/book?service=${service.id}`);
      await widget.waitStep('staff');
      await widget.chooseStaff(staffId);
      await widget.waitStep('slot');
      await widget.root.locator('[data-testid="no-slots"]').waitFor();
      await screenshot(page, 'customer-08-nothing-here');
      await widget.nextAvailable();
      const first = (await widget.shownDays())[0]!;
      expect(Date.parse(`${first}T23:59:59Z`)).toBeGreaterThan(away.endAt);
      await widget.chooseSlot(0);
      await widget.waitStep('details');
    } finally {
      await demo.rpc('timeOff.delete', { id: away.id });
    }
  });
});
