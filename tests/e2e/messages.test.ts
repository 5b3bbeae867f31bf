// Messages at the desk in a real browser against server mode on the demo business: a template
// with a misspelt placeholder is refused at its field and a good one is previewed with a real
// appointment and saved; a customer's text, signed as Twilio signs it, waits in the inbox until
// marked handled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import twilio from 'twilio';
import { MessagesPage } from './pages/messages.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;
let page: Page;
let messages: MessagesPage;

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-messages-'),
    launchChromium(),
  ]);
  page = await newDeskPage(browser);
  messages = new MessagesPage(page);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const AUTH_TOKEN = 'e2e-auth-token-1234';

describe('messages at the desk', () => {
  it('shows an unknown placeholder at its field, refuses to save it, and previews a good template', async () => {
    await messages.openTemplates(demo.host.adminUrl);
    await messages.editBody('See you {start_local} for your {servcie}');
    await messages.templateError('body').filter({ hasText: '{servcie}' }).waitFor();
    await messages.saveTemplate();
    await messages.templateForm().and(page.locator('[data-error-code="VALIDATION"]')).waitFor();
    await screenshot(page, 'messages-01-template-error');
    const saved = await demo.rpc('templates.list', {});
    expect(saved.find((t) => t.kind === 'reminder' && t.channel === 'sms')?.isDefault).toBe(true);

    await messages.editBody('Hi {customer_first_name}, see you {start_local} for your {service}.');
    await messages.templateError('body').waitFor({ state: 'detached' });
    await messages
      .previewBody()
      .filter({ hasText: /^Hi \S+, see you .+ for your .+\.$/ })
      .waitFor();
    expect(await messages.previewBody().textContent()).not.toMatch(/[{}]/);
    await messages.saveTemplate();
    await messages.templateState().and(page.locator('[data-default="false"]')).waitFor();
    await screenshot(page, 'messages-02-template-preview');
    const after = await demo.rpc('templates.list', {});
    expect(after.find((t) => t.kind === 'reminder' && t.channel === 'sms')).toMatchObject({
      isDefault: false,
      body: 'Hi {customer_first_name}, see you {start_local} for your {service}.',
    });
  });

  it("shows a customer's text in the inbox until it is marked handled", async () => {
    // Only the auth token: enough to check signatures, while sending stays in demo mode.
    await demo.rpc('connections.update', { twilio: { authToken: AUTH_TOKEN } });
    const customer = (await demo.rpc('customers.list', { limit: 100 })).customers.find(
      (c) => c.phone !== null,
    );
    expect(customer).toBeDefined();
    const url = `${demo.host.publicUrl}/webhooks/twilio/sms`;
    const params = {
      MessageSid: 'SM00000000000000000000000000e2e001',
      From: customer!.phone!,
      To: '+15005550006',
      Body: 'Can I bring my daughter along?',
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

    await messages.openMessages();
    const reply = messages.reply('Can I bring my daughter along?');
    await reply.and(page.locator('[data-needs-reply="true"]')).waitFor();
    expect(await reply.textContent()).toContain(customer!.name);
    await screenshot(page, 'messages-03-inbox');
    await messages.markHandled('Can I bring my daughter along?');
    const inbox = await demo.rpc('inbox.list', { needsReplyOnly: true });
    expect(inbox.replies.map((r) => r.body)).not.toContain('Can I bring my daughter along?');

    await messages.openOutbox();
    // The demo seed's future appointments were planned when the loop started.
    await messages.outboxRows().first().waitFor();
    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await screenshot(page, 'messages-04-outbox-dark');
  });
});
