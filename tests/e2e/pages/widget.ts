// Page model of the booking widget and the manage page, as a visitor uses them. Playwright's CSS
// selectors pierce open shadow roots, so the selectors below reach inside the widget's Shadow DOM.
import type { Locator, Page } from 'playwright-core';

export interface VisitorDetails {
  name: string;
  phone?: string;
  email?: string;
  note?: string;
  sms?: boolean;
}

export class BookingWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="booking-widget"]');
  }

  async waitStep(step: 'service' | 'staff' | 'slot' | 'details' | 'done'): Promise<void> {
    await this.page.locator(`[data-testid="booking-widget"][data-step="${step}"]`).waitFor();
  }

  heading(): Locator {
    return this.root.locator('[data-testid="step-heading"]');
  }

  async chooseService(serviceId: string): Promise<void> {
    await this.root.locator(`[data-testid="service"][data-service-id="${serviceId}"]`).click();
  }

  serviceRow(serviceId: string): Locator {
    return this.root.locator(`[data-testid="service"][data-service-id="${serviceId}"]`);
  }

  /** Where each service row's name starts and its price ends, in CSS px. */
  async serviceEdges(): Promise<{ nameLeft: number; priceRight: number }[]> {
    const rows = await this.root.locator('[data-testid="service"]').all();
    const edges: { nameLeft: number; priceRight: number }[] = [];
    for (const row of rows) {
      const name = await row.locator('[data-testid="service-name"]').boundingBox();
      const price = await row.locator('[data-testid="service-price"]').boundingBox();
      if (!name || !price) throw new Error('a service row without a name or a price');
      edges.push({
        nameLeft: Math.round(name.x),
        priceRight: Math.round(price.x + price.width),
      });
    }
    return edges;
  }

  /** undefined: "anyone available". */
  async chooseStaff(staffId: string | undefined): Promise<void> {
    await this.root.locator(`[data-testid="staff"][data-staff-id="${staffId ?? ''}"]`).click();
  }

  days(): Locator {
    return this.root.locator('[data-testid="day"]');
  }

  slots(): Locator {
    return this.root.locator('[data-testid="slot"]');
  }

  /** The dates the strip shows now, in order. */
  async shownDays(): Promise<string[]> {
    await this.days().first().waitFor();
    return this.root
      .locator('[data-testid="day"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-date') ?? ''));
  }

  laterDays(): Locator {
    return this.root.locator('[data-testid="later-days"]');
  }

  earlierDays(): Locator {
    return this.root.locator('[data-testid="earlier-days"]');
  }

  /** Pages to the next dates and waits until the strip shows them. */
  async pageLater(): Promise<void> {
    const before = (await this.shownDays())[0];
    await this.laterDays().click();
    await this.root.locator(`[data-testid="days"]:not([data-first="${before}"])`).waitFor();
  }

  async nextAvailable(): Promise<void> {
    await this.root.locator('[data-testid="next-available"]').click();
    await this.days().first().waitFor();
  }

  async chooseDay(date: string): Promise<void> {
    await this.root.locator(`[data-testid="day"][data-date="${date}"]`).click();
    await this.root
      .locator(`[data-testid="day"][data-date="${date}"][aria-pressed="true"]`)
      .waitFor();
  }

  /** The start (ISO with offset) of the slot picked. */
  async chooseSlot(index = 0): Promise<string> {
    const slot = this.slots().nth(index);
    await slot.waitFor();
    const start = (await slot.getAttribute('data-start')) ?? '';
    await slot.click();
    return start;
  }

  field(name: 'name' | 'phone' | 'email' | 'note' | 'sms'): Locator {
    return this.root.locator(`[data-testid="field-${name}"]`);
  }

  fieldError(name: 'name' | 'phone' | 'email' | 'note'): Locator {
    return this.root.locator(`[data-testid="error-${name}"]`);
  }

  async fill(details: VisitorDetails): Promise<void> {
    await this.field('name').fill(details.name);
    if (details.phone !== undefined) await this.field('phone').fill(details.phone);
    if (details.email !== undefined) await this.field('email').fill(details.email);
    if (details.note !== undefined) await this.field('note').fill(details.note);
    if (details.sms) await this.field('sms').check();
  }

  async submit(): Promise<void> {
    await this.root.locator('[data-testid="submit"]').click();
  }

  /** The live region, once it carries a message with this code. */
  live(code?: string): Locator {
    return this.root.locator(
      code ? `[data-testid="live"][data-code="${code}"]` : '[data-testid="live"]',
    );
  }

  /** The live region's problems, one per line. */
  liveLines(): Locator {
    return this.root.locator('[data-testid="live"] [data-testid="live-line"]');
  }

  /** Said on the details step when the chosen time is already inside the cancellation cut-off. */
  cutoffNotice(): Locator {
    return this.root.locator('[data-testid="cutoff-notice"]');
  }

  alternatives(): Locator {
    return this.root.locator('[data-testid="alternative"]');
  }

  zoneNotice(): Locator {
    return this.root.locator('[data-testid="zone-notice"]');
  }

  confirmation(): Locator {
    return this.root.locator('[data-testid="confirmation"]');
  }

  async manageLink(): Promise<string> {
    return (await this.root.locator('[data-testid="manage-link"]').getAttribute('href')) ?? '';
  }

  async icsHref(): Promise<string> {
    return (await this.root.locator('[data-testid="ics"]').getAttribute('href')) ?? '';
  }
}

