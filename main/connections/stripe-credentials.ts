// The Stripe credentials in connection_settings. Only the stripe_* columns are written here (the
// messaging settings own the Twilio, SMTP and public URL fields of the same row); an absent secret
// key means demo payments.
import { eq } from 'drizzle-orm';
import { connectionSettings } from '../../db/schema.js';
import type { Core } from '../core/context.js';

export interface PaymentConnection {
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
}

export function createPaymentSettings(core: Core) {
  const { db, clock } = core;
  const read = db.select().from(connectionSettings).where(eq(connectionSettings.id, 1)).prepare();

  return {
    get(): PaymentConnection {
      const row = read.get();
      return {
        stripeSecretKey: row?.stripeSecretKey ?? null,
        stripeWebhookSecret: row?.stripeWebhookSecret ?? null,
      };
    },

    /** null clears a field; undefined leaves it. */
    setStripe(patch: { secretKey?: string | null; webhookSecret?: string | null }): void {
      const set = {
        ...(patch.secretKey !== undefined ? { stripeSecretKey: patch.secretKey } : {}),
        ...(patch.webhookSecret !== undefined ? { stripeWebhookSecret: patch.webhookSecret } : {}),
        updatedAt: clock.now(),
      };
      db.insert(connectionSettings)
        .values({ id: 1, ...set })
        .onConflictDoUpdate({ target: connectionSettings.id, set })
        .run();
    },
  };
}

export type PaymentSettings = ReturnType<typeof createPaymentSettings>;
