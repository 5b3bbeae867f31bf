// The business's data, one SQLite file. Instants are UTC epoch milliseconds; working hours are
// wall-clock minutes in the business's zone; money is integer minor units.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

import { appointmentStatuses } from '../main/domain/appointment-status.js';
import { messageChannels, messageKinds } from '../main/domain/message-kinds.js';

export { appointmentStatuses, type AppointmentStatus } from '../main/domain/appointment-status.js';

export const appointmentSources = ['desk', 'widget', 'api', 'sms', 'demo'] as const;
export type AppointmentSource = (typeof appointmentSources)[number];

export const depositKinds = ['none', 'fixed', 'percent'] as const;
export type DepositKind = (typeof depositKinds)[number];

/** What happens to a customer who does not turn up: nothing, the deposit is kept, or the saved card is charged. */
export const noShowFeeKinds = ['none', 'keep_deposit', 'charge_card'] as const;
export type NoShowFeeKind = (typeof noShowFeeKinds)[number];

/** One row (id = 1): who the business is and the rules its bookings follow. */
export const businessSettings = sqliteTable(
  'business_settings',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    /** ISO 3166 region used to read phone numbers typed without a country code. */
    country: text('country').notNull(),
    /** What customers call when a booking can no longer change online; as the business wrote it. */
    phone: text('phone'),
    slotStepMinutes: integer('slot_step_minutes').notNull().default(15),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(60),
    horizonDays: integer('horizon_days').notNull().default(60),
    cancellationCutoffMinutes: integer('cancellation_cutoff_minutes').notNull().default(1440),
    holdMinutes: integer('hold_minutes').notNull().default(15),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('business_settings_single_row', sql`${t.id} = 1`)],
);

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  color: text('color').notNull().default('#4c6ef5'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});

export const services = sqliteTable('services', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  durationMinutes: integer('duration_minutes').notNull(),
  priceAmount: integer('price_amount').notNull(),
  currency: text('currency').notNull(),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
  depositKind: text('deposit_kind', { enum: depositKinds }).notNull().default('none'),
  /** Minor units for a fixed deposit, whole percent for a percentage one. */
  depositValue: integer('deposit_value').notNull().default(0),
  rebookingIntervalDays: integer('rebooking_interval_days'),
  noShowFeeKind: text('no_show_fee_kind', { enum: noShowFeeKinds })
    .notNull()
    .default('keep_deposit'),
  /** For charge_card: the most the saved card may be charged, minor units. */
  noShowFeeAmount: integer('no_show_fee_amount').notNull().default(0),
  /** Cancelling at least this long before the start refunds the whole deposit. */
  refundWindowMinutes: integer('refund_window_minutes').notNull().default(1440),
  /** Share of the deposit refunded for a later cancellation, whole percent. */
  lateCancelRefundPercent: integer('late_cancel_refund_percent').notNull().default(0),
  /** JSON [{ channel, offsetMinutes }] overriding the business's reminder schedule; null = the business's. */
  reminderSchedule: text('reminder_schedule'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});

/** Which staff perform which service. */
export const serviceStaff = sqliteTable(
  'service_staff',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.staffId] }),
    index('service_staff_staff').on(t.staffId),
  ],
);

/** Weekly working intervals; several per weekday make lunch breaks. Weekday: ISO 1 = Monday. */
export const workingHours = sqliteTable(
  'working_hours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [
    index('working_hours_staff').on(t.staffId, t.weekday),
    check('working_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check(
      'working_hours_minutes',
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);

/** Holidays, sick days, blocked periods. */
export const timeOff = sqliteTable(
  'time_off',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('time_off_staff_start').on(t.staffId, t.startAt),
    check('time_off_order', sql`${t.startAt} < ${t.endAt}`),
  ],
);

/** Who set a customer's consent: the desk's forms, the widget, the public API, a CSV import, a
 * STOP or START text, or the demo seed. */
