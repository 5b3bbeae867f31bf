// The payment messages (a link to pay a deposit, word of a refund) as outbox rows, in the words of
// the default templates. They go through the same outbox and loop as reminders, so quiet hours,
// retries and the desk's outbox view apply to them too.
import type { appointments } from '../../db/schema.js';
import { dedupeKey, type MessageChannel } from '../domain/message-kinds.js';
import {
  DEFAULT_TEMPLATES,
  renderEmailText,
  renderSmsText,
  type TemplateData,
} from '../domain/templates.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { CustomerService } from '../customers/index.js';
import type { NewOutboxMessage } from '../messaging/index.js';

export interface PaymentMessageDeps {
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
}

export type PaymentMessageKind = 'payment_link' | 'payment_refunded';

/**
 * One row per channel the customer can be reached on (SMS needs consent and a valid number).
 * `link` is the checkout page for payment_link and the booking page for payment_refunded.
 */
export function paymentMessages(
  deps: PaymentMessageDeps,
  appointment: typeof appointments.$inferSelect,
  kind: PaymentMessageKind,
  link: string,
  revision: number,
  now: number,
  only?: MessageChannel,
): NewOutboxMessage[] {
  const customer = deps.customers.row(appointment.customerId);
  const business = deps.settings.get();
  const data: TemplateData = {
    customerName: customer.name,
    serviceName: deps.catalog.serviceRow(appointment.serviceId).name,
    staffName: deps.catalog.staffRow(appointment.staffId).name,
    start: appointment.startAt,
    timeZone: business.timeZone,
    businessName: business.name,
    manageLink: kind === 'payment_link' ? link : '',
    rebookLink: kind === 'payment_refunded' ? link : '',
  };
  const template = DEFAULT_TEMPLATES[kind];
  const base = (channel: MessageChannel) => ({
    appointmentId: appointment.id,
    customerId: customer.id,
    channel,
    kind,
    dueAt: now,
    dedupeKey: dedupeKey({ appointmentId: appointment.id, kind, channel, revision }),
  });
  const rows: NewOutboxMessage[] = [];
  const smsReachable = customer.phone && customer.smsConsent && customer.phoneInvalidAt === null;
  if (smsReachable && only !== 'email') {
    rows.push({
      ...base('sms'),
      to: customer.phone ?? '',
      subject: null,
      body: renderSmsText(template.sms, data).body,
    });
  }
  if (customer.email && only !== 'sms') {
    const email = renderEmailText(template.email, data);
    rows.push({ ...base('email'), to: customer.email, subject: email.subject, body: email.text });
  }
  return rows;
}
