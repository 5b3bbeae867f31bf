// Money going back and fees coming in, each one row claimed before the provider is called: a
// cancellation refunds per the frozen policy (the business cancelling returns everything), a
// no-show keeps the deposit or charges the saved card off-session (a decline is recorded, never
// retried on its own), and the desk refunds part with a reason. A second request with the same
// idempotency key (a double click, a replayed event) finds the claimed row and answers it.
import {
  balanceOf,
  cancellationRefund,
  noShowOutcome,
  parsePolicy,
} from '../domain/payment-policy.js';
import { PolicyError, ValidationError } from '../core/errors.js';
import type { PaymentProvider } from '../integrations/payments/payment-provider.js';
import type { BookingService } from '../appointments/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { PaymentRow, PaymentRows } from './rows.js';

export interface RefundRequest {
  appointmentId: string;
  amount: number;
  reason: string;
  idempotencyKey: string;
  /** An automatic refund finding nothing to give back is not an error. */
  tolerateNothingRefundable?: boolean;
}

export function createRefunds(
  core: Core,
  deps: {
    rows: PaymentRows;
    bookings: BookingService;
    catalog: CatalogService;
    provider: () => PaymentProvider;
    log: (message: string, error?: unknown) => void;
  },
) {
  const { clock, write } = core;
  const { bookings, catalog } = deps;
  const { rowsOf, byKey, update, insert, byRefundId } = deps.rows;
  const options = { provider: deps.provider, log: deps.log };
  const balance = (appointmentId: string) => balanceOf(rowsOf(appointmentId));

  /** The collected payment a refund goes back to: the one with the most left to refund. */
  function refundSource(rows: PaymentRow[]): { row: PaymentRow; left: number } | null {
    let best: { row: PaymentRow; left: number } | null = null;
    for (const row of rows) {
      if (row.kind === 'refund' || row.status !== 'succeeded' || !row.paymentIntentId) continue;
      const returned = rows
        .filter(
          (r) =>
            r.kind === 'refund' &&
            r.paymentIntentId === row.paymentIntentId &&
            (r.status === 'succeeded' || r.status === 'pending'),
        )
        .reduce((sum, r) => sum + r.amount, 0);
      const left = row.amount - returned;
      if (left > 0 && (!best || left > best.left)) best = { row, left };
    }
    return best;
  }

  /**
   * One refund movement. The row is claimed synchronously before the provider is called, so a
   * second request with the same key (a double click) finds it and answers it instead.
   */
  async function issueRefund(request: RefundRequest): Promise<PaymentRow | null> {
    const claimed = write((): PaymentRow | null => {
      const earlier = byKey(request.idempotencyKey);
      if (earlier) return earlier;
      const rows = rowsOf(request.appointmentId);
      const source = refundSource(rows);
      const refundable = balanceOf(rows).refundable;
      if (!source || refundable === 0) {
        if (request.tolerateNothingRefundable) return null;
        throw new PolicyError('Nothing paid for this booking is left to refund', {
          field: 'amount',
        });
      }
      if (request.amount > Math.min(refundable, source.left)) {
        throw new ValidationError([
          {
            field: 'amount',
            message: `is more than can be refunded (at most ${Math.min(refundable, source.left)})`,
          },
        ]);
      }
      return insert({
        appointmentId: request.appointmentId,
        kind: 'refund',
        amount: request.amount,
        currency: source.row.currency,
        provider: source.row.provider,
        paymentIntentId: source.row.paymentIntentId,
        idempotencyKey: request.idempotencyKey,
        reason: request.reason,
      });
    })();
    if (!claimed || claimed.status !== 'pending' || claimed.refundId) return claimed;
    return sendRefund(claimed);
  }

  /** Asks the provider for a claimed refund; a failure leaves it pending for reconciliation. */
  async function sendRefund(row: PaymentRow): Promise<PaymentRow> {
    try {
      const refund = await options.provider().refund({
        paymentIntentId: row.paymentIntentId ?? '',
        amount: row.amount,
        reason: row.reason ?? '',
        idempotencyKey: row.idempotencyKey,
      });
      return update(row.id, {
        refundId: refund.id,
        status: refund.state === 'pending' ? 'pending' : refund.state,
        failureMessage: refund.failureMessage,
      });
    } catch (error) {
      options.log(`refund ${row.id} not sent yet; reconciliation will retry`, error);
      return update(row.id, { failureMessage: error instanceof Error ? error.message : 'failed' });
    }
  }

  /** A cancellation refunds per the frozen policy: the business cancelling returns everything. */
  async function onCancelled(appointmentId: string): Promise<PaymentRow | null> {
    const appointment = bookings.row(appointmentId);
    const policy = parsePolicy(appointment.paymentPolicy);
    if (!policy) return null;
    const step = bookings.lastStatusChange(appointmentId);
    const refund = cancellationRefund({
      policy,
      balance: balance(appointmentId),
      cancelledBy: step?.actor === 'customer' ? 'customer' : 'business',
      cancelledAt: step?.at ?? clock.now(),
      start: appointment.startAt,
    });
    if (refund.amount === 0) return null;
    return issueRefund({
      appointmentId,
      amount: refund.amount,
      reason: refund.reason.replace(/_/g, ' '),
      idempotencyKey: `refund:${appointmentId}:cancellation`,
      tolerateNothingRefundable: true,
    });
  }

  /** A no-show keeps the deposit, charges the saved card, or refunds, per the frozen policy. */
  async function onNoShow(appointmentId: string): Promise<PaymentRow | null> {
    const appointment = bookings.row(appointmentId);
    const policy = parsePolicy(appointment.paymentPolicy);
    if (!policy) return null;
    const rows = rowsOf(appointmentId);
    const outcome = noShowOutcome(policy, balanceOf(rows));
    if (outcome.refund > 0) {
      return issueRefund({
        appointmentId,
        amount: outcome.refund,
        reason: 'no-show without a fee',
        idempotencyKey: `refund:${appointmentId}:no_show`,
        tolerateNothingRefundable: true,
      });
    }
    if (outcome.charge === 0) return null;
    const key = `no_show_fee:${appointmentId}`;
    const earlier = byKey(key);
    if (earlier) return earlier;
    const card = rows.find(
      (r) => r.kind === 'deposit' && r.paymentMethodId && r.providerCustomerId,
    );
    const row = insert({
      appointmentId,
      kind: 'no_show_fee',
      amount: outcome.charge,
      currency: policy.currency,
      idempotencyKey: key,
      reason: 'no-show fee',
    });
    if (!card?.paymentMethodId || !card.providerCustomerId) {
      return update(row.id, { status: 'failed', failureMessage: 'No card was saved at booking' });
    }
    try {
      const charge = await options.provider().chargeOffSession({
        appointmentId,
        amount: row.amount,
        currency: row.currency,
        customerId: card.providerCustomerId,
        paymentMethodId: card.paymentMethodId,
        description: `No-show fee: ${catalog.serviceRow(appointment.serviceId).name}`,
        idempotencyKey: key,
      });
      // A declined charge is recorded and shown; it is never retried on its own.
      return charge.state === 'succeeded'
        ? update(row.id, { status: 'succeeded', paymentIntentId: charge.paymentIntentId })
        : update(row.id, {
            status: 'failed',
            paymentIntentId: charge.paymentIntentId,
            failureMessage: charge.message,
          });
    } catch (error) {
      options.log(`no-show fee ${row.id} not charged`, error);
      return update(row.id, {
        status: 'failed',
        failureMessage: error instanceof Error ? error.message : 'The charge failed',
      });
    }
  }

  function applyRefund(
    refundId: string,
    state: 'pending' | 'succeeded' | 'failed',
    failureMessage: string | null,
  ): string {
    const row = byRefundId(refundId);
    if (!row) return 'unknown';
    if (row.status === state) return 'already_applied';
    // A settled refund stays settled; only a pending one moves.
    if (row.status !== 'pending') return 'already_applied';
    update(row.id, { status: state, failureMessage });
    return state;
  }

  return { issueRefund, sendRefund, onCancelled, onNoShow, applyRefund };
}

export type Refunds = ReturnType<typeof createRefunds>;
