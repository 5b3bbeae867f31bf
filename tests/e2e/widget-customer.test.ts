// What a customer reads in the widget and on the manage page (issue 16, points 11–15): words a
// customer understands, the cancellation cut-off said before it bites, every bookable day within
// reach. Debian's Chromium against server mode on a demo database, at a phone's width.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/public-host.js';
import { BookingWidget } from './pages/widget.js';
import { accessibilityViolations } from './support/axe.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';
import { launchChromium, screenshot } from './support/browser.js';

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
