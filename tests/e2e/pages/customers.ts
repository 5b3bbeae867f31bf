// Page model of the customers screen: the virtual list with its search, and the customer panel
// with its stats and edit form. Selectors live here and only here.
import type { Locator, Page } from 'playwright-core';

export class CustomerPanel {
  readonly root: Locator;
  constructor(page: Page, customerId: string) {
    this.root = page.locator(`[data-testid="customer-panel"][data-customer-id="${customerId}"]`);
  }

  /** The raw number behind a figure (visits, no-shows, cancellations, no-show-rate, …). */
  async stat(id: string): Promise<string | null> {
    const stat = this.root.getByTestId(`stat-${id}`);
    await stat.waitFor();
    return stat.getAttribute('data-value');
  }

  statText(id: string): Locator {
    return this.root.getByTestId(`stat-${id}`);
  }

  /** The messages list, or its empty state when nothing was sent yet. */
  messages(): Locator {
    return this.root
      .getByTestId('customer-messages')
      .or(this.root.getByTestId('customer-no-messages'));
  }

  appointments(): Locator {
    return this.root.getByTestId('customer-appointment');
  }

  async edit(): Promise<void> {
    await this.root.getByTestId('customer-edit').click();
    await this.root.getByTestId('customer-form').waitFor();
  }

  async fillPhone(phone: string): Promise<void> {
    await this.root.getByTestId('customer-phone-input').fill(phone);
  }

  async save(): Promise<void> {
    await this.root.getByTestId('customer-save').click();
  }

  fieldError(field: string): Locator {
    return this.root.getByTestId(`customer-error-${field}`);
  }

  phone(): Locator {
    return this.root.getByTestId('customer-phone');
  }
}

export class CustomersPage {
  constructor(readonly page: Page) {}

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-customers').click();
    await this.waitSearch('');
  }

  list(): Locator {
    return this.page.getByTestId('customer-list');
  }

  /** Types as the receptionist does and waits until the list answers for that exact search. */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('customer-search').fill(text);
    await this.waitSearch(text.trim());
  }

  async waitSearch(term: string): Promise<void> {
    await this.page
      .locator(
        `[data-testid="customer-list"][data-search="${term}"][data-ready="true"][data-loading="false"]`,
      )
      .waitFor();
  }

  async total(): Promise<number> {
    return Number(await this.list().getAttribute('data-total'));
  }

  rows(): Locator {
    return this.list().getByTestId('customer-row');
  }

  row(customerId: string): Locator {
    return this.list().locator(`[data-testid="customer-row"][data-customer-id="${customerId}"]`);
  }

  async openCustomer(customerId: string): Promise<CustomerPanel> {
    await this.row(customerId).click();
    const panel = new CustomerPanel(this.page, customerId);
    await panel.root.waitFor();
    return panel;
  }

  /** Scrolls the list's own scroller to its end, as dragging the scrollbar down would. */
  async scrollToEnd(): Promise<void> {
    await this.list().evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
  }
}
