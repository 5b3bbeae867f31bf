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

  appointment(appointmentId: string): Locator {
    return this.root.locator(
      `[data-testid="customer-appointment"][data-appointment-id="${appointmentId}"]`,
    );
  }

  /** "1–10 of 13 appointments". */
  appointmentsRange(): Locator {
    return this.root.getByTestId('customer-appointments-range');
  }

  async appointmentsPage(page: number): Promise<void> {
    await this.root
      .getByTestId('customer-appointments-pages')
      .getByRole('button', { name: String(page), exact: true })
      .click();
    await this.root.locator(`[data-testid="customer-appointments"][data-page="${page}"]`).waitFor();
  }

  async openAppointment(appointmentId: string): Promise<void> {
    await this.appointment(appointmentId).getByTestId('customer-appointment-open').click();
  }

  async bookAgain(appointmentId: string): Promise<void> {
    await this.appointment(appointmentId).getByTestId('customer-book-again').click();
  }

  /** The thread's entries, oldest first: data-direction says ours (out) or theirs (in). */
  threadEntries(): Locator {
    return this.root.getByTestId('customer-message');
  }

  async openThreadMessage(messageId: string): Promise<void> {
    await this.root
      .locator(`[data-testid="customer-message"][data-message-id="${messageId}"]`)
      .click();
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

  /** Opens the merge dialog, finds the duplicate by a search term and waits for the preview. */
  async previewMerge(search: string, duplicateId: string): Promise<MergePreview> {
    const page = this.root.page();
    await this.root.getByTestId('customer-merge').click();
    await page.getByTestId('merge-search').fill(search);
    await page
      .locator(`[data-testid="merge-candidate"][data-customer-id="${duplicateId}"]`)
      .click();
    await page.getByTestId('merge-preview').waitFor();
    return new MergePreview(page);
  }
}

export class MergePreview {
  constructor(readonly page: Page) {}

  async moves(): Promise<Record<string, number>> {
    const cells = this.page.getByTestId('merge-move-count');
    const moves: Record<string, number> = {};
    for (const cell of await cells.all()) {
      moves[(await cell.getAttribute('data-kind')) ?? ''] = Number(await cell.textContent());
    }
    return moves;
  }

  result(): Locator {
    return this.page.getByTestId('merge-result');
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('merge-confirm').click();
    await this.page.getByTestId('merge-preview').waitFor({ state: 'detached' });
  }
}

export class CsvImport {
  constructor(readonly page: Page) {}

  /** Chooses a file with this content and waits for the core's verdict on it. */
  async choose(name: string, csv: string): Promise<void> {
    await this.page.getByTestId('csv-file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await this.page.locator('[data-testid="csv-import"][data-state="previewed"]').waitFor();
  }

  errors(): Locator {
    return this.page.getByTestId('csv-error');
  }

  confirmButton(): Locator {
    return this.page.getByTestId('csv-confirm');
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

  async openImport(): Promise<CsvImport> {
    await this.page.getByTestId('customer-import').click();
    await this.page.getByTestId('csv-import').waitFor();
    return new CsvImport(this.page);
  }

  /** Presses Export and returns the downloaded file's text. */
  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('customer-export').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The new-customer form's "Send appointment texts / emails" box. */
  async openNewCustomer(): Promise<Locator> {
    await this.page.getByTestId('customer-new').click();
    return this.page.getByTestId('new-customer-messages');
  }

  async addCustomer(name: string, phone: string): Promise<void> {
    await this.openNewCustomer();
    await this.saveNewCustomer(name, phone);
  }

  /** Fills the open new-customer form and saves it. */
  async saveNewCustomer(name: string, phone: string): Promise<void> {
    await this.page.getByTestId('new-customer-name').fill(name);
    await this.page.getByTestId('new-customer-phone').fill(phone);
    await this.page.getByTestId('new-customer-save').click();
    // Saved: the dialog closes once the server has answered (it stays open on a refusal).
    await this.page.getByTestId('new-customer-name').waitFor({ state: 'detached' });
  }

  panel(customerId: string): CustomerPanel {
    return new CustomerPanel(this.page, customerId);
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
