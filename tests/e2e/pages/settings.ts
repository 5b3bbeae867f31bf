// Page model of the settings screen: the business form, the API keys and their one-time secret.
import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('settings-form').waitFor();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`settings-${name}`);
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('settings-save').click();
  }

  fieldError(name: string): Locator {
    return this.page.getByTestId(`settings-error-${name}`);
  }

  remindersForm(): Locator {
    return this.page.getByTestId('reminder-settings-form');
  }

  /** Scrolls the whole reminders section into view. */
  async showReminders(): Promise<void> {
    await this.page
      .getByTestId('settings-section-reminders')
      .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  }

  /** The Stripe keys form; `field` is stripeSecretKey or stripeWebhookSecret. */
  async fillPayments(field: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`payments-connection-${field}`);
    await input.scrollIntoViewIfNeeded();
    await input.fill(value);
  }

  async savePayments(): Promise<void> {
    await this.page.getByTestId('payments-connection-save').click();
  }

  paymentsError(field: string): Locator {
    return this.page.getByTestId(`payments-connection-error-${field}`);
  }

  /** 'stripe' or 'demo', once the badge says so. */
  paymentsMode(provider: 'stripe' | 'demo'): Locator {
    return this.page.locator(
      `[data-testid="payments-connection-mode"][data-provider="${provider}"]`,
    );
  }

  /** The connections form; `field` as its test ids name it (publicBaseUrl, trustedProxies, …). */
  async fillConnection(field: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`connections-${field}`);
    await input.scrollIntoViewIfNeeded();
    await input.fill(value);
  }

  async saveConnections(): Promise<void> {
    await this.page.getByTestId('connections-save').click();
  }

  connectionsError(field: string): Locator {
    return this.page.getByTestId(`connections-error-${field}`);
  }

  /** A stored connection setting that is ignored because it cannot be applied. */
  connectionsWarning(field: string): Locator {
    return this.page.getByTestId(`connections-warning-${field}`);
  }

  headerName(): Locator {
    return this.page.getByTestId('business-name');
  }

  /** Creates a key and returns the secret from the one-time box. */
  async createKey(name: string): Promise<string> {
    await this.page.getByTestId('api-key-name').fill(name);
    await this.page.getByTestId('api-key-create').click();
    const secret = this.page.getByTestId('api-key-secret');
    await secret.waitFor();
    return (await secret.textContent()) ?? '';
  }

  createdBox(): Locator {
    return this.page.getByTestId('api-key-created');
  }

  async dismissCreated(): Promise<void> {
    await this.page.getByTestId('api-key-done').click();
    await this.createdBox().waitFor({ state: 'detached' });
  }

  keyRow(name: string): Locator {
    return this.page.getByTestId('api-key-row').filter({ hasText: name });
  }

  async revoke(name: string): Promise<void> {
    await this.keyRow(name).getByTestId('api-key-revoke').click();
    await this.page.getByTestId('api-key-revoke-confirm').click();
    await this.keyRow(name).and(this.page.locator('[data-revoked="true"]')).waitFor();
  }
}