export const consentSources = ['desk', 'widget', 'api', 'import', 'sms_keyword', 'demo'] as const;
export type ConsentSource = (typeof consentSources)[number];

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** E.164, normalised by libphonenumber-js on the way in. */
    phone: text('phone'),
    /** Lower-cased. */
    email: text('email'),
    notes: text('notes').notNull().default(''),
    smsConsent: integer('sms_consent', { mode: 'boolean' }).notNull().default(false),
    emailConsent: integer('email_consent', { mode: 'boolean' }).notNull().default(true),
    /**
     * How and when each consent was last given or withdrawn, for the business to show if asked;
     * null on customers stored before this was recorded.
     */
    smsConsentSource: text('sms_consent_source', { enum: consentSources }),
    smsConsentAt: integer('sms_consent_at'),
    emailConsentSource: text('email_consent_source', { enum: consentSources }),
    emailConsentAt: integer('email_consent_at'),
    /**
     * Set when the SMS provider answered that the phone number can never receive a text (Twilio
     * 21211): no SMS is planned to it until the desk changes the number.
     */
    phoneInvalidAt: integer('phone_invalid_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_phone').on(t.phone),
    uniqueIndex('customers_email').on(t.email),
    index('customers_name').on(t.name),
  ],
);

export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    // Copied from the service when booked, so editing a service never moves existing blocks.
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    source: text('source', { enum: appointmentSources }).notNull(),
    /** Only for pending_payment: after this instant the hold no longer blocks the slot. */
    holdExpiresAt: integer('hold_expires_at'),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    note: text('note').notNull().default(''),
    cancelReason: text('cancel_reason'),
    customerConfirmedAt: integer('customer_confirmed_at'),
    /** SHA-256 of the customer's manage token; the token itself is never stored. */
    manageTokenHash: text('manage_token_hash'),
    /** The deposit asked for at booking, minor units (0 = none). */
    depositAmount: integer('deposit_amount').notNull().default(0),
    /**
     * JSON: the service's payment policy (deposit, no-show fee, refund window) as it stood when
     * the customer booked. Later changes to the service never rewrite what the customer agreed to.
     */
    paymentPolicy: text('payment_policy'),
    /** The .ics SEQUENCE last sent for this appointment (RFC 5545): +1 on every move and the cancel. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    /**
     * The customer asked for anyone free rather than a person (when booking, or when they last
     * moved it themselves): moving it offers everyone's times first. Desk moves leave it alone.
     */
    anyStaff: integer('any_staff', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // Covers the availability read (DESIGN: the hottest query): SQLite answers it from the index
    // alone, without touching the table rows.
    index('appointments_staff_busy').on(
      t.staffId,
      t.startAt,
      t.endAt,
      t.status,
      t.holdExpiresAt,
      t.bufferBeforeMinutes,
      t.bufferAfterMinutes,
      t.id,
    ),
    index('appointments_start').on(t.startAt),
    index('appointments_customer').on(t.customerId, t.startAt),
    uniqueIndex('appointments_manage_token').on(t.manageTokenHash),
    check('appointments_order', sql`${t.startAt} < ${t.endAt}`),
  ],
);

export const appointmentEventKinds = [
  'created',
  'status_changed',
  'rescheduled',
  'customer_confirmed',
  'note_changed',
] as const;
export type AppointmentEventKind = (typeof appointmentEventKinds)[number];

export const actorKinds = ['desk', 'customer', 'system', 'api'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Audit trail: every status change and reschedule, with who did it. Rows are never updated. */
export const appointmentEvents = sqliteTable(
  'appointment_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appointmentId: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: appointmentEventKinds }).notNull(),
    actor: text('actor', { enum: actorKinds }).notNull(),
    fromStatus: text('from_status', { enum: appointmentStatuses }),
    toStatus: text('to_status', { enum: appointmentStatuses }),
    fromStartAt: integer('from_start_at'),
    toStartAt: integer('to_start_at'),
    fromStaffId: text('from_staff_id'),
    toStaffId: text('to_staff_id'),
    reason: text('reason'),
  },
  (t) => [index('appointment_events_appointment').on(t.appointmentId, t.id)],
);

