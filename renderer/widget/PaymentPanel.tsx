// The money of one booking on the manage page: what was paid and refunded, the terms agreed when
// booking (worded by the server, so the page and the confirmation message say the same), and
// before a cancellation what it would give back.
import type { BookingPayment } from './api.js';
import { useWidget } from './context.js';
import { formatMoney } from './format.js';
import { fill } from './labels.js';

export function PaymentPanel(props: { payment: BookingPayment }) {
  const { labels, locale } = useWidget();
  const p = props.payment;
  const money = (amount: number) => formatMoney({ amount, currency: p.currency }, locale);
  const lines: string[] = [];
  if (p.state === 'awaiting_deposit') {
    lines.push(fill(labels.depositAwaiting, { amount: money(p.deposit) }));
  } else if (p.paid > 0) {
    lines.push(fill(labels.depositPaid, { amount: money(p.paid) }));
  }
  if (p.refunded > 0) lines.push(fill(labels.refundedSoFar, { amount: money(p.refunded) }));
  if (p.refund_pending > 0) {
    lines.push(fill(labels.refundOnItsWay, { amount: money(p.refund_pending) }));
  }
  if (p.paid > 0 && p.balance_due > 0) {
    lines.push(fill(labels.balanceDue, { amount: money(p.balance_due) }));
  }
  return (
    <section
      class="payment"
      data-testid="booking-payment"
      data-state={p.state}
      aria-label={labels.paymentTitle}
    >
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {p.policy.terms ? (
        <p class="muted" data-testid="payment-terms">
          {p.policy.terms}
        </p>
      ) : null}
    </section>
  );
}

/** Said before the customer confirms a cancellation; nothing when nothing was paid. */
export function CancelRefundNotice(props: { payment: BookingPayment }) {
  const { labels, locale } = useWidget();
  const p = props.payment;
  if (p.paid === 0) return null;
  const amount = formatMoney({ amount: p.refund_if_cancelled_now, currency: p.currency }, locale);
  return (
    <p data-testid="cancel-refund" data-amount={p.refund_if_cancelled_now}>
      {p.refund_if_cancelled_now > 0
        ? fill(labels.cancelRefund, { amount })
        : labels.cancelNoRefund}
    </p>
  );
}
