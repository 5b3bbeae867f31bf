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
}
