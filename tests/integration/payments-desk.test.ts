// The desk's payment channels through the router (as the UI calls them), and demo mode's whole
// checkout over loopback without any credentials.
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../preload/contract/index.js';
import { bookColour, startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { london } from '../support/app.js';
import { valueOf } from '../support/rpc.js';

let h: PaymentsHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function dispatch<C extends Channel>(host: PaymentsHost, channel: C, input: ChannelInput<C>) {
  return host.desk.call(channel, input);
}

describe('desk channels', () => {
  it('shows movements and balance, refunds with a reason, refuses one without', async () => {
    h = await startPaymentsHost();
    const booked = await bookColour(h, '2026-12-01T10:00:00+00:00');
    h.stripe.pay(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();

    const view = await dispatch(h, 'payments.forAppointment', { appointmentId: booked.id });
    expect(view).toMatchObject({
      ok: true,
      value: {
        depositAmount: 2000,
        balance: { collected: 2000, held: 2000, refundable: 2000 },
        movements: [{ kind: 'deposit', amount: 2000, status: 'succeeded' }],
      },
    });

    const noReason = await dispatch(h, 'payments.refund', {
      appointmentId: booked.id,
      amount: 500,
      reason: ' ',
      requestId: 'd1',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'reason' }] } },
    });

    const refunded = await dispatch(h, 'payments.refund', {
      appointmentId: booked.id,
      amount: 500,
      reason: 'Late start',
      requestId: 'd2',
    });
    expect(refunded).toMatchObject({
      ok: true,
      value: { balance: { refunded: 500, held: 1500 } },
    });
    expect(await dispatch(h, 'payments.connection.get', {})).toEqual({
      ok: true,
      value: { provider: 'stripe', stripeKeySet: true, webhookSecretSet: true },
    });
  });

  it("lists each appointment's payment state for the calendar, in one query", async () => {
    h = await startPaymentsHost();
    const paid = await bookColour(h, '2026-12-01T10:00:00+00:00');
    h.stripe.pay(paid.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    const awaiting = await bookColour(h, '2026-12-02T10:00:00+00:00');
    const refunded = await bookColour(h, '2026-12-03T10:00:00+00:00');
    h.stripe.pay(refunded.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    await dispatch(h, 'payments.refund', {
      appointmentId: refunded.id,
      amount: 500,
      reason: 'Late start',
      requestId: 'r1',
    });
    const plain = h.host.app.services.bookings.create({
      serviceId: h.cut,
      start: london('2026-12-01', '14:00'),
      customer: { name: 'Walk In', email: 'walk@example.com' },
      source: 'desk',
      actor: 'desk',
    }).appointment.id;

    const listed = await dispatch(h, 'appointments.list', {
      from: london('2026-11-30', '00:00'),
      to: london('2026-12-05', '00:00'),
    });
    const states = Object.fromEntries(valueOf(listed).map((a) => [a.id, a.paymentState]));
    expect(states).toEqual({
      [paid.id]: 'paid',
      [awaiting.id]: 'awaiting_deposit',
      [refunded.id]: 'part_refunded',
      [plain]: 'none',
    });
  });

  it('takes a phone booking’s deposit through a payment link sent by SMS and email', async () => {
    h = await startPaymentsHost();
    const made = h.host.app.services.bookings.create({
      serviceId: h.colour,
      start: london('2026-12-01', '11:00'),
      customer: { name: 'Phone Caller', phone: '+447911123456', email: 'caller@example.com' },
      smsConsent: true,
      hold: true,
      source: 'desk',
      actor: 'desk',
    });
    const sent = await dispatch(h, 'payments.sendLink', { appointmentId: made.appointment.id });
    expect(sent).toMatchObject({ ok: true, value: { channels: ['sms', 'email'] } });
    const url = valueOf(sent).url;
    const links = h.host.app.services.outbox
      .list({ appointmentId: made.appointment.id })
      .messages.filter((m) => m.kind === 'payment_link');
    expect(links).toHaveLength(2);
    for (const m of links) expect(m.body).toContain(url);

    const session = [...h.stripe.sessions.values()][0];
    h.stripe.pay(session?.id ?? '');
    await h.host.app.paymentReconciler.runOnce();
    expect(h.host.app.services.bookings.row(made.appointment.id).status).toBe('confirmed');
    const again = await dispatch(h, 'payments.sendLink', { appointmentId: made.appointment.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'POLICY' } });
  });

  it('sends a fresh link when the first expired, but none for a hold it released', async () => {
    h = await startPaymentsHost();
    const s = h.host.app.services;
    const book = (time: string, hold: boolean) =>
      s.bookings.create({
        serviceId: h!.colour,
        start: london('2026-12-01', time),
        customer: { name: 'Phone Caller', email: 'caller@example.com' },
        hold,
        source: 'desk',
        actor: 'desk',
      }).appointment.id;
    const confirmed = book('11:00', false);
    const held = book('14:00', true);
    await dispatch(h, 'payments.sendLink', { appointmentId: confirmed });
    await dispatch(h, 'payments.sendLink', { appointmentId: held });
    h.clock.advance(40 * 60_000);
    for (const session of h.stripe.sessions.values()) h.stripe.expire(session.id);

    const again = await dispatch(h, 'payments.sendLink', { appointmentId: confirmed });
    expect(again).toMatchObject({ ok: true });
    expect(h.stripe.sessions.size).toBe(3);
    expect(s.bookings.row(confirmed).status).toBe('confirmed');

    const refused = await dispatch(h, 'payments.sendLink', { appointmentId: held });
    expect(refused).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    expect(s.bookings.row(held).status).toBe('cancelled');
    expect(h.stripe.sessions.size).toBe(3);
  });

  it('releases a phone hold nobody sent a link for, as a widget hold lapses', async () => {
    h = await startPaymentsHost();
    const s = h.host.app.services;
    const held = await dispatch(h, 'appointments.create', {
      serviceId: h.colour,
      start: london('2026-12-01', '11:00'),
      customer: { name: 'Phone Caller', phone: '+447911123456' },
      hold: true,
    });
    expect(held).toMatchObject({ ok: true, value: { status: 'pending_payment' } });
    const id = valueOf(held).id;
    await h.host.app.paymentReconciler.runOnce();
    expect(s.bookings.row(id).status).toBe('pending_payment');

    h.clock.advance(16 * 60_000); // the business's hold is 15 minutes
    // Its time is free for others at once, before any pass has run.
    const other = s.bookings.create({
      serviceId: h.cut,
      staffId: h.alice,
      start: london('2026-12-01', '11:00'),
      customer: { name: 'Walk In', email: 'walk@example.com' },
      source: 'desk',
      actor: 'desk',
    });
    expect(other.appointment.status).toBe('confirmed');
    expect(await h.host.app.paymentReconciler.runOnce()).toMatchObject({ [id]: 'hold_released' });
    expect(s.bookings.row(id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The deposit was not paid in time',
    });
    expect(await h.host.app.paymentReconciler.runOnce()).toEqual({});
  });

  it('records a deposit taken in person, which confirms the hold and plans its messages', async () => {
    h = await startPaymentsHost();
    const s = h.host.app.services;
    const id = s.bookings.create({
      serviceId: h.colour,
      start: london('2026-12-03', '11:00'),
      customer: { name: 'Phone Caller', phone: '+447911123456', email: 'caller@example.com' },
      smsConsent: true,
      hold: true,
      source: 'desk',
      actor: 'desk',
    }).appointment.id;
    const take = (amount: number, requestId: string) =>
      dispatch(h!, 'payments.takeInPerson', { appointmentId: id, amount, note: 'Cash', requestId });

    expect(await take(0, 'r0')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'amount' }] } },
    });
    const taken = await take(2000, 'r1');
    expect(taken).toMatchObject({
      ok: true,
      value: {
        movements: [
          {
            kind: 'in_person',
            provider: 'desk',
            status: 'succeeded',
            amount: 2000,
            reason: 'Cash',
          },
        ],
        // Cash goes back at the desk, never through Stripe.
        balance: { held: 2000, takenInPerson: 2000, refundable: 0 },
      },
    });
    expect(s.bookings.row(id).status).toBe('confirmed');
    const confirmation = s.outbox
      .list({ appointmentId: id })
      .messages.filter((m) => m.kind === 'confirmation');
    expect(confirmation.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const m of confirmation) expect(m.body).toContain('Deposit £20.00 paid.');

    // A double click is one movement; a second deposit, or a link for one, is refused.
    expect(await take(2000, 'r1')).toMatchObject({ ok: true });
    expect(s.payments.movements(id)).toHaveLength(1);
    expect(await take(2000, 'r2')).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    expect(await dispatch(h, 'payments.sendLink', { appointmentId: id })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    expect(h.stripe.sessions.size).toBe(0);
  });

  it('refuses a deposit in person for a lapsed hold whose time was taken, recording nothing', async () => {
    h = await startPaymentsHost();
    const s = h.host.app.services;
    const book = (serviceId: string, hold: boolean, time = '11:00') =>
      s.bookings.create({
        serviceId,
        staffId: h!.alice,
        start: london('2026-12-01', time),
        customer: { name: 'Phone Caller', email: `c${String(hold)}@example.com` },
        hold,
        source: 'desk',
        actor: 'desk',
      }).appointment.id;
    const held = book(h.colour, true);
    h.clock.advance(16 * 60_000);
    book(h.cut, false);
    const refused = await dispatch(h, 'payments.takeInPerson', {
      appointmentId: held,
      amount: 2000,
      requestId: 'r1',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(s.payments.movements(held)).toEqual([]);
    expect(s.bookings.row(held).status).toBe('pending_payment');

    const noDeposit = await dispatch(h, 'payments.takeInPerson', {
      appointmentId: book(h.cut, false, '14:00'),
      amount: 500,
      requestId: 'r2',
    });
    expect(noDeposit).toMatchObject({
      ok: false,
      error: { code: 'POLICY', message: 'This booking asks no deposit' },
    });
  });

  it('refunds a link paid online after the desk took the deposit in person', async () => {
    h = await startPaymentsHost();
    const s = h.host.app.services;
    const id = s.bookings.create({
      serviceId: h.colour,
      start: london('2026-12-03', '11:00'),
      customer: { name: 'Phone Caller', email: 'caller@example.com' },
      hold: true,
      source: 'desk',
      actor: 'desk',
    }).appointment.id;
    await dispatch(h, 'payments.sendLink', { appointmentId: id });
    expect(
      await dispatch(h, 'payments.takeInPerson', {
        appointmentId: id,
        amount: 2000,
        requestId: 'r',
      }),
    ).toMatchObject({ ok: true });
    const [session] = [...h.stripe.sessions.values()];
    h.stripe.pay(session?.id ?? '');
    await h.host.app.paymentReconciler.runOnce();
    expect(s.payments.movements(id).map((m) => [m.kind, m.amount, m.status])).toEqual([
      ['deposit', 2000, 'succeeded'],
      ['in_person', 2000, 'succeeded'],
      ['refund', 2000, 'succeeded'],
    ]);
    expect(s.payments.balance(id)).toMatchObject({ held: 2000, takenInPerson: 2000 });
    expect(s.bookings.row(id).status).toBe('confirmed');
  });

  it('rejects a malformed Stripe key, naming the field', async () => {
    h = await startPaymentsHost({ stripe: false });
    const answer = await dispatch(h, 'payments.connection.update', {
      stripeSecretKey: 'pk_live_x',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'stripeSecretKey' }] } },
    });
    expect(await dispatch(h, 'payments.connection.get', {})).toMatchObject({
      value: { provider: 'demo', stripeKeySet: false },
    });
  });
});

