// The one list of everything the receptionist UI may ask the core, and every event the core
// pushes back. Both hosts (Electron IPC, server mode's /rpc) validate against these schemas.
import { z } from 'zod';

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY',
  'INTEGRATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

// ── shared pieces ────────────────────────────────────────────────────────────

const id = z.string().min(1).max(64);
const epochMs = z.int().nonnegative();

/**
 * Instants a request may carry: years 2000 to 2200 (UTC). Far wider than any booking needs, and
 * far inside the ±8.64e15 ms a Date can hold, beyond which zone offsets are NaN.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
export const LATEST_INSTANT = Date.UTC(2201, 0, 1) - 1;
/** The same range as calendar dates, for the days a request asks about. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2200-12-31';
const outOfRange = `must be between ${EARLIEST_DATE} and ${LATEST_DATE} (UTC epoch milliseconds)`;
/** An instant a request places something at: an appointment's start, time off. */
const instant = epochMs.min(EARLIEST_INSTANT, outOfRange).max(LATEST_INSTANT, outOfRange);
/** One end of a period a request lists; 0 still means "from the beginning". */
const periodBound = epochMs.max(LATEST_INSTANT, outOfRange);
/** A calendar day a request asks about, in the same range as the instants. */
export const dateInRange = <T extends z.ZodType<string>>(schema: T): T =>
  schema.refine(
    // A malformed date is the format check's to name.
    (date) => !/^\d{4}-\d\d-\d\d$/.test(date) || (date >= EARLIEST_DATE && date <= LATEST_DATE),
    `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
  );
const minuteOfDay = z.int().min(0).max(1440);
const localDate = z.iso.date();
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as GBP');
const timeZone = z.string().refine(isIanaZone, 'must be an IANA time zone such as Europe/London');
const name = z.string().trim().min(1, 'must not be empty').max(200);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4c6ef5');

function isIanaZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const appointmentStatus = z.enum([
  'pending_payment',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
]);
export const appointmentSource = z.enum(['desk', 'widget', 'api', 'sms', 'demo']);

// ── records ──────────────────────────────────────────────────────────────────

export const settings = z.object({
  name,
  timeZone,
  currency,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB'),
  slotStepMinutes: z.int().min(5).max(240),
  minimumNoticeMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30),
  horizonDays: z.int().min(1).max(730),
  cancellationCutoffMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30),
  holdMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
});
export type Settings = z.infer<typeof settings>;

export const staffMember = z.object({
  id,
  name,
  email: z.email().nullable(),
  color,
  active: z.boolean(),
  sortOrder: z.int(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const depositRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), amount: z.int().positive() }),
  z.object({ kind: z.literal('percent'), percent: z.int().min(1).max(100) }),
]);
export type DepositRule = z.infer<typeof depositRule>;

/** What a no-show costs the customer, as agreed when booking. */
export const noShowFee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('keep_deposit') }),
  /** Charge the card saved at checkout, off-session, up to this amount (minor units). */
  z.object({ kind: z.literal('charge_card'), maxAmount: z.int().positive() }),
]);
export type NoShowFee = z.infer<typeof noShowFee>;

/** How much of the deposit a customer's own cancellation gets back. */
export const cancellationRefund = z.object({
  /** Cancelling at least this long before the start refunds the whole deposit. */
  windowMinutes: z
    .int()
    .min(0)
    .max(30 * 24 * 60),
  /** Share refunded for a later cancellation, whole percent. */
  latePercent: z.int().min(0).max(100),
});
export type CancellationRefund = z.infer<typeof cancellationRefund>;

export const messageChannel = z.enum(['sms', 'email']);

/** One reminder in a schedule: this channel, this long before the start. */
export const reminderOffset = z.object({
  channel: messageChannel,
  offsetMinutes: z
    .int()
    .min(1)
    .max(60 * 24 * 60),
});

const serviceFields = {
  name,
  description: z.string().max(2000),
  durationMinutes: z
    .int()
    .min(5)
    .max(24 * 60),
  priceAmount: z.int().nonnegative(),
  bufferBeforeMinutes: z.int().min(0).max(240),
  bufferAfterMinutes: z.int().min(0).max(240),
  deposit: depositRule,
  noShowFee,
  cancellationRefund,
  /** null = the business's reminder schedule. */
  reminderSchedule: z.array(reminderOffset).max(12).nullable(),
  rebookingIntervalDays: z.int().min(1).max(730).nullable(),
  staffIds: z.array(id).min(1, 'at least one staff member must perform the service'),
  active: z.boolean(),
};

export const service = z.object({ id, currency, ...serviceFields });
export type Service = z.infer<typeof service>;

export const workingInterval = z
  .object({ weekday: z.int().min(1).max(7), startMinute: minuteOfDay, endMinute: minuteOfDay })
  .refine((v) => v.startMinute < v.endMinute, {
    message: 'must end after it starts',
    path: ['endMinute'],
  });
export type WorkingIntervalInput = z.infer<typeof workingInterval>;

export const timeOffPeriod = z.object({
  id,
  staffId: id,
  startAt: epochMs,
  endAt: epochMs,
  reason: z.string(),
});

const phoneInput = z.string().trim().min(3).max(40);
const emailInput = z.email().max(254);

export const customer = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string(),
  smsConsent: z.boolean(),
  emailConsent: z.boolean(),
  /** When the SMS provider said the number can never receive a text; null = fine. */
  phoneInvalidAt: epochMs.nullable(),
  createdAt: epochMs,
});
export type Customer = z.infer<typeof customer>;

export const appointment = z.object({
  id,
  staffId: id,
  serviceId: id,
  customerId: id,
  start: epochMs,
  end: epochMs,
  status: appointmentStatus,
  source: appointmentSource,
  holdExpiresAt: epochMs.nullable(),
  priceAmount: z.int(),
  currency,
  note: z.string(),
  cancelReason: z.string().nullable(),
  customerConfirmedAt: epochMs.nullable(),
  /** The customer asked for anyone free rather than this person. */
  anyStaff: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Appointment = z.infer<typeof appointment>;

/** Where a booking's money stands, for the calendar's badge. */
export const paymentState = z.enum([
  'none',
  'awaiting_deposit',
  'paid',
  'part_refunded',
  'refunded',
]);
export type PaymentState = z.infer<typeof paymentState>;

/** An appointment as lists show it: with its payment state, read in the same query. */
export const listedAppointment = appointment.extend({ paymentState });
export type ListedAppointment = z.infer<typeof listedAppointment>;

export const appointmentEvent = z.object({
  id: z.int(),
  at: epochMs,
  kind: z.enum(['created', 'status_changed', 'rescheduled', 'customer_confirmed', 'note_changed']),
  actor: z.enum(['desk', 'customer', 'system', 'api']),
  fromStatus: appointmentStatus.nullable(),
  toStatus: appointmentStatus.nullable(),
  fromStart: epochMs.nullable(),
  toStart: epochMs.nullable(),
  fromStaffId: z.string().nullable(),
  toStaffId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const slot = z.object({ start: epochMs, end: epochMs, staffId: id });
export const dayAvailability = z.object({ date: localDate, slots: z.array(slot) });

export const customerDetails = z
  .object({
    name,
    phone: phoneInput.optional(),
    email: emailInput.optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    message: 'a phone number or an email address is needed to reach the customer',
    path: ['phone'],
  });

export const newAppointment = z.object({
  serviceId: id,
  /** Omitted: any staff member who performs the service and is free. */
  staffId: id.optional(),
  start: instant,
  customerId: id.optional(),
  customer: customerDetails.optional(),
  note: z.string().max(2000).optional(),
  smsConsent: z.boolean().optional(),
  /** Hold the slot unpaid (pending_payment) for the business's hold time. */
  hold: z.boolean().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type NewAppointment = z.infer<typeof newAppointment>;

export const messageKind = z.enum([
  'confirmation',
  'reminder',
  'rescheduled',
  'cancellation',
  'thank_you',
  'rebook',
  'no_show',
  'payment_link',
  'payment_refunded',
  'reply',
]);
export const messageStatus = z.enum(['planned', 'sending', 'sent', 'failed', 'cancelled']);

/** One row of the outbox: a message planned, sent (for real or, in demo mode, only recorded). */
export const outboxMessage = z.object({
  id,
  appointmentId: id.nullable(),
  customerId: id.nullable(),
  channel: messageChannel,
  kind: messageKind,
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: messageStatus,
  /** When the loop next tries it (or tried it last). */
  dueAt: epochMs,
  attempts: z.int(),
  lastAttemptAt: epochMs.nullable(),
  sentAt: epochMs.nullable(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Recorded without credentials: nothing left the machine. */
  demo: z.boolean(),
  createdAt: epochMs,
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

/** A key for the customer API on the public listener; the secret itself is never part of it. */
export const apiKey = z.object({
  id,
  name: z.string(),
  /** The key's first characters, to tell keys apart. */
  prefix: z.string(),
  createdAt: epochMs,
  revokedAt: epochMs.nullable(),
});
export type ApiKey = z.infer<typeof apiKey>;

// ── payments (issue 7: deposits, refunds, no-show fees) ─────────────────────

/** One money movement: a deposit taken, a refund given, a no-show fee charged. */
export const paymentMovement = z.object({
  id,
  /** in_person: a deposit the desk took itself (cash, its own card terminal). */
  kind: z.enum(['deposit', 'refund', 'no_show_fee', 'in_person']),
  /** Positive minor units; the kind says which way the money went. */
  amount: z.int().positive(),
  currency,
  status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
  provider: z.enum(['stripe', 'demo', 'desk']),
  reason: z.string().nullable(),
  /** Why it failed (a declined card), shown to the desk. */
  failureMessage: z.string().nullable(),
  providerReference: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type PaymentMovement = z.infer<typeof paymentMovement>;

export const paymentBalance = z.object({
  collected: z.int(),
  refunded: z.int(),
  refundPending: z.int(),
  held: z.int(),
  /** Taken at the desk: given back at the desk, never through the provider. */
  takenInPerson: z.int(),
  /** What the provider can still refund. */
  refundable: z.int(),
});

export const appointmentPayments = z.object({
  appointmentId: id,
  currency,
  depositAmount: z.int().nonnegative(),
  /** The frozen policy in the words the customer read. */
  policy: z.array(z.string()),
  movements: z.array(paymentMovement),
  balance: paymentBalance,
});
export type AppointmentPayments = z.infer<typeof appointmentPayments>;

export const paymentConnection = z.object({
  provider: z.enum(['stripe', 'demo']),
  stripeKeySet: z.boolean(),
  webhookSecretSet: z.boolean(),
});
// ── reminders and messages: connections, reminder settings, templates, the SMS inbox ────────

/** A secret as the desk may see it: whether it is set and its last four characters. */
const secretState = z.object({ set: z.boolean(), last4: z.string().nullable() });

export const connectionSettingsView = z.object({
  /** Where customers reach the public listener; links in messages start with it. */
  publicBaseUrl: z.string().nullable(),
  /**
   * Proxies (a tunnel, a reverse proxy) in front of the public listener whose X-Forwarded-For is
   * believed, as "10.0.0.1, 192.168.0.0/16"; null: none.
   */
  trustedProxies: z.string().nullable(),
  twilio: z.object({
    accountSid: z.string().nullable(),
    authToken: secretState,
    fromNumber: z.string().nullable(),
    /** All three set: SMS goes out through Twilio; otherwise demo mode. */
    configured: z.boolean(),
  }),
  smtp: z.object({
    host: z.string().nullable(),
    port: z.int().nullable(),
    secure: z.boolean(),
    user: z.string().nullable(),
    password: secretState,
    from: z.string().nullable(),
    /** Host, port and from set: email goes out through this server; otherwise demo mode. */
    configured: z.boolean(),
  }),
  /**
   * Saved values that cannot be applied (kept by an older version, or edited outside the app):
   * they are ignored until corrected, and the desk shows why, by field.
   */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ConnectionSettingsView = z.infer<typeof connectionSettingsView>;

/** null clears a field; an absent one is left as it is (so secrets need not be typed again). */
const settable = (schema: z.ZodString) => schema.nullable().optional();

export const connectionSettingsPatch = z.object({
  publicBaseUrl: settable(z.string().max(500)),
  trustedProxies: settable(z.string().max(2000)),
  twilio: z
    .object({
      accountSid: settable(z.string().max(64)),
      authToken: settable(z.string().max(256)),
      fromNumber: settable(z.string().max(64)),
    })
    .optional(),
  smtp: z
    .object({
      host: settable(z.string().max(253)),
      port: z.int().min(1).max(65535).nullable().optional(),
      secure: z.boolean().optional(),
      user: settable(z.string().max(256)),
      password: settable(z.string().max(256)),
      from: settable(z.string().max(320)),
    })
    .optional(),
});

export const reminderSettings = z.object({
  /** Wall-clock minutes in the business's zone; equal start and end mean no quiet hours. */
  quietHours: z.object({
    startMinute: z.int().min(0).max(1439),
    endMinute: z.int().min(0).max(1439),
  }),
  schedule: z.array(reminderOffset).max(12),
  /** How close to the start a reminder moved by quiet hours may land. */
  minimumLeadMinutes: z
    .int()
    .min(0)
    .max(24 * 60),
});
export type ReminderSettingsView = z.infer<typeof reminderSettings>;

export const messageTemplate = z.object({
  kind: messageKind,
  channel: messageChannel,
  /** Email only; null for SMS. */
  subject: z.string().nullable(),
  body: z.string(),
  /** The built-in wording (nothing saved for this kind and channel). */
  isDefault: z.boolean(),
});
export type MessageTemplateView = z.infer<typeof messageTemplate>;

export const templatePreview = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** The appointment whose details filled the placeholders; null: made-up sample details. */
  appointmentId: id.nullable(),
  /** SMS only: segments the text takes (at most 2; longer text is shortened). */
  segments: z.int().nullable(),
});

export const smsReplyOutcome = z.enum([
  'confirmed',
  'cancelled',
  'cancel_refused',
  'opted_out',
  'opted_in',
  'needs_reply',
]);

/** An SMS a customer sent us, and what the app did about it. */
export const inboxReply = z.object({
  id,
  fromPhone: z.string(),
  body: z.string(),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  appointmentId: id.nullable(),
  outcome: smsReplyOutcome,
  receivedAt: epochMs,
  handledAt: epochMs.nullable(),
});
export type InboxReply = z.infer<typeof inboxReply>;

const templateKey = { kind: messageKind, channel: messageChannel };
// ── desk: customer merge, CSV import and export, widget embed ───────────────

export const customerMergeInput = z
  .object({ keepId: id, duplicateId: id })
  .refine((v) => v.keepId !== v.duplicateId, {
    message: 'choose two different customers',
    path: ['duplicateId'],
  });

/** What moves from the duplicate to the kept customer, and the kept customer afterwards. */
export const customerMergePreview = z.object({
  keep: customer,
  duplicate: customer,
  result: customer,
  moves: z.object({
    appointments: z.int(),
    messages: z.int(),
    smsReplies: z.int(),
    /** Payments follow their appointments; counted so the desk sees that money moves too. */
    payments: z.int(),
  }),
});
export type CustomerMergePreview = z.infer<typeof customerMergePreview>;

export const csvImportRowError = z.object({
  /** 1-based line in the file, the header being line 1. */
  row: z.int(),
  field: z.string(),
  reason: z.string(),
});
export type CsvImportRowError = z.infer<typeof csvImportRowError>;

export const csvImportResult = z.object({
  mode: z.enum(['preview', 'commit']),
  /** Rows read, header excluded. */
  rows: z.int(),
  /** Customers created (commit) or that would be (preview). */
  imported: z.int(),
  errors: z.array(csvImportRowError),
  /** The first rows as they would be stored, for the desk to check before committing. */
  sample: z.array(
    z.object({
      row: z.int(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
export type CsvImportResult = z.infer<typeof csvImportResult>;

/** Where the widget is served: for the embed snippet (the public address) and the preview. */
export const widgetEmbedInfo = z.object({
  /** The address customers reach: the configured public base URL, else the listener's. */
  publicUrl: z.string().nullable(),
  /** An address this machine reaches the public listener on, for the desk's live preview. */
  previewUrl: z.string().nullable(),
});
export type WidgetEmbedInfo = z.infer<typeof widgetEmbedInfo>;

// ── channels ─────────────────────────────────────────────────────────────────

const empty = z.object({}).strict();
const byId = z.object({ id });
const ok = z.object({ ok: z.literal(true) });

export const channels = {
  'settings.get': { input: empty, output: settings },
  'settings.update': { input: settings.partial(), output: settings },

  'staff.list': { input: empty, output: z.array(staffMember) },
  'staff.create': {
    input: z.object({ name, email: emailInput.nullable().optional(), color: color.optional() }),
    output: staffMember,
  },
  'staff.update': {
    input: z.object({
      id,
      name: name.optional(),
      email: emailInput.nullable().optional(),
      color: color.optional(),
      active: z.boolean().optional(),
      sortOrder: z.int().optional(),
    }),
    output: staffMember,
  },

  'services.list': {
    input: z.object({ includeInactive: z.boolean().optional() }),
    output: z.array(service),
  },
  'services.create': {
    input: z.object(serviceFields).partial({
      description: true,
      bufferBeforeMinutes: true,
      bufferAfterMinutes: true,
      deposit: true,
      noShowFee: true,
      cancellationRefund: true,
      reminderSchedule: true,
      rebookingIntervalDays: true,
      active: true,
    }),
    output: service,
  },
  'services.update': {
    input: z
      .object({ id, ...serviceFields })
      .partial()
      .required({ id: true }),
    output: service,
  },

  'hours.get': { input: z.object({ staffId: id }), output: z.array(workingInterval) },
  'hours.set': {
    input: z.object({ staffId: id, intervals: z.array(workingInterval).max(100) }),
    output: z.array(workingInterval),
  },

  'timeOff.list': {
    input: z.object({ staffId: id.optional(), from: periodBound, to: periodBound }),
    output: z.array(timeOffPeriod),
  },
  'timeOff.create': {
    input: z
      .object({
        staffId: id,
        startAt: instant,
        endAt: instant,
        reason: z.string().max(500).optional(),
      })
      .refine((v) => v.startAt < v.endAt, { message: 'must end after it starts', path: ['endAt'] }),
    output: timeOffPeriod,
  },
  'timeOff.delete': { input: byId, output: ok },

  'customers.list': {
    input: z.object({
      search: z.string().max(200).optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ customers: z.array(customer), total: z.int() }),
  },
  'customers.get': { input: byId, output: customer },
  'customers.create': {
    input: z.object({
      name,
      phone: phoneInput.optional(),
      email: emailInput.optional(),
      notes: z.string().max(5000).optional(),
      smsConsent: z.boolean().optional(),
      emailConsent: z.boolean().optional(),
    }),
    output: customer,
  },
  'customers.update': {
    input: z.object({
      id,
      name: name.optional(),
      phone: phoneInput.nullable().optional(),
      email: emailInput.nullable().optional(),
      notes: z.string().max(5000).optional(),
      smsConsent: z.boolean().optional(),
      emailConsent: z.boolean().optional(),
    }),
    output: customer,
  },

  'appointments.list': {
    input: z.object({
      from: periodBound,
      to: periodBound,
      staffId: id.optional(),
      customerId: id.optional(),
    }),
    output: z.array(listedAppointment),
  },
  'appointments.get': { input: byId, output: appointment },
  'appointments.history': { input: byId, output: z.array(appointmentEvent) },
  'appointments.create': { input: newAppointment, output: appointment },
  'appointments.reschedule': {
    input: z.object({
      id,
      start: instant,
      staffId: id.optional(),
      /** A new length (the calendar's resize); omitted keeps the booked length. */
      durationMinutes: z
        .int()
        .min(5)
        .max(12 * 60)
        .optional(),
    }),
    output: appointment,
  },
  'appointments.cancel': {
    input: z.object({ id, reason: z.string().max(500).optional() }),
    output: appointment,
  },
  'appointments.complete': { input: byId, output: appointment },
  'appointments.markNoShow': { input: byId, output: appointment },

  'availability.get': {
    input: z.object({
      serviceId: id,
      staffId: id.optional(),
      from: dateInRange(localDate),
      days: z.int().min(1).max(62).optional(),
    }),
    output: z.object({ timeZone: z.string(), days: z.array(dayAvailability) }),
  },

  'apiKeys.list': { input: empty, output: z.array(apiKey) },
  /** The answer carries the key in full, once; only its hash is stored. */
  'apiKeys.create': {
    input: z.object({ name }),
    output: apiKey.extend({ key: z.string() }),
  },
  'apiKeys.revoke': { input: byId, output: apiKey },

  /** The outbox for the desk, newest first. */
  'outbox.list': {
    input: z.object({
      status: messageStatus.optional(),
      channel: messageChannel.optional(),
      customerId: id.optional(),
      appointmentId: id.optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ messages: z.array(outboxMessage), total: z.int() }),
  },
  // ── payments (issue 7) ──
  'payments.forAppointment': {
    input: z.object({ appointmentId: id }),
    output: appointmentPayments,
  },
  /** A partial refund from the desk; the same requestId (one per dialog) is one refund. */
  'payments.refund': {
    input: z.object({
      appointmentId: id,
      amount: z.int().positive(),
      reason: z.string().trim().min(1, 'say why the money goes back').max(500),
      requestId: z.string().min(1).max(100),
    }),
    output: appointmentPayments,
  },
  /**
   * The deposit taken at the desk (cash, the desk's own terminal): recorded as an in_person
   * movement; a booking held for it is confirmed (CONFLICT when its lapsed hold's time was taken
   * meanwhile). The same requestId (one per dialog) is one movement.
   */
  'payments.takeInPerson': {
    input: z.object({
      appointmentId: id,
      amount: z.int().positive('must be more than 0'),
      note: z.string().trim().max(200).optional(),
      requestId: z.string().min(1).max(100),
    }),
    output: appointmentPayments,
  },
  /** A checkout link for a phone booking's deposit, sent through the outbox. */
  'payments.sendLink': {
    input: z.object({ appointmentId: id, channel: messageChannel.optional() }),
    output: z.object({ url: z.string(), channels: z.array(messageChannel) }),
  },
  'payments.connection.get': { input: empty, output: paymentConnection },
  /** Stripe credentials; null clears one (back to demo payments without a secret key). */
  'payments.connection.update': {
    input: z.object({
      stripeSecretKey: z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
        .nullable()
        .optional(),
      stripeWebhookSecret: z
        .string()
        .regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)')
        .nullable()
        .optional(),
    }),
    output: paymentConnection,
  },

  // ── reminders and messages ──
  'connections.get': { input: empty, output: connectionSettingsView },
  /** Bad input names its field (publicBaseUrl, twilio.accountSid, smtp.port, …); nothing is saved. */
  'connections.update': { input: connectionSettingsPatch, output: connectionSettingsView },
  'reminderSettings.get': { input: empty, output: reminderSettings },
  'reminderSettings.update': { input: reminderSettings.partial(), output: reminderSettings },
  /** Every kind on every channel: the business's own wording or the default. */
  'templates.list': { input: empty, output: z.array(messageTemplate) },
  /** An unknown placeholder is refused, naming it (details.fields: body or subject). */
  'templates.save': {
    input: z.object({
      ...templateKey,
      subject: z.string().max(300).nullable().optional(),
      body: z.string().trim().min(1, 'must not be empty').max(2000),
    }),
    output: messageTemplate,
  },
  'templates.reset': { input: z.object(templateKey), output: messageTemplate },
  /** A draft (or the saved template) filled in with a real appointment's details. */
  'templates.preview': {
    input: z.object({
      ...templateKey,
      subject: z.string().max(300).nullable().optional(),
      body: z.string().max(2000).optional(),
      appointmentId: id.optional(),
    }),
    output: templatePreview,
  },
  /** Replies that need a human first, then the newest. */
  'inbox.list': {
    input: z.object({
      needsReplyOnly: z.boolean().optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ replies: z.array(inboxReply), total: z.int(), unhandled: z.int() }),
  },
  'inbox.markHandled': { input: byId, output: inboxReply },

  // Calendar (desk UI)
  /** The customers of the appointments on screen in one call, not one call per customer. */
  'customers.getMany': {
    input: z.object({ ids: z.array(id).max(1000) }),
    output: z.array(customer),
  },

  // ── desk: customer merge, CSV import and export, widget embed ──
  'customers.mergePreview': { input: customerMergeInput, output: customerMergePreview },
  /** Moves everything of the duplicate onto the kept customer and removes the duplicate. */
  'customers.merge': { input: customerMergeInput, output: customer },
  /** preview: checks every row, stores nothing; commit: all rows or, on any error, none. */
  'customers.importCsv': {
    input: z.object({ csv: z.string().max(5_000_000), mode: z.enum(['preview', 'commit']) }),
    output: csvImportResult,
  },
  'customers.exportCsv': { input: empty, output: z.object({ csv: z.string(), count: z.int() }) },
  'widget.embedInfo': { input: empty, output: widgetEmbedInfo },
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const events = {
  'appointments.changed': z.object({
    appointmentId: id,
    status: appointmentStatus,
    change: z.enum(['created', 'rescheduled', 'status_changed', 'updated']),
  }),
  /** A message left for the provider (or, in demo mode, was recorded as if it had). */
  'reminders.sent': z.object({
    messageId: id,
    appointmentId: id.nullable(),
    customerId: id.nullable(),
    channel: messageChannel,
    kind: messageKind,
    demo: z.boolean(),
  }),
  /**
   * A message failed for good, or (`reason: 'auth'`) the provider refused our credentials and
   * the channel is paused until the settings are fixed.
   */
  'reminders.failed': z.object({
    messageId: id,
    appointmentId: id.nullable(),
    customerId: id.nullable(),
    channel: messageChannel,
    kind: messageKind,
    reason: z.enum([
      'invalid_number',
      'invalid_address',
      'unsubscribed',
      'auth',
      'transient',
      'permanent',
      'internal',
    ]),
    error: z.string(),
  }),
  // ── reminders and messages ──
  /** A customer's SMS arrived (and was acted on, or left in the inbox for the desk). */
  'inbox.received': z.object({
    replyId: id,
    customerId: id.nullable(),
    outcome: smsReplyOutcome,
  }),
  // ── desk: customers ──
  /**
   * The desk added, edited, merged or imported customers: other windows refetch their lists and
   * panels (a merge also moves appointments, so the calendar's names follow).
   */
  'customers.changed': z.object({
    change: z.enum(['created', 'updated', 'merged', 'imported']),
    customerIds: z.array(id),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

// One check for every side: the Electron preload imports contract-names.ts directly (no zod).
export { isChannel, isEventName } from './contract-names.js';
