// The money rules of one booking: what deposit it asks, what a no-show costs and how much of the
// deposit a cancellation gives back. The service's rules are copied onto the appointment when it
// is booked (freezePolicy), so editing the service later never rewrites what the customer agreed
// to; every refund and fee is then computed from that frozen copy and from the movements already
// recorded, never from the service as it stands today.
import type { AppointmentStatus } from './appointment-status.js';
import { MINUTE_MS } from './time.js';

export type DepositRuleInput =
  { kind: 'none' } | { kind: 'fixed'; amount: number } | { kind: 'percent'; percent: number };

export type NoShowFeeInput =
  { kind: 'none' } | { kind: 'keep_deposit' } | { kind: 'charge_card'; maxAmount: number };

/** What the customer agreed to, as stored in appointments.payment_policy. */
export interface PaymentPolicy {
  version: 1;
  currency: string;
  /** Minor units asked at booking; 0 = no deposit. */
  deposit: number;
  noShow: NoShowFeeInput;
  /** Cancelling at least this long before the start refunds the whole deposit. */
  refundWindowMinutes: number;
  /** Share of the deposit refunded for a later cancellation, whole percent. */
  lateCancelRefundPercent: number;
}

export interface ServicePaymentRules {
  priceAmount: number;
  currency: string;
  deposit: DepositRuleInput;
  noShowFee: NoShowFeeInput;
  cancellationRefund: { windowMinutes: number; latePercent: number };
}

/**
 * The deposit for a price. A percentage rounds half up to the minor unit; a fixed deposit never
 * asks more than the service costs (a free service asks its fixed deposit as a booking fee).
 */
export function depositAmount(rule: DepositRuleInput, priceAmount: number): number {
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return priceAmount > 0 ? Math.min(rule.amount, priceAmount) : rule.amount;
    case 'percent':
      return Math.round((priceAmount * rule.percent) / 100);
    default: {
      const never: never = rule;
      throw new Error(`Unknown deposit rule ${String(never)}`);
    }
  }
}

export function freezePolicy(rules: ServicePaymentRules): PaymentPolicy {
  return {
    version: 1,
    currency: rules.currency,
    deposit: depositAmount(rules.deposit, rules.priceAmount),
    noShow: rules.noShowFee,
    refundWindowMinutes: rules.cancellationRefund.windowMinutes,
    lateCancelRefundPercent: rules.cancellationRefund.latePercent,
  };
}

/** A service's payment columns as stored (services table). */
export interface ServicePaymentColumns {
  depositKind: DepositRuleInput['kind'];
  depositValue: number;
  noShowFeeKind: NoShowFeeInput['kind'];
  noShowFeeAmount: number;
  refundWindowMinutes: number;
  lateCancelRefundPercent: number;
}

/** The policy a booking of this service at this price agrees to, from the service's columns. */
export function policyForService(
  service: ServicePaymentColumns,
  priceAmount: number,
  currency: string,
): PaymentPolicy {
  return freezePolicy({
    priceAmount,
    currency,
    deposit:
      service.depositKind === 'fixed'
        ? { kind: 'fixed', amount: service.depositValue }
        : service.depositKind === 'percent'
          ? { kind: 'percent', percent: service.depositValue }
          : { kind: 'none' },
    noShowFee:
      service.noShowFeeKind === 'charge_card'
        ? { kind: 'charge_card', maxAmount: service.noShowFeeAmount }
        : { kind: service.noShowFeeKind },
    cancellationRefund: {
      windowMinutes: service.refundWindowMinutes,
      latePercent: service.lateCancelRefundPercent,
    },
  });
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The stored JSON back as a policy; null when absent or not one we wrote. */
export function parsePolicy(json: string | null): PaymentPolicy | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Partial<PaymentPolicy>;
  if (p.version !== 1 || typeof p.currency !== 'string' || !isCount(p.deposit)) return null;
  if (!isCount(p.refundWindowMinutes) || !isCount(p.lateCancelRefundPercent)) return null;
  const noShow = p.noShow;
  if (!noShow || !['none', 'keep_deposit', 'charge_card'].includes(noShow.kind)) return null;
  if (noShow.kind === 'charge_card' && !isCount(noShow.maxAmount)) return null;
  return p as PaymentPolicy;
}

/** Checkout must save the card for later (Stripe setup_future_usage: off_session). */
export function needsSavedCard(policy: PaymentPolicy): boolean {
  return policy.noShow.kind === 'charge_card' && policy.noShow.maxAmount > policy.deposit;
}

// ── movements and balance ───────────────────────────────────────────────────

