// The booking widget section of the settings screen in a real browser against server mode: the
// preview is the real widget.js from the public listener, and changing a theme control or the
// language changes both the snippet and what the preview paints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WidgetSettingsPage } from './pages/widgetSettings.js';
import { launchChromium, newDeskPage, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemoHost('bookingsync-e2e-widget-embed-'),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the widget embed settings in a browser', () => {
  let page: Page;
  let widget: WidgetSettingsPage;

  it('shows a snippet for the public listener and the real widget as preview', async () => {
    page = await newDeskPage(browser);
    widget = new WidgetSettingsPage(page);
    const scriptLoads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/widget.js')) scriptLoads.push(r.url());
    });
    await widget.open(demo.host.adminUrl);
    expect(scriptLoads).toEqual([`${demo.host.publicUrl}/widget.js`]);
    expect(await widget.snippet().textContent()).toContain(
      `src="${demo.host.publicUrl}/widget.js"`,
    );
    // The real widget lists the business's services from the public API.
    const [service] = await demo.rpc('services.list', {});
    await widget
      .preview()
      .getByText(service?.name ?? '?')
      .first()
      .waitFor();
    expect(await widget.frameStyle('--bs-primary')).toBe('#2563eb');
    await widget.section().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'settings-widget-01-light');
  }, 60_000);

  it('changes the preview and the snippet when a theme control changes', async () => {
    await widget.setPrimary('#e8590c');
    await widget.waitForLook('"primary":"#e8590c"');
    expect(await widget.frameStyle('--bs-primary')).toBe('#e8590c');
    expect(await widget.snippet().textContent()).toContain('data-primary="#e8590c"');

    const lightBackground = await widget.frameStyle('background-color');
    await widget.setMode('Dark');
    await widget.waitForLook('"mode":"dark"');
    expect(await widget.frameStyle('background-color')).not.toBe(lightBackground);
    expect(await widget.snippet().textContent()).toContain('data-mode="dark"');

    await widget.setRadius(0);
    await widget.waitForLook('"radius":0');
    expect(await widget.frameStyle('border-top-left-radius')).toBe('0px');

    await widget.setTitle('Book with Willow & Birch');
    await widget.heading().filter({ hasText: 'Book with Willow & Birch' }).waitFor();
    expect(await widget.snippet().textContent()).toContain(
      'data-label-choose-service="Book with Willow &amp; Birch"',
    );

    // Prices (and, further on, days and times) in the site's language, whatever the browser's.
    await widget.setLanguage('Deutsch (Deutschland)');
    await widget.waitForLook('"locale":"de-DE"');
    expect(await widget.snippet().textContent()).toContain('data-locale="de-DE"');
    await widget
      .preview()
      .getByText(/\d,\d\d\s€|\d,\d\d\s£|\d,\d\d\s\$/)
      .first()
      .waitFor();

    await page.getByTestId('color-scheme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await widget.section().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'settings-widget-02-dark');
  });
});
