// Deposits, and the payment service the rest of the app uses (refunds and fees are in
// refunds.ts, the rows in rows.ts). Every money movement is a `payments` row written BEFORE the
// provider is called (pending, with the idempotency key the call carries) and settled after, so a
// crash or a double click between the two can never become a second movement: the row's unique
// key stops a second call here, the same key stops a second charge at the provider, and
// reconciliation (reconciler.ts) finishes what a crash left pending.
//
// The provider's word decides: a webhook only names a Checkout Session, which is then fetched and
// applied (applyCheckout), so a forged or stale event body cannot claim a payment, and webhooks
// and reconciliation run the same code.
import { and, count, eq } from 'drizzle-orm';
import {
  type appointments,
  paymentEvents,
  payments,
  type PaymentKind,
  type PaymentStatus,
} from '../../db/schema.js';
import { findConflict } from '../domain/availability.js';
import {
  balanceOf,
  bookingTerms,
  cancellationRefund,
  describePolicy,
  hasPaymentTerms,
  paymentStateOf,
  needsSavedCard,
  parsePolicy,
  policyForService,
  type Balance,
  type PaymentPolicy,
  type PaymentState,
} from '../domain/payment-policy.js';
import { formatStartLocal } from '../domain/templates.js';
import { MINUTE_MS } from '../domain/time.js';
import { IntegrationError, PolicyError, ValidationError } from '../core/errors.js';
import type {
  CheckoutSession,
  PaymentProvider,
} from '../integrations/payments/payment-provider.js';
import type { AppointmentStore, BookingService, ScheduleReader } from '../appointments/index.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { CustomerService } from '../customers/index.js';
import type { Outbox } from '../messaging/index.js';
import { paymentMessages } from './messages.js';
import { createRefunds } from './refunds.js';
import { createHoldRules } from './holds.js';
import { createPaymentRows, type PaymentRow } from './rows.js';

export type { PaymentRow } from './rows.js';
type AppointmentRow = typeof appointments.$inferSelect;

/** Stripe accepts a Checkout Session that expires no sooner than 30 minutes after it is made. */
const MIN_CHECKOUT_MS = 31 * MINUTE_MS;

export interface PaymentsDeps {
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  bookings: BookingService;
  store: AppointmentStore;
  schedule: ScheduleReader;
  outbox: Outbox;
}

export interface PaymentsOptions {
  /** The provider as configured now: Stripe with keys, the demo provider without. */
  provider: () => PaymentProvider;
  /** The public listener's address as customers reach it, for return and booking links. */
  publicBaseUrl: () => string;
  /** Messages were added to the outbox: wake the loop that sends them. */
  onMessagesPlanned?: () => void;
  log: (message: string, error?: unknown) => void;
}

export interface CheckoutStarted {
  paymentId: string;
  checkoutSessionId: string;
  url: string;
}

export interface PaymentSummary {
  policy: PaymentPolicy;
  balance: Balance;
  state: PaymentState;
  /** The frozen policy with its real dates, in plain words. */
  terms: string;
  /** Cancelling before this instant refunds the whole deposit. */
  fullRefundUntil: number;
  /** What the customer would get back by cancelling now (0 once the booking is over). */
  refundIfCancelledNow: number;
}

export type CheckoutOutcome =
  | 'unknown'
  | 'open'
  | 'confirmed'
  | 'already_applied'
  | 'refunded_slot_taken'
  | 'refunded_booking_gone'
  | 'refunded_paid_in_person'
  | 'expired';

