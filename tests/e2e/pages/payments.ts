// Page models for payments: the demo checkout page and the confirmation page the customer returns
// to (both served by the app), and the payment section of the desk's appointment panel.
import type { Locator, Page } from 'playwright-core';

export class DemoCheckoutPage {
  constructor(readonly page: Page) {}

  async waitOpen(): Promise<void> {
    await this.page.waitForURL(/\/pay\/demo\/cs_demo_/);
    await this.page.getByTestId('demo-pay').waitFor();
  }

  amount(): Locator {
    return this.page.getByTestId('demo-amount');
  }

  async pay(): Promise<void> {
    await this.page.getByTestId('demo-pay').click();
  }

  /** The confirmation page after checkout, once it states this outcome. */
  /** The booking on the result page, in words ("Monday 7 December 2026 at 10:00"). */
  when(): Locator {
    return this.page.getByTestId('result-when');
  }

  manageLink(): Locator {
    return this.page.getByTestId('result-manage');
  }

  calendarLink(): Locator {
    return this.page.getByTestId('result-ics');
  }

  backLink(): Locator {
    return this.page.getByTestId('result-back');
  }

  async waitResult(state: 'confirmed' | 'processing' | 'refunded' | 'expired'): Promise<void> {
    await this.page.locator(`[data-testid="payment-result"][data-state="${state}"]`).waitFor();
  }
}

export class PaymentSectionModel {
  readonly root: Locator;
  constructor(panel: Locator) {
    this.root = panel.getByTestId('payment-section');
  }

  async waitDeposit(state: 'paid' | 'awaiting' | 'unpaid'): Promise<void> {
    await this.root.locator(`[data-testid="deposit-status"][data-status="${state}"]`).waitFor();
  }

  movement(kind: 'deposit' | 'refund' | 'no_show_fee', status: string): Locator {
    return this.root.locator(
      `[data-testid="payment-movement"][data-kind="${kind}"][data-status="${status}"]`,
    );
  }

  async refund(amount: string, reason: string): Promise<void> {
    await this.root.getByTestId('refund-open').click();
    await this.root.getByTestId('refund-amount').fill(amount);
    await this.root.getByTestId('refund-reason').fill(reason);
    await this.root.getByTestId('refund-submit').click();
  }

  balance(): Locator {
    return this.root.getByTestId('payment-balance');
  }
}
