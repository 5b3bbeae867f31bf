// Payments: deposits and checkout, refunds and fees, holds, the reconciler and the terms a message
// states. The only door into this folder.
export { createPaymentService } from './deposits.js';
export type { CheckoutOutcome, PaymentRow } from './deposits.js';
export { createPaymentReconciler } from './reconciler.js';
export type { PaymentReconciler } from './reconciler.js';
export { createPaymentTermsReader } from './terms.js';
export type { PaymentTermsReader } from './terms.js';
