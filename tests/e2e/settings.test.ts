// The settings screen in a real browser against server mode on the demo business: a saved name
// shows in the header, a bad booking rule is refused at its field, an API key is shown once,
// opens the customer API, and stops working when revoked, and a bad trusted proxy is refused (or,
// when one is already stored, shown as ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SettingsPage } from './pages/settings.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-settings-'),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the settings screen in a browser', () => {
  let page: Page;
  let settings: SettingsPage;

  it('saves a new business name and the header shows it', async () => {
    page = await newDeskPage(browser);
    settings = new SettingsPage(page);
    await settings.open(demo.host.adminUrl);
    await screenshot(page, 'settings-01-form');

    await settings.fill('name', 'Harbour Hair Studio');
    await settings.save();
    await settings.headerName().filter({ hasText: 'Harbour Hair Studio' }).waitFor();
    expect((await demo.rpc('settings.get', {})).name).toBe('Harbour Hair Studio');
  });

  it('refuses a slot step of 3 minutes at its field and saves nothing', async () => {
    const before = await demo.rpc('settings.get', {});
    await settings.fill('slotStepMinutes', '3');
    await settings.fill('name', 'Should Not Be Saved');
    await settings.save();
    await settings.fieldError('slotStepMinutes').waitFor();
    expect(await settings.field('slotStepMinutes').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'settings-02-field-error');
    expect(await demo.rpc('settings.get', {})).toEqual(before);
    expect(await settings.headerName().textContent()).toBe(before.name);
  });

  it('shows a new API key once; it opens the customer API until revoked', async () => {
    const secret = await settings.createKey('CRM sync');
    expect(secret).toMatch(/^bs_live_/);
    await screenshot(page, 'settings-03-key-created');

    const customersApi = `${demo.host.publicUrl}/api/customers?limit=1`;
    const withKey = { headers: { authorization: `Bearer ${secret}` } };
    const ok = await fetch(customersApi, withKey);
    expect(ok.status).toBe(200);

    await settings.dismissCreated();
    // Shown once: nothing on the page holds the secret any more, only its prefix.
    expect(await page.content()).not.toContain(secret);
    await settings.keyRow('CRM sync').waitFor();

    await settings.revoke('CRM sync');
    expect((await fetch(customersApi, withKey)).status).toBe(401);

    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await settings.showReminders();
    await settings.remindersForm().waitFor();
    await screenshot(page, 'settings-04-revoked-dark');
  });

  it('refuses a Stripe key of the wrong shape at its field, then takes a real one', async () => {
    await settings.fillPayments('stripeSecretKey', 'pk_live_publishable');
    await settings.savePayments();
    await settings.paymentsError('stripeSecretKey').waitFor();
    expect(await settings.paymentsError('stripeSecretKey').textContent()).toMatch(/secret key/);
    expect((await demo.rpc('payments.connection.get', {})).stripeKeySet).toBe(false);
    await screenshot(page, 'settings-05-stripe-key-refused-dark');

    await settings.fillPayments('stripeSecretKey', 'sk_test_51AbcDefGhi');
    await settings.savePayments();
    await settings.paymentsMode('stripe').waitFor();
    expect(await demo.rpc('payments.connection.get', {})).toMatchObject({
      provider: 'stripe',
      stripeKeySet: true,
    });
    // Nothing on the page shows the key back.
    expect(await page.content()).not.toContain('sk_test_51AbcDefGhi');
    // Back to the demo checkout, so nothing else in this business tries to reach Stripe.
    await demo.rpc('payments.connection.update', { stripeSecretKey: null });
  });

  it('refuses a trusted proxy that is no address at its field, then saves a real one', async () => {
    await settings.fillConnection('trustedProxies', 'my tunnel');
    await settings.saveConnections();
    await settings.connectionsError('trustedProxies').waitFor();
    expect(await settings.connectionsError('trustedProxies').textContent()).toContain(
      '"my tunnel" is not an IP address',
    );
    expect((await demo.rpc('connections.get', {})).trustedProxies).toBeNull();
    await settings
      .connectionsError('trustedProxies')
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'settings-06-trusted-proxy-refused');

    await settings.fillConnection('trustedProxies', '127.0.0.1,  10.8.0.0/16');
    await settings.saveConnections();
    await expect
      .poll(async () => (await demo.rpc('connections.get', {})).trustedProxies)
      .toBe('127.0.0.1, 10.8.0.0/16');
    await settings.connectionsError('trustedProxies').waitFor({ state: 'detached' });
  });

  it('warns of a stored trusted proxy it cannot apply until it is corrected', async () => {
    // As a version without the check left it: written straight into the row, never through a save.
    demo.host.app.core.db.$client
      .prepare("update connection_settings set trusted_proxies = '0.0.0.0/0' where id = 1")
      .run();
    await settings.open(demo.host.adminUrl);
    const warning = settings.connectionsWarning('trustedProxies');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('"0.0.0.0/0" is every address');
    await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'settings-07-trusted-proxy-ignored');

    await settings.fillConnection('trustedProxies', '10.8.0.0/16');
    await settings.saveConnections();
    await warning.waitFor({ state: 'detached' });
    expect(await demo.rpc('connections.get', {})).toMatchObject({
      trustedProxies: '10.8.0.0/16',
      warnings: [],
    });
  });
});
