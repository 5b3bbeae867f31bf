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

  /** Types into the customer search and waits for the picker's answer to exactly that text. */
  async searchCustomer(search: string): Promise<Locator> {
    await this.root.getByTestId('customer-search').fill(search);
    const results = this.root.locator(
      `[data-testid="customer-results"][data-search="${search.trim()}"][data-ready="true"]`,
    );
    await results.waitFor();
    return results;
  }

  customerResult(customerId: string): Locator {
    return this.root.locator(`[data-testid="customer-result"][data-customer-id="${customerId}"]`);
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

  /** The "Send appointment texts / emails" box for a new customer. */
  appointmentMessages(): Locator {
    return this.root.getByTestId('new-customer-messages');
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

  async markNoShow(): Promise<void> {
    await this.root.getByTestId('action-no-show').click();
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

  /** ← or → with nothing focused (a focused toggle takes arrows itself): a day, or a week. */
  async step(key: 'ArrowLeft' | 'ArrowRight'): Promise<void> {
    await this.page.evaluate(
      'document.activeElement instanceof HTMLElement && document.activeElement.blur()',
    );
    await this.page.keyboard.press(key);
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

  /** The block's deposit badge; with a state, only once it shows that one. */
  paymentBadge(id: string, state?: string): Locator {
    const badge = state
      ? `[data-testid="payment-badge"][data-payment="${state}"]`
      : '[data-testid="payment-badge"]';
    return this.appointment(id).locator(badge);
  }

  /** The toolbar's New booking button. */
  async openNewBooking(): Promise<BookingDialog> {
    await this.page.getByTestId('new-booking').click();
    await this.dialog.waitOpen();
    return this.dialog;
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

  /** The block's top edge and height in px (its place on the grid). */
  async blockBox(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const block = this.appointment(id);
    await block.scrollIntoViewIfNeeded();
    const box = await block.boundingBox();
    if (!box) throw new Error(`appointment ${id} is not on screen`);
    return box;
  }

  /**
   * Drags the appointment with the mouse so that its top lands on the slot of `staffId` at
   * `start` (day view), in small steps as a hand would.
   */
  async dragAppointment(id: string, staffId: string, start: number): Promise<void> {
    const from = await this.blockBox(id);
    const slot = await this.slot(staffId, start).boundingBox();
    if (!slot) throw new Error(`no slot for ${staffId} at ${start} on screen`);
    const grab = { x: from.x + from.width / 2, y: from.y + 6 };
    await this.page.mouse.move(grab.x, grab.y);
    await this.page.mouse.down();
    await this.page.mouse.move(slot.x + slot.width / 2, slot.y + 6, { steps: 8 });
    await this.page
      .locator(`[data-testid="appointment"][data-appointment-id="${id}"][data-dragging="true"]`)
      .waitFor();
    await this.page.mouse.up();
  }

  /** Drags the bottom edge of the appointment down (or up) by `minutes` at 1 px a minute. */
  async resizeAppointment(id: string, minutes: number): Promise<void> {
    const handle = this.appointment(id).getByTestId('appointment-resize');
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    if (!box) throw new Error(`appointment ${id} has no resize edge on screen`);
    const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(grab.x, grab.y);
    await this.page.mouse.down();
    await this.page.mouse.move(grab.x, grab.y + minutes, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Alt+arrows on the focused block: the keyboard's way to move it. */
  async nudge(id: string, keys: string): Promise<void> {
    await this.appointment(id).focus();
    await this.page.keyboard.press(keys);
  }

  /** Waits until no drop is waiting for the core's answer. */
  async waitDropSettled(id: string): Promise<void> {
    await this.page
      .locator(`[data-testid="appointment"][data-appointment-id="${id}"][data-pending="false"]`)
      .waitFor();
  }

  dropRefusal(): Locator {
    return this.page.getByTestId('drop-refusal');
  }

  async showWeek(): Promise<void> {
    await this.page.getByTestId('view-toggle').getByText('Week', { exact: true }).click();
    await this.page
      .locator('[data-testid="calendar"][data-view="week"][data-loading="false"]')
      .waitFor();
  }

  async showDay(): Promise<void> {
    await this.page.getByTestId('view-toggle').getByText('Day', { exact: true }).click();
    await this.page
      .locator('[data-testid="calendar"][data-view="day"][data-loading="false"]')
      .waitFor();
  }

  weekDays(): Locator {
    return this.page.getByTestId('week-day');
  }

  weekDay(date: string): Locator {
    return this.page.locator(`[data-testid="week-day"][data-date="${date}"]`);
  }

  /** A staff member's time off on a date, in the day or the week view. */
  timeOff(staffId: string, date: string): Locator {
    return this.page.locator(
      `[data-testid="staff-column"][data-staff-id="${staffId}"][data-date="${date}"] [data-testid="time-off"]`,
    );
  }

  /** Clicks free time in the week view (the grid opens at 08:00; 1 px a minute from 07:00). */
  async bookInWeek(staffId: string, date: string, minute: number): Promise<BookingDialog> {
    const column = this.page.locator(
      `[data-testid="week-day"][data-date="${date}"] [data-testid="staff-column"][data-staff-id="${staffId}"]`,
    );
    const box = await column.boundingBox();
    if (!box) throw new Error(`no week column for ${staffId} on ${date}`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + (minute - 7 * 60) + 3);
    await this.dialog.waitOpen();
    return this.dialog;
  }

  async showCancelled(show: boolean): Promise<void> {
    const toggle = this.page.getByRole('switch', { name: 'Cancelled' });
    if ((await toggle.isChecked()) !== show) await toggle.click({ force: true });
    await this.page.locator(`[data-testid="calendar"][data-show-cancelled="${show}"]`).waitFor();
  }

  /** `/` opens the search; types and waits for the answer to exactly that text. */
  async search(text: string): Promise<Locator> {
    await this.page.keyboard.press('/');
    const input = this.page.getByTestId('calendar-search-input');
    await input.waitFor();
    await input.fill(text);
    await this.page
      .locator(`[data-testid="search-results"][data-search="${text.trim()}"][data-ready="true"]`)
      .waitFor();
    return this.page.getByTestId('search-results');
  }

  /** A customer among the search's answers. */
  searchCustomer(customerId: string): Locator {
    return this.page.locator(`[data-testid="search-customer"][data-customer-id="${customerId}"]`);
  }

  daySheet(): Locator {
    return this.page.getByTestId('day-sheet');
  }
}
