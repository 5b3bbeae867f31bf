import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balanceOf,
  bookingTerms,
  cancellationRefund,
  depositAmount,
  describePolicy,
  freezePolicy,
  needsSavedCard,
  noShowOutcome,
  parsePolicy,
  paymentStateOf,
  type Movement,
  type NoShowFeeInput,
  type PaymentPolicy,
} from '../../main/domain/payment-policy.js';
import { formatStartLocal } from '../../main/domain/templates.js';
import type { AppointmentStatus } from '../../main/domain/appointment-status.js';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 1, 9);

function policy(overrides: Partial<PaymentPolicy> = {}): PaymentPolicy {
  return {
    version: 1,
    currency: 'GBP',
    deposit: 1000,
    noShow: { kind: 'keep_deposit' },
    refundWindowMinutes: 24 * 60,
    lateCancelRefundPercent: 0,
    ...overrides,
  };
}

const paid = (amount: number): Movement[] => [{ kind: 'deposit', amount, status: 'succeeded' }];

describe('deposit amount', () => {
  it('takes a percentage of the price, rounded half up to the minor unit', () => {
    expect(depositAmount({ kind: 'percent', percent: 20 }, 4500)).toBe(900);
    expect(depositAmount({ kind: 'percent', percent: 33 }, 1050)).toBe(347);
  });
  it('never asks a fixed deposit above the price', () => {
    expect(depositAmount({ kind: 'fixed', amount: 5000 }, 4500)).toBe(4500);
    expect(depositAmount({ kind: 'fixed', amount: 1000 }, 4500)).toBe(1000);
  });
  it('asks nothing without a rule', () => {
    expect(depositAmount({ kind: 'none' }, 4500)).toBe(0);
  });
});

describe('frozen policy', () => {
  it('round-trips through its JSON and refuses anything else', () => {
    const frozen = freezePolicy({
      priceAmount: 4500,
      currency: 'GBP',
      deposit: { kind: 'percent', percent: 20 },
      noShowFee: { kind: 'charge_card', maxAmount: 3000 },
      cancellationRefund: { windowMinutes: 1440, latePercent: 50 },
    });
    expect(parsePolicy(JSON.stringify(frozen))).toEqual(frozen);
    expect(frozen.deposit).toBe(900);
    expect(needsSavedCard(frozen)).toBe(true);
    expect(parsePolicy(null)).toBeNull();
    expect(parsePolicy('not json')).toBeNull();
    expect(parsePolicy(JSON.stringify({ ...frozen, deposit: -1 }))).toBeNull();
    expect(parsePolicy(JSON.stringify({ ...frozen, noShow: { kind: 'charge_card' } }))).toBeNull();
  });
});

describe('cancellation refund', () => {
  const balance = balanceOf(paid(1000));
  it('refunds everything when the customer cancels outside the window', () => {
    expect(
      cancellationRefund({
        policy: policy(),
        balance,
        cancelledBy: 'customer',
        cancelledAt: start - 24 * HOUR,
        start,
      }),
    ).toEqual({ amount: 1000, reason: 'inside_window' });
  });
  it('refunds the late share when the customer cancels inside the window', () => {
    const late = { cancelledBy: 'customer' as const, cancelledAt: start - 2 * HOUR, start };
    expect(cancellationRefund({ policy: policy(), balance, ...late })).toEqual({
      amount: 0,
      reason: 'late_cancellation',
    });
    expect(
      cancellationRefund({ policy: policy({ lateCancelRefundPercent: 50 }), balance, ...late }),
    ).toEqual({ amount: 500, reason: 'late_cancellation' });
  });
  it('refunds everything when the business cancels, even at the last minute', () => {
    expect(
      cancellationRefund({
        policy: policy(),
        balance,
        cancelledBy: 'business',
        cancelledAt: start - 60_000,
        start,
      }),
    ).toEqual({ amount: 1000, reason: 'business_cancelled' });
  });
  it('has nothing to give back when nothing was paid', () => {
    expect(
      cancellationRefund({
        policy: policy(),
        balance: balanceOf([{ kind: 'deposit', amount: 1000, status: 'pending' }]),
        cancelledBy: 'business',
        cancelledAt: start - 48 * HOUR,
        start,
      }),
    ).toEqual({ amount: 0, reason: 'nothing_paid' });
  });
});

