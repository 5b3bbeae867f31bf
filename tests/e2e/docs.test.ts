// The interactive API reference at /docs in a real browser against server mode: Swagger UI from
// this origin's own files lists every operation of /docs/openapi.json, and "Try it out" → Execute
// really calls the listener, all under the page's CSP without one violation and without a single
// request leaving the origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { startDemoHost, type DemoHost } from './support/demo-host.js';

let demo: DemoHost;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoHost('bookingsync-e2e-docs-'), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

interface Watch {
  violations: string[];
  errors: string[];
  requests: string[];
}

/** CSP violations as the page itself sees them, console errors, and every URL it asked for. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], errors: [], requests: [] };
  await page.exposeFunction('__reportViolation', (text: string) => seen.violations.push(text));
  // Runs before the page's own scripts, outside its CSP (a string: tests type-check without DOM).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')));`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

describe('/docs in a browser', () => {
  it('renders every operation and runs GET /api/services from "Try it out"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = await watch(page);
    const base = demo.host.publicUrl;
    const document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));

    const answer = await page.goto(`${base}/docs`);
    expect(answer?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBe(operations.length);
    await screenshot(page, 'docs-01-operations');

    const services = page.locator('.opblock-get').filter({
      has: page.locator('[data-path="/api/services"]'),
    });
    await services.locator('.opblock-summary-control').click();
    await services.getByRole('button', { name: 'Try it out' }).click();
    const executed = page.waitForResponse(
      (r) => r.url() === `${base}/api/services` && r.request().method() === 'GET',
    );
    await services.getByRole('button', { name: 'Execute' }).click();
    expect((await executed).status()).toBe(200);
    const live = services.locator('.live-responses-table tr.response .response-col_status');
    await live.waitFor();
    expect((await live.textContent())?.trim()).toBe('200');
    // The answer as Swagger UI shows it: the demo salon's services.
    await services.locator('.live-responses-table').getByText('"services"').first().waitFor();
    await screenshot(page, 'docs-02-try-it-out');

    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    await context.close();
  }, 60_000);
});
