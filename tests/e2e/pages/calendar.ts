// Page model of the calendar screen (day view, booking dialog, appointment panel). Tests say
// what the receptionist does; selectors live here and only here.
import type { Locator, Page } from 'playwright-core';

export class BookingDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'New booking' });
  }

  async waitOpen(): Promise<void> {
    await this.root.waitFor();
  }

  async chooseService(serviceId: string): Promise<void> {
    await this.root.getByTestId('booking-service').selectOption(serviceId);
  }

  async findCustomer(search: string, customerId: string): Promise<void> {
    await this.root.getByTestId('customer-search').fill(search);
    await this.root
      .locator(`[data-testid="customer-result"][data-customer-id="${customerId}"]`)
      .click();
    await this.root
      .locator(`[data-testid="chosen-customer"][data-customer-id="${customerId}"]`)
      .waitFor();
  }

  async newCustomer(details: { name: string; phone?: string; email?: string }): Promise<void> {
    await this.root.getByText('New customer').click();
    await this.root.getByTestId('new-customer-name').fill(details.name);
    if (details.phone) await this.root.getByTestId('new-customer-phone').fill(details.phone);
    if (details.email) await this.root.getByTestId('new-customer-email').fill(details.email);
  }

  newCustomerName(): Locator {
    return this.root.getByTestId('new-customer-name');
  }

  time(): Locator {
    return this.root.getByTestId('booking-time');
  }

  submit(): Promise<void> {
    return this.root.getByTestId('booking-submit').click();
  }

  error(): Locator {
    return this.root.getByTestId('booking-error');
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
    await this.root.waitFor({ state: 'detached' });
  }
}

export class AppointmentPanel {
  readonly root: Locator;
  constructor(page: Page, appointmentId: string) {
    this.root = page.locator(
      `[data-testid="appointment-panel"][data-appointment-id="${appointmentId}"]`,
    );
  }

  async waitStatus(status: string): Promise<void> {
    await this.root.locator(`[data-testid="panel-status"][data-status="${status}"]`).waitFor();
  }

  async cancel(reason: string): Promise<void> {
    await this.root.getByTestId('action-cancel').click();
    await this.root.getByTestId('cancel-reason').fill(reason);
    await this.root.getByTestId('confirm-cancel').click();
  }

  auditEvent(kind: string): Locator {
    return this.root.locator(`[data-testid="audit-event"][data-kind="${kind}"]`);
  }
}

export class CalendarPage {
  readonly dialog: BookingDialog;
  constructor(readonly page: Page) {
    this.dialog = new BookingDialog(page);
  }

  async open(adminUrl: string): Promise<void> {
    await this.page.goto(adminUrl);
    await this.page.getByTestId('staff-head').first().waitFor();
  }

  /** Moves day by day with the arrow keys (as a receptionist would) until `date` is shown. */
  async goToDate(date: string): Promise<void> {
    const shown = await this.page.getByTestId('calendar').getAttribute('data-date');
    if (shown === null) throw new Error('the calendar is not on screen');
    const key = date > shown ? 'ArrowRight' : 'ArrowLeft';
    let current = shown;
    while (current !== date) {
      await this.page.keyboard.press(key);
      const next: string = await this.page
        .locator(`[data-testid="calendar"]:not([data-date="${current}"])`)
        .getAttribute('data-date')
        .then((d) => d ?? current);
      current = next;
    }
    await this.waitLoaded(date);
  }

  async waitLoaded(date: string): Promise<void> {
    await this.page
      .locator(`[data-testid="calendar"][data-date="${date}"][data-loading="false"]`)
      .waitFor();
  }

  slot(staffId: string, start: number): Locator {
    return this.page.locator(
      `[data-testid="slot"][data-staff-id="${staffId}"][data-start="${start}"]`,
    );
  }

  appointments(): Locator {
    return this.page.getByTestId('appointment');
  }

  appointment(id: string): Locator {
    return this.page.locator(`[data-testid="appointment"][data-appointment-id="${id}"]`);
  }

  async openSlot(staffId: string, start: number): Promise<BookingDialog> {
    await this.slot(staffId, start).click();
    await this.dialog.waitOpen();
    return this.dialog;
  }

  async openAppointment(id: string): Promise<AppointmentPanel> {
    await this.appointment(id).click();
    const panel = this.panel(id);
    await panel.root.waitFor();
    return panel;
  }

  panel(appointmentId: string): AppointmentPanel {
    return new AppointmentPanel(this.page, appointmentId);
  }
}