export { messageChannels, messageKinds } from '../main/domain/message-kinds.js';
export type { MessageChannel, MessageKind } from '../main/domain/message-kinds.js';
export const messageStatuses = ['planned', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** The outbox: every SMS and email, planned or sent. */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    appointmentId: text('appointment_id').references(() => appointments.id),
    customerId: text('customer_id').references(() => customers.id),
    channel: text('channel', { enum: messageChannels }).notNull(),
    kind: text('kind', { enum: messageKinds }).notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: messageStatuses }).notNull(),
    /** When the loop next tries it: the planned moment, later a retry or a quiet-hours deferral. */
    dueAt: integer('due_at').notNull(),
    /**
     * domain/message-kinds.ts dedupeKey(): planning inserts with "on conflict do nothing", so
     * planning the same message twice (a replayed event, a restart) leaves one row.
     */
    dedupeKey: text('dedupe_key'),
    /** Why a row ended cancelled: 'rescheduled', 'appointment_cancelled', 'expired', … */
    cancelReason: text('cancel_reason'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: integer('last_attempt_at'),
    sentAt: integer('sent_at'),
    providerId: text('provider_id'),
    error: text('error'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // The id ends both keys: the loop's batches and the desk's pages (outbox.page) break ties on
    // it, and read that order from the index instead of sorting afterwards.
    index('messages_due').on(t.status, t.dueAt, t.id),
    index('messages_due_at').on(t.dueAt, t.id),
    index('messages_appointment').on(t.appointmentId),
    index('messages_customer').on(t.customerId),
    uniqueIndex('messages_dedupe_key').on(t.dedupeKey),
  ],
);

/**
 * One row (id = 1): when and how the business reminds its customers. Its own table rather than
 * columns on business_settings, so the booking rules' contract type stays what it is.
 */
export const messagingSettings = sqliteTable(
  'messaging_settings',
  {
    id: integer('id').primaryKey(),
    /** Wall-clock minutes in the business's zone; equal start and end mean no quiet hours. */
    quietStartMinute: integer('quiet_start_minute')
      .notNull()
      .default(21 * 60),
    quietEndMinute: integer('quiet_end_minute')
      .notNull()
      .default(8 * 60),
    /** JSON: [{ channel, offsetMinutes }] (domain/reminder-plan.ts ReminderOffset). */
    reminderSchedule: text('reminder_schedule').notNull(),
    /** How close to the start a reminder moved by quiet hours may land. */
    minimumLeadMinutes: integer('minimum_lead_minutes').notNull().default(30),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    check('messaging_settings_single_row', sql`${t.id} = 1`),
    check(
      'messaging_settings_quiet_minutes',
      sql`${t.quietStartMinute} between 0 and 1439 and ${t.quietEndMinute} between 0 and 1439`,
    ),
  ],
);

/** Remembered answers to retried writes, keyed by the client's Idempotency-Key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    response: text('response').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Keys for the seed's customer API on the public listener. Only a SHA-256 of each key is kept;
 * the key itself is shown once, when it is created.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** SHA-256 hex of the whole key. */
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so the business can tell its keys apart. */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash').on(t.keyHash)],
);

/**
 * One row (id = 1): how the app reaches the outside world. Empty fields mean demo mode for that
 * provider. Secrets are kept in the business's own database file, which never leaves its machine.
 */
export const connectionSettings = sqliteTable(
  'connection_settings',
  {
    id: integer('id').primaryKey(),
    /** Where customers reach the public listener, e.g. https://book.example.com; used in links. */
    publicBaseUrl: text('public_base_url'),
    twilioAccountSid: text('twilio_account_sid'),
    twilioAuthToken: text('twilio_auth_token'),
    twilioFromNumber: text('twilio_from_number'),
    smtpHost: text('smtp_host'),
    smtpPort: integer('smtp_port'),
    smtpSecure: integer('smtp_secure', { mode: 'boolean' }).notNull().default(false),
    smtpUser: text('smtp_user'),
    smtpPassword: text('smtp_password'),
    emailFrom: text('email_from'),
    stripeSecretKey: text('stripe_secret_key'),
    stripeWebhookSecret: text('stripe_webhook_secret'),
    /**
     * Proxies in front of the public listener whose X-Forwarded-For is believed, as
     * "10.0.0.1, 192.168.0.0/16"; null: none, each connection is its own client.
     */
    trustedProxies: text('trusted_proxies'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('connection_settings_single_row', sql`${t.id} = 1`)],
);

/** The business's own wording for a message kind on a channel; absent = the built-in default. */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    kind: text('kind', { enum: messageKinds }).notNull(),
    channel: text('channel', { enum: messageChannels }).notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.channel] })],
);