/** in_person: a deposit taken at the desk; held like any other, but no provider can refund it. */
export type MovementKind = 'deposit' | 'refund' | 'no_show_fee' | 'in_person';
export type MovementStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export interface Movement {
  kind: MovementKind;
  amount: number;
  status: MovementStatus;
}

export interface Balance {
  /** Deposits and fees the provider has confirmed. */
  collected: number;
  /** Refunds the provider has confirmed. */
  refunded: number;
  /** Refunds asked for and not yet confirmed: already promised to the customer. */
  refundPending: number;
  /** What the business holds: collected − refunded. */
  held: number;
  /** Taken at the desk (cash, the desk's own terminal): given back at the desk, not online. */
  takenInPerson: number;
  /** What may still be refunded through the provider: collected − in person − refunded − pending. */
  refundable: number;
}

export function balanceOf(movements: readonly Movement[]): Balance {
  let collected = 0;
  let refunded = 0;
  let refundPending = 0;
  let takenInPerson = 0;
  for (const m of movements) {
    if (m.kind === 'refund') {
      if (m.status === 'succeeded') refunded += m.amount;
      else if (m.status === 'pending') refundPending += m.amount;
    } else if (m.status === 'succeeded') {
      collected += m.amount;
      if (m.kind === 'in_person') takenInPerson += m.amount;
    }
  }
  return {
    collected,
    refunded,
    refundPending,
    held: collected - refunded,
    takenInPerson,
    refundable: Math.max(0, collected - takenInPerson - refunded - refundPending),
  };
}

// ── outcomes ────────────────────────────────────────────────────────────────

export type Canceller = 'customer' | 'business';

export type CancellationRefund =
  | { amount: number; reason: 'business_cancelled' | 'inside_window' | 'late_cancellation' }
  | { amount: 0; reason: 'nothing_paid' };

/**
 * What a cancellation gives back. The business cancelling always returns everything still held;
 * the customer gets it all back when cancelling at least the window before the start, otherwise
 * the late share of the deposit. Never more than is still refundable.
 */
export function cancellationRefund(input: {
  policy: PaymentPolicy;
  balance: Balance;
  cancelledBy: Canceller;
  cancelledAt: number;
  start: number;
}): CancellationRefund {
  const { policy, balance } = input;
  if (balance.refundable === 0) return { amount: 0, reason: 'nothing_paid' };
  if (input.cancelledBy === 'business') {
    return { amount: balance.refundable, reason: 'business_cancelled' };
  }
  if (input.start - input.cancelledAt >= policy.refundWindowMinutes * MINUTE_MS) {
    return { amount: balance.refundable, reason: 'inside_window' };
  }
  const share = Math.floor((balance.collected * policy.lateCancelRefundPercent) / 100);
  const alreadyReturned = balance.refunded + balance.refundPending;
  return {
    amount: Math.max(0, Math.min(balance.refundable, share - alreadyReturned)),
    reason: 'late_cancellation',
  };
}

export interface NoShowOutcome {
  /** Given back: only when the policy charges nothing for a no-show. */
  refund: number;
  /** Charged to the saved card, off-session, on top of the deposit kept. */
  charge: number;
}

/**
 * A no-show keeps the deposit (keep_deposit), or keeps it and charges the saved card up to the
 * agreed total (charge_card), or returns it (none).
 */
export function noShowOutcome(policy: PaymentPolicy, balance: Balance): NoShowOutcome {
  switch (policy.noShow.kind) {
    case 'none':
      return { refund: balance.refundable, charge: 0 };
    case 'keep_deposit':
      return { refund: 0, charge: 0 };
    case 'charge_card':
      return { refund: 0, charge: Math.max(0, policy.noShow.maxAmount - balance.held) };
    default: {
      const never: never = policy.noShow;
      throw new Error(`Unknown no-show fee ${String(never)}`);
    }
  }
}

// ── plain words ─────────────────────────────────────────────────────────────

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100);
}

function formatWindow(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}

/** What happens to the deposit after the full-refund window, as the tail of a sentence. */
function lateWords(policy: PaymentPolicy): string {
  return policy.lateCancelRefundPercent === 0
    ? 'after that the deposit is kept'
    : policy.lateCancelRefundPercent === 100
      ? 'after that it is still refunded in full'
      : `after that ${policy.lateCancelRefundPercent}% of it is refunded`;
}

