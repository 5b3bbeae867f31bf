// Demo mode's checkout sessions and refunds in the business's database (migration 0005): a
// restart of the app keeps a customer's open demo checkout payable, as Stripe would.
import { eq } from 'drizzle-orm';
import { demoCheckouts, demoRefunds } from '../../../db/schema.js';
import type { DemoPaymentStore, StoredDemoCheckout } from './demo.js';
import type { ProviderRefund } from './payment-provider.js';
import type { Core } from '../../core/context.js';

type CheckoutRow = typeof demoCheckouts.$inferSelect;
type RefundRow = typeof demoRefunds.$inferSelect;

const toCheckout = (row: CheckoutRow): StoredDemoCheckout => ({
  id: row.id,
  state: row.state,
  amount: row.amount,
  currency: row.currency,
  paymentIntentId: row.paymentIntentId,
  customerId: row.customerId,
  paymentMethodId: row.paymentMethodId,
  description: row.description,
  successUrl: row.successUrl,
  cancelUrl: row.cancelUrl,
  saveCard: row.saveCard,
  expiresAt: row.expiresAt,
});

// The demo provider settles every refund at once.
const toRefund = (row: RefundRow): ProviderRefund => ({
  id: row.id,
  state: 'succeeded',
  amount: row.amount,
  paymentIntentId: row.paymentIntentId,
  failureMessage: null,
});

export function createDemoPaymentStore(core: Core): DemoPaymentStore {
  const { db, clock } = core;
  return {
    checkout(id) {
      const row = db.select().from(demoCheckouts).where(eq(demoCheckouts.id, id)).get();
      return row ? toCheckout(row) : undefined;
    },
    checkoutByKey(key) {
      const row = db
        .select()
        .from(demoCheckouts)
        .where(eq(demoCheckouts.idempotencyKey, key))
        .get();
      return row ? toCheckout(row) : undefined;
    },
    addCheckout(session, idempotencyKey) {
      db.insert(demoCheckouts)
        .values({ ...session, idempotencyKey, createdAt: clock.now() })
        .run();
    },
    updateCheckout(session) {
      db.update(demoCheckouts)
        .set({
          state: session.state,
          paymentIntentId: session.paymentIntentId,
          customerId: session.customerId,
          paymentMethodId: session.paymentMethodId,
        })
        .where(eq(demoCheckouts.id, session.id))
        .run();
    },
    refund(id) {
      const row = db.select().from(demoRefunds).where(eq(demoRefunds.id, id)).get();
      return row ? toRefund(row) : undefined;
    },
    refundByKey(key) {
      const row = db.select().from(demoRefunds).where(eq(demoRefunds.idempotencyKey, key)).get();
      return row ? toRefund(row) : undefined;
    },
    addRefund(refund, idempotencyKey) {
      db.insert(demoRefunds)
        .values({
          id: refund.id,
          idempotencyKey,
          amount: refund.amount,
          paymentIntentId: refund.paymentIntentId,
          createdAt: clock.now(),
        })
        .run();
    },
  };
}