describe('no-show outcome', () => {
  const balance = balanceOf(paid(1000));
  it('keeps the deposit, charges the rest of the agreed fee, or refunds', () => {
    expect(noShowOutcome(policy(), balance)).toEqual({ refund: 0, charge: 0 });
    expect(
      noShowOutcome(policy({ noShow: { kind: 'charge_card', maxAmount: 3000 } }), balance),
    ).toEqual({ refund: 0, charge: 2000 });
    expect(noShowOutcome(policy({ noShow: { kind: 'none' } }), balance)).toEqual({
      refund: 1000,
      charge: 0,
    });
  });
});

describe('plain words', () => {
  it('states deposit, window, business cancellation and no-show fee', () => {
    const words = describePolicy(
      policy({ lateCancelRefundPercent: 50, noShow: { kind: 'charge_card', maxAmount: 3000 } }),
    ).join(' ');
    expect(words).toContain('A deposit of £10.00');
    expect(words).toContain('at least 1 day before for a full refund; after that 50% of it');
    expect(words).toContain('If we cancel, you always get the whole deposit back.');
    expect(words).toContain('charged up to £30.00 in total');
  });
  it('says nothing without a deposit or fee', () => {
    expect(describePolicy(policy({ deposit: 0, noShow: { kind: 'none' } }))).toEqual([]);
  });
});

describe("one booking's terms", () => {
  const formatInstant = (ms: number) => formatStartLocal(ms, 'Europe/London');
  const terms = (p: PaymentPolicy, held: number, now = start - 7 * 24 * HOUR) =>
    bookingTerms(p, { start, held, formatInstant, now });

  it('names the refund deadline on the wall clock and what happens after it', () => {
    expect(terms(policy(), 1000)).toBe(
      'Deposit £10.00 paid. Cancel by Mon 30 Nov, 09:00 for a full refund; after that the ' +
        'deposit is kept. If you miss the appointment, the deposit is kept.',
    );
    expect(terms(policy({ lateCancelRefundPercent: 50, noShow: { kind: 'none' } }), 0)).toBe(
      'Deposit £10.00 due. Cancel by Mon 30 Nov, 09:00 for a full refund; after that 50% of it ' +
        'is refunded. If you miss the appointment, the deposit is refunded.',
    );
  });

  it('offers no deadline already past when booked inside the window', () => {
    expect(terms(policy(), 1000, start - 2 * HOUR)).toBe(
      'Deposit £10.00 paid. The deposit is not refunded if you cancel. If you miss the ' +
        'appointment, the deposit is kept.',
    );
  });

  it('speaks of the card alone when only a no-show fee applies, and is empty with no terms', () => {
    expect(terms(policy({ deposit: 0, noShow: { kind: 'charge_card', maxAmount: 2500 } }), 0)).toBe(
      'If you miss the appointment, your card may be charged up to £25.00 in total.',
    );
    expect(terms(policy({ deposit: 0, noShow: { kind: 'keep_deposit' } }), 0)).toBe('');
  });
});

describe('payment state', () => {
  const state = (deposit: number, collected: number, returned: number, status: AppointmentStatus) =>
    paymentStateOf({ deposit, collected, returned, status });
  it('follows a deposit from asked to refunded', () => {
    expect(state(1000, 0, 0, 'pending_payment')).toBe('awaiting_deposit');
    expect(state(1000, 0, 0, 'confirmed')).toBe('awaiting_deposit');
    expect(state(1000, 0, 0, 'cancelled')).toBe('none');
    expect(state(0, 0, 0, 'confirmed')).toBe('none');
    expect(state(1000, 1000, 0, 'confirmed')).toBe('paid');
    expect(state(1000, 1000, 500, 'cancelled')).toBe('part_refunded');
    expect(state(1000, 1000, 1000, 'cancelled')).toBe('refunded');
  });
});

// ── properties ───────────────────────────────────────────────────────────────

