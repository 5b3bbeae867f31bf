// The confirmation states the booking's frozen payment terms, in the SMS and the email the
// customer actually receives (real outbox, real reminder loop, the twilio client and SMTP against
// the wire-level fakes), and says nothing about money for a booking without terms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { london } from '../support/app.js';
import { bookJane, startMessagingWorld, type MessagingWorld } from '../support/messaging.js';

let world: MessagingWorld;
beforeEach(async () => {
  world = await startMessagingWorld();
});
afterEach(async () => {
  await world.dispose();
});

const FRI_14 = london('2026-12-04', '14:00');

function depositService(): string {
  return world.app.services.catalog.createService({
    name: 'Colour',
    durationMinutes: 60,
    priceAmount: 6000,
    deposit: { kind: 'fixed', amount: 1000 },
    noShowFee: { kind: 'keep_deposit' },
    cancellationRefund: { windowMinutes: 24 * 60, latePercent: 0 },
    staffIds: [world.salon.alice],
  }).id;
}

/** Booked and held as the widget does, then paid on the demo checkout. */
async function bookAndPay(serviceId: string): Promise<string> {
  const { bookings, payments, paymentRuntime } = world.app.services;
  const made = bookings.create({
    hold: true,
    serviceId,
    staffId: world.salon.alice,
    start: FRI_14,
    customer: { name: 'Jane Doe', phone: '+447911123456', email: 'jane@example.com' },
    smsConsent: true,
    source: 'widget',
    actor: 'customer',
  });
  const checkout = await payments.startCheckout(made.appointment.id);
  paymentRuntime.demo.pay(checkout.checkoutSessionId);
  expect(await payments.applyCheckout(checkout.checkoutSessionId)).toBe('confirmed');
  return made.appointment.id;
}

const TERMS =
  'Deposit £10.00 paid. Cancel by Thu 3 Dec, 14:00 for a full refund; after that the deposit ' +
  'is kept. If you miss the appointment, the deposit is kept.';

describe('payment terms in the confirmation', () => {
  it('are stated in the SMS and the email the customer receives', async () => {
    await bookAndPay(depositService());
    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();

    const [sms] = world.twilio.messages;
    expect(sms?.body).toContain(`, Fri 4 Dec, 14:00.\n${TERMS}`);
    const [mail] = world.smtp.received.map((r) => r.parsed);
    expect(mail?.subject).toBe('Booking confirmed: Colour, Fri 4 Dec, 14:00');
    expect(mail?.text).toContain(`Fri 4 Dec, 14:00\n\n${TERMS}\n\n`);
  });

  it('say the deposit is due when the desk confirms a phone booking before it is paid', async () => {
    world.app.services.bookings.create({
      serviceId: depositService(),
      staffId: world.salon.alice,
      start: FRI_14,
      customer: { name: 'Jane Doe', phone: '+447911123456' },
      smsConsent: true,
      source: 'desk',
      actor: 'desk',
    });
    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();
    expect(world.twilio.messages[0]?.body).toContain(
      `, Fri 4 Dec, 14:00.\n${TERMS.replace('Deposit £10.00 paid.', 'Deposit £10.00 due.')}`,
    );
  });

  it('say nothing about money when the booking has no terms', async () => {
    bookJane(world, FRI_14);
    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();
    const [sms] = world.twilio.messages;
    const [mail] = world.smtp.received.map((r) => r.parsed);
    expect(sms?.body).toBe(
      "Hi Jane, you're booked at Test Salon: Cut with Alice, Fri 4 Dec, 14:00.",
    );
    expect(mail?.text).toMatch(/Fri 4 Dec, 14:00\n\nSee you soon/);
    for (const text of [sms?.body, mail?.text]) {
      expect(text).not.toMatch(/deposit|£|refund/i);
    }
  });

  it("keep a business's own template working, and fill {payment_terms} where it asks", async () => {
    const saved = await world.desk.call('templates.save', {
      kind: 'confirmation',
      channel: 'sms',
      body: 'Booked, {customer_first_name}: {service} on {start_local}.',
    });
    expect(saved).toMatchObject({ ok: true });
    const email = await world.desk.call('templates.save', {
      kind: 'confirmation',
      channel: 'email',
      subject: 'See you {start_local}',
      body: 'Booked: {service}. {payment_terms}',
    });
    expect(email).toMatchObject({ ok: true });
    await bookAndPay(depositService());
    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();
    expect(world.twilio.messages[0]?.body).toBe('Booked, Jane: Colour on Fri 4 Dec, 14:00.');
    expect(world.smtp.received[0]?.parsed.text?.trim()).toMatch(
      new RegExp(`^Booked: Colour\\. ${TERMS.replace(/[.$£()]/g, '\\$&')}`),
    );
  });
});