/** The no-show sentence; null when a no-show costs nothing and no deposit is at stake. */
function noShowWords(policy: PaymentPolicy): string | null {
  const money = (amount: number) => formatMoney(amount, policy.currency);
  switch (policy.noShow.kind) {
    case 'none':
      return policy.deposit > 0 ? 'If you miss the appointment, the deposit is refunded.' : null;
    case 'keep_deposit':
      return policy.deposit > 0 ? 'If you miss the appointment, the deposit is kept.' : null;
    case 'charge_card':
      return `If you miss the appointment, your card may be charged up to ${money(policy.noShow.maxAmount)} in total.`;
    default: {
      const never: never = policy.noShow;
      throw new Error(`Unknown no-show fee ${String(never)}`);
    }
  }
}

/** Whether the policy says anything about money at all. */
export function hasPaymentTerms(policy: PaymentPolicy): boolean {
  return noShowWords(policy) !== null;
}

/** The policy as the customer reads it before booking (widget, services list); empty without terms. */
export function describePolicy(policy: PaymentPolicy): string[] {
  const money = (amount: number) => formatMoney(amount, policy.currency);
  const lines: string[] = [];
  if (policy.deposit > 0) {
    lines.push(`A deposit of ${money(policy.deposit)} is paid now to secure the booking.`);
    lines.push(
      policy.refundWindowMinutes === 0
        ? 'Cancel any time before the appointment for a full refund.'
        : `Cancel at least ${formatWindow(policy.refundWindowMinutes)} before for a full refund; ${lateWords(policy)}.`,
    );
    lines.push('If we cancel, you always get the whole deposit back.');
  }
  const noShow = noShowWords(policy);
  if (noShow) lines.push(noShow);
  return lines;
}

/** The booking's own moment and money, which turn the policy into dated words. */
export interface BookingTermsInput {
  /** Appointment start, UTC epoch ms. */
  start: number;
  /** Deposit money the business holds for the booking (collected − refunded). */
  held: number;
  /** Formats an instant on the business's wall clock ("Tue 1 Dec, 09:00"). */
  formatInstant: (ms: number) => string;
  /** When the words are written: a refund deadline already past is not offered. */
  now: number;
}

/**
 * The frozen policy of one booking as one paragraph, with its real deadline: "Deposit £10.00 paid.
 * Cancel by Tue 3 Dec, 14:00 for a full refund; after that the deposit is kept. If you miss the
 * appointment, the deposit is kept." Empty when the policy says nothing about money. Used by the
 * confirmation messages and the widget's manage page, so both say the same thing.
 */
export function bookingTerms(policy: PaymentPolicy, input: BookingTermsInput): string {
  const money = (amount: number) => formatMoney(amount, policy.currency);
  const sentences: string[] = [];
  if (policy.deposit > 0) {
    sentences.push(
      input.held > 0
        ? `Deposit ${money(input.held)} paid.`
        : `Deposit ${money(policy.deposit)} due.`,
    );
    const deadline = input.start - policy.refundWindowMinutes * MINUTE_MS;
    if (policy.refundWindowMinutes === 0) {
      sentences.push('Cancel any time before the appointment for a full refund.');
    } else if (input.now < deadline) {
      sentences.push(
        `Cancel by ${input.formatInstant(deadline)} for a full refund; ${lateWords(policy)}.`,
      );
    } else {
      // Booked inside the window: only the late share is ever refunded.
      sentences.push(
        policy.lateCancelRefundPercent === 0
          ? 'The deposit is not refunded if you cancel.'
          : `If you cancel, ${policy.lateCancelRefundPercent}% of the deposit is refunded.`,
      );
    }
  }
  const noShow = noShowWords(policy);
  if (noShow) sentences.push(noShow);
  return sentences.join(' ');
}

/** How a booking's money stands, in one word the desk and the customer both read. */
export type PaymentState = 'none' | 'awaiting_deposit' | 'paid' | 'part_refunded' | 'refunded';

/**
 * Where a booking's money stands, from its frozen deposit and its movements' totals (the calendar
 * reads those totals for a whole week in one query). Only a booking still ahead can be awaiting
 * its deposit: a cancelled one that was never paid owes nothing.
 */
export function paymentStateOf(input: {
  /** The deposit the frozen policy asks; 0 = none. */
  deposit: number;
  /** Succeeded deposits and fees. */
  collected: number;
  /** Refunds succeeded or on their way. */
  returned: number;
  status: AppointmentStatus;
}): PaymentState {
  if (input.collected > 0) {
    if (input.returned === 0) return 'paid';
    return input.returned >= input.collected ? 'refunded' : 'part_refunded';
  }
  const ahead = input.status === 'pending_payment' || input.status === 'confirmed';
  return ahead && input.deposit > 0 ? 'awaiting_deposit' : 'none';
}