export class ManagePage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="manage"]');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.root.locator('[data-testid="booking-summary"]').waitFor();
  }

  async waitStatus(status: string): Promise<void> {
    await this.page.locator(`[data-testid="manage"][data-status="${status}"]`).waitFor();
  }

  start(): Promise<string | null> {
    return this.root.locator('[data-testid="booking-summary"]').getAttribute('data-start');
  }

  async startReschedule(): Promise<void> {
    await this.root.locator('[data-testid="reschedule"]').click();
    await this.root.locator('[data-testid="slot"]').first().waitFor();
  }

  async chooseDay(date: string): Promise<void> {
    await this.root.locator(`[data-testid="day"][data-date="${date}"]`).click();
    await this.root
      .locator(`[data-testid="day"][data-date="${date}"][aria-pressed="true"]`)
      .waitFor();
  }

  slots(): Locator {
    return this.root.locator('[data-testid="slot"]');
  }

  days(): Locator {
    return this.root.locator('[data-testid="day"]');
  }

  /** Whose times the move offers: the booking's own staff member, or anyone who does the service. */
  /** Which "move with" choice is pressed: the same person or anyone. */
  async movingWith(): Promise<string | null> {
    return this.root
      .locator('[data-testid="move-with"][aria-pressed="true"]')
      .getAttribute('data-choice');
  }

  async moveWith(choice: 'same' | 'any'): Promise<void> {
    const button = this.root.locator(`[data-testid="move-with"][data-choice="${choice}"]`);
    await button.click();
    await this.root
      .locator(`[data-testid="move-with"][data-choice="${choice}"][aria-pressed="true"]`)
      .waitFor();
  }

  slotAt(start: string): Locator {
    return this.root.locator(`[data-testid="slot"][data-start="${start}"]`);
  }

  /** Past the cut-off: whom to call instead of the Move and Cancel buttons. */
  callBusiness(): Locator {
    return this.root.locator('[data-testid="call-business"]');
  }

  /** The "move to …?" question a picked time asks before anything moves. */
  moveQuestion(): Locator {
    return this.root.locator('[data-testid="move-question"]');
  }

  async confirmMove(): Promise<void> {
    await this.root.locator('[data-testid="confirm-move"]').click();
  }

  /** Says no to the move: back to the times, nothing moved. */
  async keepTime(): Promise<void> {
    await this.root.locator('[data-testid="keep-time"]').click();
  }

  /** Picks a new time and says yes to the question. */
  async moveTo(slot: Locator): Promise<void> {
    await slot.click();
    await this.confirmMove();
  }

  async cancel(): Promise<void> {
    await this.askToCancel();
    await this.root.locator('[data-testid="confirm-cancel"]').click();
  }

  /** Up to the "are you sure" step, where the refund the customer would get is stated. */
  async askToCancel(): Promise<void> {
    await this.root.locator('[data-testid="cancel"]').click();
    await this.root.locator('[data-testid="confirm-cancel"]').waitFor();
  }

  async keep(): Promise<void> {
    await this.root.locator('[data-testid="keep"]').click();
  }

  /** The booking's money; data-state is its payment state (paid, part_refunded, …). */
  payment(state?: string): Locator {
    return this.root.locator(
      state
        ? `[data-testid="booking-payment"][data-state="${state}"]`
        : '[data-testid="booking-payment"]',
    );
  }

  cancelRefund(): Locator {
    return this.root.locator('[data-testid="cancel-refund"]');
  }

  live(code?: string): Locator {
    return this.root.locator(
      code ? `[data-testid="live"][data-code="${code}"]` : '[data-testid="live"]',
    );
  }
}