const noShowArb: fc.Arbitrary<NoShowFeeInput> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'keep_deposit' as const }),
  fc.integer({ min: 1, max: 100_000 }).map((maxAmount) => ({
    kind: 'charge_card' as const,
    maxAmount,
  })),
);

const policyArb: fc.Arbitrary<PaymentPolicy> = fc.record({
  version: fc.constant(1 as const),
  currency: fc.constant('GBP'),
  deposit: fc.integer({ min: 0, max: 100_000 }),
  noShow: noShowArb,
  refundWindowMinutes: fc.integer({ min: 0, max: 30 * 1440 }),
  lateCancelRefundPercent: fc.integer({ min: 0, max: 100 }),
});

const movementArb: fc.Arbitrary<Movement> = fc.record({
  kind: fc.constantFrom('deposit' as const, 'refund' as const, 'no_show_fee' as const),
  amount: fc.integer({ min: 1, max: 50_000 }),
  status: fc.constantFrom(
    'pending' as const,
    'succeeded' as const,
    'failed' as const,
    'cancelled' as const,
  ),
});

/** Histories that could really happen: never more refunded than collected. */
const historyArb = fc
  .array(movementArb, { maxLength: 8 })
  .filter((ms) => balanceOf(ms).collected >= balanceOf(ms).refunded + balanceOf(ms).refundPending);

describe('payment policy properties', () => {
  it('a cancellation never refunds more than is still refundable, nor a negative amount', () => {
    fc.assert(
      fc.property(
        policyArb,
        historyArb,
        fc.constantFrom('customer' as const, 'business' as const),
        fc.integer({ min: -60 * 1440, max: 60 * 1440 }),
        (p, history, cancelledBy, minutesBefore) => {
          const balance = balanceOf(history);
          const refund = cancellationRefund({
            policy: p,
            balance,
            cancelledBy,
            cancelledAt: start - minutesBefore * 60_000,
            start,
          });
          expect(refund.amount).toBeGreaterThanOrEqual(0);
          expect(refund.amount).toBeLessThanOrEqual(balance.refundable);
          // After the refund, the customer has never got back more than they paid.
          expect(balance.refunded + balance.refundPending + refund.amount).toBeLessThanOrEqual(
            balance.collected,
          );
        },
      ),
    );
  });

  it('the business cancelling always refunds everything still held', () => {
    fc.assert(
      fc.property(policyArb, historyArb, fc.integer(), (p, history, at) => {
        const balance = balanceOf(history);
        const refund = cancellationRefund({
          policy: p,
          balance,
          cancelledBy: 'business',
          cancelledAt: at,
          start,
        });
        expect(refund.amount).toBe(balance.refundable);
      }),
    );
  });

  it('cancelling earlier never refunds less than cancelling later', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 60 * 1440 }),
        fc.integer({ min: 0, max: 60 * 1440 }),
        (p, deposit, a, b) => {
          const balance = balanceOf(paid(deposit));
          const at = (minutes: number) =>
            cancellationRefund({
              policy: p,
              balance,
              cancelledBy: 'customer',
              cancelledAt: start - minutes * 60_000,
              start,
            }).amount;
          const [earlier, later] = a >= b ? [a, b] : [b, a];
          expect(at(earlier)).toBeGreaterThanOrEqual(at(later));
        },
      ),
    );
  });

  it('a no-show never refunds more than refundable and never charges past the agreed total', () => {
    fc.assert(
      fc.property(policyArb, historyArb, (p, history) => {
        const balance = balanceOf(history);
        const outcome = noShowOutcome(p, balance);
        expect(outcome.refund).toBeGreaterThanOrEqual(0);
        expect(outcome.refund).toBeLessThanOrEqual(balance.refundable);
        expect(outcome.charge).toBeGreaterThanOrEqual(0);
        const cap = p.noShow.kind === 'charge_card' ? p.noShow.maxAmount : 0;
        expect(balance.held + outcome.charge).toBeLessThanOrEqual(Math.max(cap, balance.held));
      }),
    );
  });

  it('the deposit is never negative and a percentage never exceeds the price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        (price, percent) => {
          const amount = depositAmount({ kind: 'percent', percent }, price);
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual(price);
        },
      ),
    );
  });
});
