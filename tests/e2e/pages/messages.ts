// Page model of the messages work at the desk: the template editor in settings (its live preview
// and field errors) and the Messages screen's inbox of customers' texts.
import type { Locator, Page } from 'playwright-core';

export class MessagesPage {
  constructor(readonly page: Page) {}

  async openTemplates(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-settings').click();
    const section = this.page.getByTestId('templates-section');
    await section.waitFor();
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }

  templateBody(): Locator {
    return this.page.getByTestId('template-body');
  }

  async editBody(text: string): Promise<void> {
    await this.templateBody().fill(text);
  }

  async saveTemplate(): Promise<void> {
    await this.page.getByTestId('template-save').click();
  }

  templateForm(): Locator {
    return this.page.getByTestId('template-form');
  }

  /** The error under a template field (body, subject), from the live preview or the save. */
  templateError(field: 'body' | 'subject'): Locator {
    return this.page.getByTestId(`template-error-${field}`);
  }

  previewBody(): Locator {
    return this.page.getByTestId('template-preview-body');
  }

  /** The "default / your wording" badge; data-default says which. */
  templateState(): Locator {
    return this.page.getByTestId('template-state');
  }

  async openMessages(): Promise<void> {
    await this.page.getByTestId('nav-messages').click();
    await this.page.getByTestId('messages-screen').waitFor();
    await this.page.getByTestId('messages-tab-inbox').click();
  }

  reply(text: string): Locator {
    return this.page.getByTestId('inbox-reply').filter({ hasText: text });
  }

  async markHandled(text: string): Promise<void> {
    const reply = this.reply(text);
    await reply.getByTestId('inbox-mark-handled').click();
    await reply.and(this.page.locator('[data-handled="true"]')).waitFor();
  }

  async openOutbox(): Promise<void> {
    await this.page.getByTestId('messages-tab-outbox').click();
    await this.page.getByTestId('outbox').waitFor();
  }

  outboxRows(): Locator {
    return this.page.getByTestId('outbox-row');
  }

  outboxRow(messageId: string): Locator {
    return this.page.locator(`[data-testid="outbox-row"][data-message-id="${messageId}"]`);
  }

  /** Types into the outbox search and waits until the core's answer for it is on screen. */
  async searchOutbox(text: string): Promise<void> {
    await this.page.getByTestId('outbox-filter-search').fill(text);
    await this.page.locator(`[data-testid="outbox-count"][data-search="${text.trim()}"]`).waitFor();
  }

  /** How many messages the outbox says match (the whole outbox, not the rows loaded). */
  async outboxTotal(): Promise<number> {
    return Number(await this.page.getByTestId('outbox-count').getAttribute('data-total'));
  }

  async showMoreOutbox(): Promise<void> {
    const before = await this.outboxRows().count();
    await this.page.getByTestId('outbox-more').click();
    await this.outboxRows().nth(before).waitFor();
  }

  async openOutboxMessage(messageId: string): Promise<Locator> {
    await this.outboxRow(messageId).getByTestId('outbox-open').click();
    const details = this.page.locator(
      `[data-testid="message-details"][data-message-id="${messageId}"]`,
    );
    await details.waitFor();
    return details;
  }

  messageDetail(part: 'body' | 'customer' | 'appointment' | 'to' | 'status'): Locator {
    return this.page.getByTestId(`message-${part}`);
  }

  async openMessageAppointment(): Promise<void> {
    await this.page.getByTestId('message-open-appointment').click();
  }

  async openMessageCustomer(): Promise<void> {
    await this.page.getByTestId('message-open-customer').click();
  }
}