export function createPaymentService(core: Core, deps: PaymentsDeps, options: PaymentsOptions) {
  const { db, clock, write } = core;
  const { settings, catalog, bookings, schedule, outbox } = deps;
  const inflight = new Set<Promise<unknown>>();
  const rows = createPaymentRows(core, () => options.provider().name);
  const { rowsOf, update, insert, unsettled } = rows;
  const refunds = createRefunds(core, {
    rows,
    bookings,
    catalog,
    provider: options.provider,
    log: options.log,
  });
  const { issueRefund, sendRefund, onCancelled, onNoShow, applyRefund } = refunds;

  /** Work started by an event (a cancellation's refund): tracked so tests and close() can wait. */
  function track<T>(work: Promise<T>): Promise<T> {
    inflight.add(work);
    const done = () => inflight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Work started by an event has nobody to answer to: its failure is logged, never thrown. */
  function logged<T>(work: Promise<T>, what: string): Promise<T | null> {
    return work.catch((error: unknown) => {
      options.log(`${what} failed`, error);
      return null;
    });
  }

  function balance(appointmentId: string): Balance {
    return balanceOf(rowsOf(appointmentId));
  }

  /**
   * The appointment's frozen policy. Bookings freeze theirs as they are written (bookings.ts); one
   * made before payments existed gets its service's rules copied now, once, so editing the
   * service afterwards never changes what applies to it.
   */
  function policyOf(appointment: AppointmentRow): PaymentPolicy {
    const frozen = parsePolicy(appointment.paymentPolicy);
    if (frozen) return frozen;
    const policy = policyForService(
      catalog.serviceRow(appointment.serviceId),
      appointment.priceAmount,
      appointment.currency,
    );
    deps.store.freezePolicy(appointment.id, JSON.stringify(policy), policy.deposit);
    return policy;
  }

  function plan(messages: ReturnType<typeof paymentMessages>): void {
    if (outbox.plan(messages) > 0) options.onMessagesPlanned?.();
  }

  // ── deposits ──────────────────────────────────────────────────────────────

  /**
   * A Checkout Session for the appointment's deposit; asking again while one is open answers the
   * same session. Allowed while the booking waits for its deposit, or (a phone booking the desk
   * confirmed) while it is confirmed and nothing has been paid.
   */
  /**
   * `manageToken`: when the booking was just made, so the page the customer returns to can link
   * their manage page (the stored token is hashed and cannot be read back).
   */
  async function startCheckout(
    appointmentId: string,
    manageToken?: string,
  ): Promise<CheckoutStarted> {
    const provider = options.provider();
    const appointment = bookings.row(appointmentId);
    if (appointment.status !== 'pending_payment' && appointment.status !== 'confirmed') {
      throw new PolicyError(`A ${appointment.status.replace('_', ' ')} booking takes no deposit`, {
        status: appointment.status,
      });
    }
    const policy = policyOf(appointment);
    if (policy.deposit === 0) {
      throw new PolicyError('This booking asks no deposit', { appointmentId });
    }
    const all = rowsOf(appointmentId);
    const deposits = all.filter((r) => r.kind === 'deposit');
    if (
      all.some((r) => (r.kind === 'deposit' || r.kind === 'in_person') && r.status === 'succeeded')
    ) {
      throw new PolicyError('The deposit for this booking is already paid', { appointmentId });
    }
    const open = deposits.find((r) => r.status === 'pending');
    if (open?.checkoutSessionId) {
      const session = await provider.retrieveCheckout(open.checkoutSessionId);
      if (session.state === 'open' && session.url) {
        return { paymentId: open.id, checkoutSessionId: session.id, url: session.url };
      }
      await applyCheckout(session.id);
      if (session.state === 'paid') throw new PolicyError('The deposit was just paid', {});
      // An expired checkout may have released the hold: no new checkout for a cancelled booking.
      const now = bookings.row(appointmentId).status;
      if (now !== 'pending_payment' && now !== 'confirmed') {
        throw new PolicyError(`A ${now.replace('_', ' ')} booking takes no deposit`, {
          status: now,
        });
      }
    }
    // A pending row without a session is a call that died half-way: repeating it with the same
    // key answers the session the provider already made.
    const row =
      open && !open.checkoutSessionId
        ? open
        : insert({
            appointmentId,
            kind: 'deposit',
            amount: policy.deposit,
            currency: policy.currency,
            idempotencyKey: `deposit:${appointmentId}:${deposits.length}`,
          });
    const customer = deps.customers.row(appointment.customerId);
    const base = options.publicBaseUrl();
    const now = clock.now();
    const holdEnd = appointment.holdExpiresAt ?? now;
    const session = await provider.createCheckout({
      appointmentId,
      paymentId: row.id,
      amount: row.amount,
      currency: row.currency,
      description: `Deposit: ${catalog.serviceRow(appointment.serviceId).name}`,
      customerEmail: customer.email,
      saveCard: needsSavedCard(policy),
      successUrl:
        `${base}/pay/done?session_id={CHECKOUT_SESSION_ID}` +
        (manageToken ? `&booking=${encodeURIComponent(manageToken)}` : ''),
      cancelUrl: `${base}/pay/cancelled?appointment=${encodeURIComponent(appointmentId)}`,
      expiresAt: Math.max(holdEnd, now + MIN_CHECKOUT_MS),
      idempotencyKey: `checkout:${row.idempotencyKey}`,
    });
    update(row.id, { checkoutSessionId: session.id, provider: provider.name });
    return { paymentId: row.id, checkoutSessionId: session.id, url: session.url ?? '' };
  }

  /**
   * Confirms a held booking whose deposit arrived. A hold that expired no longer blocks its slot,
   * so the slot is checked again: still free → confirmed; taken → 'taken'. One IMMEDIATE
   * transaction, so no booking can slip in between the check and the confirmation.
   */
  function confirmHeld(appointmentId: string): 'confirmed' | 'taken' | 'not_pending' {
    return write(() => confirmHeldInside(appointmentId, 'system'))();
  }

  /** confirmHeld's work, for a caller already inside an IMMEDIATE transaction. */
  function confirmHeldInside(
    appointmentId: string,
    actor: 'system' | 'desk',
  ): 'confirmed' | 'taken' | 'not_pending' {
    const now = clock.now();
    const row = bookings.row(appointmentId);
    if (row.status !== 'pending_payment') return 'not_pending';
    if (row.holdExpiresAt !== null && row.holdExpiresAt <= now) {
      const span = {
        start: row.startAt,
        end: row.endAt,
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
      };
      const [input] = schedule.read([row.staffId], row.startAt, row.endAt, now, row.id);
      const zone = settings.get().timeZone;
      if (!input || findConflict(span, input, zone) !== null) return 'taken';
    }
    bookings.confirm(appointmentId, actor);
    return 'confirmed';
  }

  /** Settles one deposit row from the provider's session; applying it twice changes nothing. */
  async function settleCheckout(session: CheckoutSession): Promise<CheckoutOutcome> {
    const row = db.select().from(payments).where(eq(payments.checkoutSessionId, session.id)).get();
    if (!row) return 'unknown';
    switch (session.state) {
      case 'open':
        return 'open';
      case 'expired': {
        if (row.status === 'pending') update(row.id, { status: 'cancelled' });
        const appointment = bookings.row(row.appointmentId);
        const holdOver =
          appointment.holdExpiresAt !== null && appointment.holdExpiresAt <= clock.now();
        if (appointment.status === 'pending_payment' && holdOver) {
          bookings.cancel(appointment.id, 'system', 'The deposit was not paid in time');
        }
        return 'expired';
      }
      case 'paid':
        break;
      default: {
        const never: never = session.state;
        throw new Error(`Unknown checkout state ${String(never)}`);
      }
    }
    const fresh = row.status !== 'succeeded';
    if (fresh) {
      update(row.id, {
        status: 'succeeded',
        paymentIntentId: session.paymentIntentId,
        providerCustomerId: session.customerId,
        paymentMethodId: session.paymentMethodId,
        failureMessage: null,
      });
    }
    // The desk took the deposit in person while the link was still open: this one goes back.
    const takenAtDesk = rowsOf(row.appointmentId).some(
      (r) => r.kind === 'in_person' && r.status === 'succeeded',
    );
    if (takenAtDesk) {
      await issueRefund({
        appointmentId: row.appointmentId,
        amount: row.amount,
        reason: 'The deposit was already taken in person',
        idempotencyKey: `refund:${row.id}:in_person`,
        tolerateNothingRefundable: true,
      });
      return 'refunded_paid_in_person';
    }
    const outcome = confirmHeld(row.appointmentId);
    const appointment = bookings.row(row.appointmentId);
    if (outcome === 'confirmed') return 'confirmed';
    if (outcome === 'not_pending' && appointment.status === 'confirmed') {
      return fresh ? 'confirmed' : 'already_applied';
    }
    // Paid for a booking that can no longer happen: give it all back and say so. The refund is
    // claimed before the booking is cancelled, so the cancellation's own refund finds nothing left.
    const slotTaken = outcome === 'taken';
    const refunding = issueRefund({
      appointmentId: appointment.id,
      amount: row.amount,
      reason: slotTaken
        ? 'Paid after the hold expired; the time was taken'
        : 'Booking no longer live',
      idempotencyKey: `refund:${row.id}:late`,
      tolerateNothingRefundable: true,
    });
    if (slotTaken) {
      bookings.cancel(
        appointment.id,
        'system',
        'The deposit arrived after the hold expired and the time was taken',
      );
    }
    const refund = await refunding;
    if (refund && fresh) {
      plan(
        paymentMessages(
          deps,
          bookings.row(appointment.id),
          'payment_refunded',
          `${options.publicBaseUrl()}/book`,
          0,
          clock.now(),
        ),
      );
    }
    return slotTaken ? 'refunded_slot_taken' : 'refunded_booking_gone';
  }

  async function applyCheckout(sessionId: string): Promise<CheckoutOutcome> {
    const session = await options.provider().retrieveCheckout(sessionId);
    return settleCheckout(session);
  }

  // ── webhooks ──────────────────────────────────────────────────────────────

  /**
   * A provider webhook: verified (WebhookSignatureError when not), applied, then remembered by
   * event id, so a replay changes nothing. Recorded only once applied: an event that failed half
   * way is applied again when the provider retries it.
   */
  async function handleWebhook(
    rawBody: Buffer,
    signature: string | undefined,
  ): Promise<{ duplicate: boolean; outcome?: string }> {
    const event = options.provider().verifyWebhook(rawBody, signature);
    const seen = db.select().from(paymentEvents).where(eq(paymentEvents.id, event.id)).get();
    if (seen) return { duplicate: true };
    let outcome: string | undefined;
    switch (event.kind) {
      case 'checkout':
        outcome = await applyCheckout(event.checkoutSessionId);
        break;
      case 'refund':
        outcome = applyRefund(event.refund.id, event.refund.state, event.refund.failureMessage);
        break;
      case 'other':
        break;
      default: {
        const never: never = event;
        throw new Error(`Unknown event ${String(never)}`);
      }
    }
    db.insert(paymentEvents)
      .values({ id: event.id, type: event.type, receivedAt: clock.now() })
      .onConflictDoNothing()
      .run();
    return { duplicate: false, ...(outcome ? { outcome } : {}) };
  }

  // ── what reconciliation needs ─────────────────────────────────────────────

  /** One pending row brought up to date with the provider. */
  async function reconcileRow(row: PaymentRow): Promise<string> {
    const provider = options.provider();
    if (row.provider !== provider.name) return 'other_provider';
    if (row.kind === 'deposit') {
      if (!row.checkoutSessionId) return 'no_session';
      return applyCheckout(row.checkoutSessionId);
    }
    if (row.refundId) {
      const refund = await provider.retrieveRefund(row.refundId);
      return applyRefund(refund.id, refund.state, refund.failureMessage);
    }
    const sent = await sendRefund(row);
    return sent.refundId ? 'sent' : 'still_pending';
  }

  /** The deposit a booking of this service asks now (NotFoundError for an unknown service). */
  /**
   * The checkout for a booking the widget just made. When the provider cannot be reached the hold
   * is released at once, so a customer who cannot pay does not block the slot for anyone.
   */
  async function checkoutForNewBooking(
    made: { appointment: { id: string; status: string }; replayed: boolean; manageToken?: string },
    appointment: AppointmentRow = bookings.row(made.appointment.id),
  ): Promise<{ checkout_url?: string; payment_policy?: string[] }> {
    const policy = parsePolicy(appointment.paymentPolicy);
    const words = policy ? describePolicy(policy) : [];
    const terms = words.length > 0 ? { payment_policy: words } : {};
    if (made.appointment.status !== 'pending_payment') return terms;
    try {
      const started = await startCheckout(appointment.id, made.manageToken);
      return { checkout_url: started.url, ...terms };
    } catch (error) {
      // A retried request for a booking paid meanwhile: the booking stands, no checkout needed.
      if (made.replayed && error instanceof PolicyError) return terms;
      options.log(`checkout for ${appointment.id} failed`, error);
      if (bookings.row(appointment.id).status === 'pending_payment') {
        bookings.cancel(appointment.id, 'system', 'The payment provider could not be reached');
      }
      throw new IntegrationError(
        'Payments are unavailable at the moment, so the booking was not made; please try again',
        { provider: options.provider().name },
      );
    }
  }

  /**
   * Where the money of one booking stands and what it agreed to, for the customer's manage page;
   * null when its policy says nothing about money and nothing was ever paid. Takes the row the
   * caller already read, so an answer reads each booking once.
   */
  function summary(appointment: AppointmentRow): PaymentSummary | null {
    const policy = parsePolicy(appointment.paymentPolicy);
    const money = balance(appointment.id);
    if (!policy || (!hasPaymentTerms(policy) && money.collected === 0)) return null;
    const now = clock.now();
    const zone = settings.get().timeZone;
    const ahead = appointment.status === 'pending_payment' || appointment.status === 'confirmed';
    return {
      policy,
      balance: money,
      state: paymentStateOf({
        deposit: policy.deposit,
        collected: money.collected,
        returned: money.refunded + money.refundPending,
        status: appointment.status,
      }),
      terms: bookingTerms(policy, {
        start: appointment.startAt,
        held: money.held,
        formatInstant: (ms) => formatStartLocal(ms, zone),
        now,
      }),
      fullRefundUntil: appointment.startAt - policy.refundWindowMinutes * MINUTE_MS,
      refundIfCancelledNow: ahead
        ? cancellationRefund({
            policy,
            balance: money,
            cancelledBy: 'customer',
            cancelledAt: now,
            start: appointment.startAt,
          }).amount
        : 0,
    };
  }

  const holds = createHoldRules(core, {
    rows,
    bookings,
    policyOf,
    confirmHeldInside,
    log: options.log,
  });

  // ── the desk ──────────────────────────────────────────────────────────────

  return {
    checkoutForNewBooking,
    startCheckout,
    applyCheckout,
    handleWebhook,
    balance,
    unsettled,
    reconcileRow,
    onCancelled: (id: string) => track(logged(onCancelled(id), `refund after cancelling ${id}`)),
    onNoShow: (id: string) => track(logged(onNoShow(id), `no-show settlement of ${id}`)),
    /** Resolves once the refunds and fees started by events have settled. */
    async idle(): Promise<void> {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },

    movements: rowsOf,
    paymentForSession: (sessionId: string) =>
      db.select().from(payments).where(eq(payments.checkoutSessionId, sessionId)).get(),
    policy(appointmentId: string): { policy: PaymentPolicy | null; words: string[] } {
      const policy = parsePolicy(bookings.row(appointmentId).paymentPolicy);
      return { policy, words: policy ? describePolicy(policy) : [] };
    },
    summary,
    takeInPerson: holds.takeInPerson,
    releaseLapsedHolds: holds.releaseLapsedHolds,

    /** A refund from the desk; the same requestId (one per dialog) is one refund. */
    async refund(input: {
      appointmentId: string;
      amount: number;
      reason: string;
      requestId: string;
    }) {
      if (!input.reason.trim())
        throw ValidationError.field('reason', 'say why the money goes back');
      bookings.row(input.appointmentId);
      return issueRefund({
        appointmentId: input.appointmentId,
        amount: input.amount,
        reason: input.reason.trim(),
        idempotencyKey: `refund:${input.appointmentId}:desk:${input.requestId}`,
      });
    },

    /** A checkout link for a phone booking, sent through the outbox. */
    async sendPaymentLink(appointmentId: string, channel?: 'sms' | 'email') {
      const started = await startCheckout(appointmentId);
      const sent = db
        .select({ n: count() })
        .from(payments)
        .where(and(eq(payments.appointmentId, appointmentId), eq(payments.kind, 'deposit')))
        .get();
      const rows = paymentMessages(
        deps,
        bookings.row(appointmentId),
        'payment_link',
        started.url,
        sent?.n ?? 0,
        clock.now(),
        channel,
      );
      if (rows.length === 0) {
        throw new PolicyError('The customer has no phone (with SMS consent) or email to send to', {
          field: 'channel',
        });
      }
      plan(rows);
      return { ...started, channels: rows.map((r) => r.channel) };
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
export type { PaymentKind, PaymentStatus };
