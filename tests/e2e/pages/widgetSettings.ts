// Page model of the settings screen's booking-widget section: theme controls, the embed snippet
// and the live preview (the real widget.js from the public listener, in its own Shadow DOM).
import type { Locator, Page } from 'playwright-core';

export class WidgetSettingsPage {
  constructor(readonly page: Page) {}

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-settings').click();
    await this.section().scrollIntoViewIfNeeded();
    await this.heading().waitFor();
  }

  section(): Locator {
    return this.page.getByTestId('settings-section-widget');
  }

  snippet(): Locator {
    return this.page.getByTestId('widget-snippet');
  }

  preview(): Locator {
    return this.page.getByTestId('widget-preview');
  }

  /** The widget's heading, inside its Shadow DOM (Playwright's locators pierce open roots). */
  heading(): Locator {
    return this.preview().locator('h2');
  }

  /** A computed style of the widget's frame, as the customer's browser would paint it. */
  async frameStyle(property: string): Promise<string> {
    return this.preview()
      .locator('.bs')
      .first()
      .evaluate(
        (el, p) =>
          el.ownerDocument.defaultView?.getComputedStyle(el).getPropertyValue(p).trim() ?? '',
        property,
      );
  }

  async setPrimary(hex: string): Promise<void> {
    const input = this.page.getByTestId('widget-primary');
    await input.fill(hex);
    await input.press('Enter');
  }

  async setRadius(px: number): Promise<void> {
    await this.page.getByTestId('widget-radius').fill(String(px));
  }

  async setMode(mode: 'Light' | 'Dark'): Promise<void> {
    await this.page.getByTestId('widget-mode').getByText(mode, { exact: true }).click();
  }

  /** Picks a language by its label in the list, e.g. "Deutsch (Deutschland)". */
  async setLanguage(label: string): Promise<void> {
    await this.page.getByTestId('widget-locale').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async setTitle(text: string): Promise<void> {
    await this.page.getByTestId('widget-label-title').fill(text);
  }

  /** Waits until the preview was mounted with a look whose JSON contains this fragment. */
  async waitForLook(fragment: string): Promise<void> {
    await this.page
      .locator(`[data-testid="widget-preview"][data-look*='${fragment.replace(/'/g, "\\'")}']`)
      .waitFor({ state: 'attached' });
  }
}
