// Connections: how the app reaches the outside world and lets it in — the public address, the
// Twilio, SMTP and Stripe credentials, trusted proxies and admin API keys. The only door into this
// folder.
export { createApiKeyService } from './api-keys.js';
export type { ApiKeyService } from './api-keys.js';
export { createPublicAddress } from './public-address.js';
export type { PublicAddress } from './public-address.js';
export {
  createConnectionSettingsService,
  smtpCredentialsOf,
  twilioCredentialsOf,
} from './settings.js';
export type { ConnectionRow, ConnectionSettingsService } from './settings.js';
export { createPaymentSettings } from './stripe-credentials.js';
export type { PaymentSettings } from './stripe-credentials.js';
export { readTrustedProxies } from './trusted-proxies.js';
