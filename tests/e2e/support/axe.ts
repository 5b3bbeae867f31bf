// An accessibility engine (axe-core) run inside the page, held to WCAG 2.0 and 2.1 A and AA: the
// check an outside reviewer would make. Only serious and critical findings fail a test; minor and
// moderate ones are advice that needs a human's judgement.
import axe from 'axe-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const runOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // WCAG 2.5.3 (label in name) is tagged experimental in axe and off unless asked for; a voice
  // user says what they see, so an accessible name must start with the visible text.
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
};

const failing: ImpactValue[] = ['serious', 'critical'];

/** What the page evaluates: typed structurally, as the test's tsconfig has no DOM lib. */
interface AxeInPage {
  axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  document: unknown;
}

/**
 * Serious and critical violations on the page (or inside `within`, a CSS selector, e.g. one
 * widget on a site whose own styles are not ours to judge), one line per rule and element:
 * `rule (impact) target: summary`. Empty means the page passes.
 */
export async function accessibilityViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than a <script>, so the desk's strict CSP
  // (no inline scripts) needs no hole for the test.
  // Colours are judged as they settle: mid-way through a dialog's fade-in, its text sits on a
  // blend of the overlay and the page, which no visitor reads and which fails contrast at random.
  // Finite transitions and animations are awaited; endless ones (a spinner) are not.
  await page.evaluate(`Promise.all(
    document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => undefined)),
  )`);
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await page.evaluate(axe.source);
  const results = await page.evaluate(
    async ({ options, selector }) => {
      const scope = globalThis as unknown as AxeInPage;
      if (!scope.axe) throw new Error('axe-core did not load in the page');
      return scope.axe.run(selector ? { include: [selector] } : scope.document, options);
    },
    { options: runOptions, selector: within },
  );
  return results.violations.filter((v) => failing.includes(v.impact ?? null)).flatMap(describe);
}

function describe(violation: Result): string[] {
  return violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? violation.help).replace(/\s+/g, ' ').trim();
    return `${violation.id} (${violation.impact}) ${JSON.stringify(node.target)}: ${summary}`;
  });
}
