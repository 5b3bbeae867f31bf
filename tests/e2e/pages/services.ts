// Page model of the services screen: the catalogue list and the service form.
import type { Locator, Page } from 'playwright-core';

export class ServicesPage {
  constructor(readonly page: Page) {}

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-services').click();
    await this.page.getByTestId('services-screen').waitFor();
  }

  row(name: string): Locator {
    return this.page.getByTestId('service-row').filter({ hasText: name });
  }

  async startNew(): Promise<void> {
    await this.page.getByTestId('service-new').click();
    await this.form().waitFor();
  }

  async edit(name: string): Promise<void> {
    await this.row(name).click();
    await this.form()
      .filter({ hasText: `Edit ${name}` })
      .waitFor();
  }

  form(): Locator {
    return this.page.getByTestId('service-form');
  }

  field(name: string): Locator {
    return this.page.getByTestId(`service-${name}`);
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async chooseDeposit(label: 'No deposit' | 'Fixed amount' | 'Percent of price'): Promise<void> {
    await this.field('deposit-kind').getByText(label, { exact: true }).click();
  }

  async chooseNoShowFee(label: 'No fee' | 'Keep the deposit' | 'Charge the card'): Promise<void> {
    await this.field('noshow-kind').getByText(label, { exact: true }).click();
  }

  /** Ticks or unticks a staff member by name. */
  async setStaff(name: string, performs: boolean): Promise<void> {
    await this.form().getByLabel(name, { exact: true }).setChecked(performs);
  }

  /** Turns on the service's own schedule, which starts as texts 24 h and 2 h before. */
  async useOwnReminders(): Promise<void> {
    await this.form()
      .getByRole('switch', { name: 'Own reminder schedule for this service' })
      .check({ force: true });
    await this.page.getByTestId('service-reminder').nth(1).waitFor();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('service-save').click();
  }

  fieldError(field: string): Locator {
    return this.page.getByTestId(`service-error-${field}`);
  }
}