describe('demo mode', () => {
  it('runs the whole deposit flow on the fake checkout page without credentials', async () => {
    h = await startPaymentsHost({ stripe: false });
    const booked = await bookColour(h, '2026-12-01T10:00:00+00:00');
    expect(booked.status).toBe('pending_payment');
    expect(booked.checkoutUrl).toMatch(new RegExp(`^${h.url}/pay/demo/cs_demo_`));
    expect(h.stripe.requests).toHaveLength(0);

    const page = await fetch(booked.checkoutUrl);
    const html = await page.text();
    expect(html).toContain('data-testid="demo-pay"');
    expect(html).toContain('£20.00');

    const paid = await fetch(`${booked.checkoutUrl}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const done = paid.headers.get('location') ?? '';
    expect(done).toContain('/pay/done?session_id=cs_demo_');
    const result = await (await fetch(done)).text();
    expect(result).toContain('data-state="confirmed"');
    expect(h.host.app.services.bookings.row(booked.id).status).toBe('confirmed');
    expect(h.host.app.services.payments.movements(booked.id)[0]).toMatchObject({
      provider: 'demo',
      status: 'succeeded',
    });

    // Without Stripe keys no webhook can claim anything, however it is signed.
    const event = h.stripe.event('checkout.session.completed', { id: 'cs_test_x' });
    const webhook = await fetch(`${h.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
      body: event.body,
    });
    expect(webhook.status).toBe(400);
  });
});
