// Which payment provider answers now, and where customers reach us. Read per call from the
// connection settings, so entering Stripe keys takes effect without a restart; without a secret
// key the demo provider answers, with its fake checkout page on the public listener.
import { createDemoPaymentProvider, type DemoPaymentProvider } from './demo.js';
import type { PaymentProvider } from './payment-provider.js';
import { createStripeProvider, type StripeApiAddress } from './stripe.js';
import type { Core } from '../../core/context.js';
import { createDemoPaymentStore } from './demo-store.js';
import {
  createPaymentSettings,
  type PaymentSettings,
  type PublicAddress,
} from '../../connections/index.js';

export interface PaymentRuntimeOptions {
  /** Points the Stripe client at another host (the wire-level fake in tests). */
  stripeApi?: StripeApiAddress;
  /** Where checkout pages and return links point. */
  publicAddress: PublicAddress;
  log: (message: string, error?: unknown) => void;
}

export interface PaymentRuntime {
  settings: PaymentSettings;
  demo: DemoPaymentProvider;
  provider(): PaymentProvider;
  /** connection_settings.public_base_url, else the public listener's own address. */
  publicBaseUrl(): string;
  /** The outbox got new rows; bound to the reminder loop's wake() by the composition root. */
  wake(): void;
  setWake(wake: () => void): void;
  log: (message: string, error?: unknown) => void;
}

export function createPaymentRuntime(core: Core, options: PaymentRuntimeOptions): PaymentRuntime {
  const settings = createPaymentSettings(core);
  let wake = () => {};
  // Before a host listens (the core alone, in tests) the default public port is the best guess.
  const publicBaseUrl = () => options.publicAddress.baseUrl() ?? 'http://127.0.0.1:8787';
  const demo = createDemoPaymentProvider({
    baseUrl: publicBaseUrl,
    now: () => core.clock.now(),
    store: createDemoPaymentStore(core),
  });
  let stripe: { key: string; webhookSecret: string | null; provider: PaymentProvider } | null =
    null;

  return {
    settings,
    demo,
    provider() {
      const { stripeSecretKey, stripeWebhookSecret } = settings.get();
      if (!stripeSecretKey) return demo;
      if (stripe?.key !== stripeSecretKey || stripe.webhookSecret !== stripeWebhookSecret) {
        stripe = {
          key: stripeSecretKey,
          webhookSecret: stripeWebhookSecret,
          provider: createStripeProvider({
            secretKey: stripeSecretKey,
            webhookSecret: stripeWebhookSecret,
            ...(options.stripeApi ? { api: options.stripeApi } : {}),
          }),
        };
      }
      return stripe.provider;
    },
    publicBaseUrl,
    wake: () => wake(),
    setWake(next) {
      wake = next;
    },
    log: options.log,
  };
}
