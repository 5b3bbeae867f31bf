// The desk's payment channels: an appointment's movements and balance, refunds with a reason, a
// payment link for a phone booking, and the Stripe credentials.
import type { AppointmentPayments, PaymentMovement } from '../../../preload/contract/index.js';
import type { Services } from '../../app.js';
import type { PaymentRow } from '../../payments/index.js';
import type { HandlerGroup } from '../router.js';

function toMovement(row: PaymentRow): PaymentMovement {
  return {
    id: row.id,
    kind: row.kind,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    provider: row.provider,
    reason: row.reason,
    failureMessage: row.failureMessage,
    providerReference: row.refundId ?? row.paymentIntentId ?? row.checkoutSessionId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function paymentHandlers(s: Services): HandlerGroup {
  function forAppointment(appointmentId: string): AppointmentPayments {
    const appointment = s.bookings.row(appointmentId);
    return {
      appointmentId,
      currency: appointment.currency,
      depositAmount: appointment.depositAmount,
      policy: s.payments.policy(appointmentId).words,
      movements: s.payments.movements(appointmentId).map(toMovement),
      balance: s.payments.balance(appointmentId),
    };
  }

  function connection() {
    const current = s.paymentRuntime.settings.get();
    return {
      provider: s.paymentRuntime.provider().name,
      stripeKeySet: current.stripeSecretKey !== null,
      webhookSecretSet: current.stripeWebhookSecret !== null,
    };
  }

  return {
    'payments.forAppointment': (input) => forAppointment(input.appointmentId),
    'payments.refund': async (input) => {
      await s.payments.refund(input);
      return forAppointment(input.appointmentId);
    },
    'payments.takeInPerson': (input) => {
      s.payments.takeInPerson(input);
      return forAppointment(input.appointmentId);
    },
    'payments.sendLink': async (input) => {
      const sent = await s.payments.sendPaymentLink(input.appointmentId, input.channel);
      return { url: sent.url, channels: sent.channels };
    },
    'payments.connection.get': () => connection(),
    'payments.connection.update': (input) => {
      s.paymentRuntime.settings.setStripe({
        ...(input.stripeSecretKey !== undefined ? { secretKey: input.stripeSecretKey } : {}),
        ...(input.stripeWebhookSecret !== undefined
          ? { webhookSecret: input.stripeWebhookSecret }
          : {}),
      });
      return connection();
    },
  };
}
