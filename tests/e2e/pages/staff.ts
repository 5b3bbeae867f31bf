// Page model of the staff screen: the team list, a member's details, weekly hours and time off.
import type { Locator, Page } from 'playwright-core';

export class StaffPage {
  constructor(readonly page: Page) {}

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('nav-staff').click();
    await this.page.getByTestId('staff-screen').waitFor();
  }

  row(name: string): Locator {
    return this.page.getByTestId('staff-row').filter({ hasText: name });
  }

  async select(name: string): Promise<void> {
    await this.row(name).click();
    await this.page.getByTestId('staff-title').filter({ hasText: name }).waitFor();
  }

  async add(name: string, email: string): Promise<void> {
    await this.page.getByTestId('staff-new').click();
    await this.page.getByTestId('staff-name').fill(name);
    await this.page.getByTestId('staff-email').fill(email);
    await this.page.getByTestId('staff-save').click();
    await this.page.getByTestId('staff-title').filter({ hasText: name }).waitFor();
  }

  fieldError(form: 'staff' | 'hours' | 'timeoff', field: string): Locator {
    return this.page.getByTestId(`${form}-error-${field}`);
  }

  day(weekday: number): Locator {
    return this.page.locator(`[data-testid="hours-day"][data-weekday="${weekday}"]`);
  }

  /** Adds an interval to a weekday and types its times (HH:MM). */
  async addInterval(weekday: number, start: string, end: string): Promise<void> {
    const day = this.day(weekday);
    const before = await day.getByTestId('hours-interval').count();
    await day.getByTestId('hours-add').click();
    const interval = day.getByTestId('hours-interval').nth(before);
    await interval.getByTestId('hours-start').fill(start);
    await interval.getByTestId('hours-end').fill(end);
  }

  async saveHours(): Promise<void> {
    await this.page.getByTestId('hours-save').click();
  }

  /** start and end as YYYY-MM-DDTHH:MM on the business's clock (the fields read ISO dates too). */
  async addTimeOff(start: string, end: string, reason: string): Promise<void> {
    for (const [field, value] of [
      ['timeoff-start', start],
      ['timeoff-end', end],
    ] as const) {
      const [date = '', time = ''] = value.split('T');
      await this.page.getByTestId(`${field}-date`).fill(date);
      await this.page.getByTestId(`${field}-time`).fill(time);
    }
    await this.page.getByTestId('timeoff-reason').fill(reason);
    await this.page.getByTestId('timeoff-add').click();
  }

  timeOffRow(reason: string): Locator {
    return this.page.getByTestId('timeoff-row').filter({ hasText: reason });
  }
}
