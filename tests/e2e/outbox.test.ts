// The Messages screen's outbox in a real browser against server mode on the demo business: it
// opens on today's messages (not the furthest future), names customers instead of showing ids,
// searches the whole outbox on the server, shows the demo's sent history, and a row opens the
// message with its full text, its customer and its appointment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MessagesPage } from './pages/messages.js';
import { accessibilityViolations } from './support/axe.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;
let page: Page;
let messages: MessagesPage;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-e2e-outbox-'), launchChromium()]);
  page = await newDeskPage(browser);
  messages = new MessagesPage(page);
  await page.goto(demo.host.adminUrl);
  await messages.openMessages();
  await messages.openOutbox();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the outbox at the desk', () => {
  it("opens on today's and the next due messages, with customers' names, and pages on to the history", async () => {
    const first = await demo.rpc('outbox.page', { limit: 1 });
    const pivot = first.pivot;
    await messages.outboxRows().first().waitFor();
    expect(
      Number(await messages.outboxRows().first().getAttribute('data-due')),
    ).toBeGreaterThanOrEqual(pivot);
    expect(await messages.outboxTotal()).toBe(first.total);
    const table = await page.getByTestId('outbox').textContent();
    expect(table).not.toMatch(/apt_/);
    const names = await messages.outboxRows().getByTestId('outbox-customer').allTextContents();
    expect(names.slice(0, 10).every((n) => n.trim() !== '' && n !== '—')).toBe(true);
    await screenshot(page, 'outbox-01-today-first');

    // The demo has history: sent messages from before today, reached by paging on.
    while ((await page.getByTestId('outbox-earlier').count()) === 0)
      await messages.showMoreOutbox();
    await page.getByTestId('outbox-earlier').scrollIntoViewIfNeeded();
    const earlier = page.locator('[data-testid="outbox-earlier"] ~ [data-testid="outbox-row"]');
    await earlier.first().waitFor();
    expect(await earlier.first().getAttribute('data-status')).toBe('sent');
    expect(Number(await earlier.first().getAttribute('data-due'))).toBeLessThan(pivot);
    await screenshot(page, 'outbox-02-earlier-history');
  });

  it('searches every message on the server by customer name, address and words', async () => {
    // A message the old screen never loaded: past the 200 furthest-future rows it fetched.
    const everything = await demo.rpc('outbox.list', { limit: 500 });
    expect(everything.total).toBeGreaterThan(200);
    const deep = everything.messages.slice(200).find((m) => m.customerName !== null)!;
    expect(deep).toBeDefined();

    await messages.searchOutbox(deep.customerName!);
    await messages.outboxRow(deep.id).waitFor();
    const matching = await demo.rpc('outbox.page', { search: deep.customerName!, limit: 1 });
    expect(await messages.outboxTotal()).toBe(matching.total);
    const shown = await messages.outboxRows().getByTestId('outbox-customer').allTextContents();
    expect(new Set(shown)).toEqual(new Set([deep.customerName]));
    await screenshot(page, 'outbox-03-search-name');

    await messages.searchOutbox(deep.to);
    await messages.outboxRow(deep.id).waitFor();

    // Words from the text, as the customer read them.
    const words = deep.body.trim().split('\n')[0]!.split(' ').slice(0, 4).join(' ');
    await messages.searchOutbox(words);
    expect(await messages.outboxTotal()).toBe(
      (await demo.rpc('outbox.page', { search: words, limit: 1 })).total,
    );
    expect(await messages.outboxTotal()).toBeGreaterThan(0);
  });

  it('opens a message with its full text, its customer and its appointment', async () => {
    const sent = (await demo.rpc('outbox.page', { status: 'sent', channel: 'email', limit: 1 }))
      .messages[0]!;
    expect(sent.appointment).not.toBeNull();
    await messages.searchOutbox(sent.to);
    await messages.openOutboxMessage(sent.id);
    expect(await messages.messageDetail('body').textContent()).toBe(sent.body);
    expect(await messages.messageDetail('customer').textContent()).toContain(sent.customerName);
    expect(await messages.messageDetail('appointment').textContent()).toContain(
      sent.appointment!.serviceName,
    );
    expect(await accessibilityViolations(page, '[data-testid="message-details"]')).toEqual([]);
    await screenshot(page, 'outbox-04-message-details');

    await messages.openMessageAppointment();
    await page
      .locator(`[data-testid="appointment-panel"][data-appointment-id="${sent.appointment!.id}"]`)
      .waitFor();
    await screenshot(page, 'outbox-05-opened-appointment');
  });
});