export const smsReplyOutcomes = [
  'confirmed',
  'cancelled',
  'cancel_refused',
  'opted_out',
  'opted_in',
  'needs_reply',
] as const;
export type SmsReplyOutcome = (typeof smsReplyOutcomes)[number];

/** The inbox: every SMS a customer sent us, with what the app did about it. */
export const smsReplies = sqliteTable(
  'sms_replies',
  {
    id: text('id').primaryKey(),
    /** Twilio's MessageSid: a webhook delivered twice is recorded once. */
    providerId: text('provider_id').notNull(),
    fromPhone: text('from_phone').notNull(),
    body: text('body').notNull(),
    customerId: text('customer_id').references(() => customers.id),
    appointmentId: text('appointment_id').references(() => appointments.id),
    outcome: text('outcome', { enum: smsReplyOutcomes }).notNull(),
    receivedAt: integer('received_at').notNull(),
    /** When the desk dealt with a reply that needed a human. */
    handledAt: integer('handled_at'),
  },
  (t) => [
    uniqueIndex('sms_replies_provider_id').on(t.providerId),
    index('sms_replies_received').on(t.receivedAt),
    index('sms_replies_customer').on(t.customerId),
  ],
);

/** in_person: a deposit the desk took in cash or on its own card terminal. */
export const paymentKinds = ['deposit', 'refund', 'no_show_fee', 'in_person'] as const;
export type PaymentKind = (typeof paymentKinds)[number];
export const paymentStatuses = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];
/** desk: money that passed through the desk's hands, never through a provider. */
export const paymentProviders = ['stripe', 'demo', 'desk'] as const;
export type PaymentProvider = (typeof paymentProviders)[number];

/**
 * Every money movement, one row each: a deposit taken, a refund given, a no-show fee charged.
 * Amounts are positive minor units; the kind says which way the money went.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    appointmentId: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    kind: text('kind', { enum: paymentKinds }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull(),
    provider: text('provider', { enum: paymentProviders }).notNull(),
    checkoutSessionId: text('checkout_session_id'),
    paymentIntentId: text('payment_intent_id'),
    refundId: text('refund_id'),
    /** The card saved for an off-session no-show fee (Stripe customer and payment method). */
    providerCustomerId: text('provider_customer_id'),
    paymentMethodId: text('payment_method_id'),
    /** Sent with the provider call, derived from our own ids: a retried call is one movement. */
    idempotencyKey: text('idempotency_key').notNull(),
    reason: text('reason'),
    failureMessage: text('failure_message'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('payments_appointment').on(t.appointmentId, t.createdAt),
    index('payments_status').on(t.status, t.kind),
    uniqueIndex('payments_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('payments_checkout_session').on(t.checkoutSessionId),
    index('payments_payment_intent').on(t.paymentIntentId),
    uniqueIndex('payments_refund').on(t.refundId),
    check('payments_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** Webhook events already applied, by the provider's event id: a replayed event changes nothing. */
export const paymentEvents = sqliteTable('payment_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: integer('received_at').notNull(),
});

export const demoCheckoutStates = ['open', 'paid', 'expired'] as const;

/**
 * Demo mode's checkout sessions (integrations/payments/demo.ts), kept here rather than in memory
 * so a restart of the app does not strand a customer half-way through /pay/demo/{id}.
 */
export const demoCheckouts = sqliteTable(
  'demo_checkouts',
  {
    id: text('id').primaryKey(),
    /** The key the create call carried: asking again answers the same session. */
    idempotencyKey: text('idempotency_key').notNull(),
    state: text('state', { enum: demoCheckoutStates }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    successUrl: text('success_url').notNull(),
    cancelUrl: text('cancel_url').notNull(),
    saveCard: integer('save_card', { mode: 'boolean' }).notNull(),
    expiresAt: integer('expires_at').notNull(),
    paymentIntentId: text('payment_intent_id'),
    customerId: text('customer_id'),
    paymentMethodId: text('payment_method_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('demo_checkouts_idempotency_key').on(t.idempotencyKey)],
);

/** Demo mode's refunds, for the same reason: reconciliation after a restart still finds them. */
export const demoRefunds = sqliteTable(
  'demo_refunds',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    amount: integer('amount').notNull(),
    paymentIntentId: text('payment_intent_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('demo_refunds_idempotency_key').on(t.idempotencyKey)],
);
