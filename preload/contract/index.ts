// The one list of everything the receptionist UI may ask the core, and every event the core
// pushes back, one file per capability. Both hosts (Electron IPC, server mode's /rpc) validate
// against these schemas.
import type { z } from 'zod';
import { catalogChannels } from './catalog.js';
import { customersChannels, customersEvents } from './customers.js';
import { appointmentsChannels, appointmentsEvents } from './appointments.js';
import { paymentsChannels } from './payments.js';
import { messagingChannels, messagingEvents } from './messaging.js';
import { connectionsChannels } from './connections.js';

export {
  errorCodes,
  errorBody,
  EARLIEST_INSTANT,
  LATEST_INSTANT,
  EARLIEST_DATE,
  LATEST_DATE,
  dateInRange,
  messageChannel,
} from './shared.js';
export type { ErrorCode, ErrorBody, Envelope } from './shared.js';
export {
  settings,
  staffMember,
  depositRule,
  noShowFee,
  cancellationRefund,
  reminderOffset,
  service,
  workingInterval,
  timeOffPeriod,
} from './catalog.js';
export type {
  Settings,
  StaffMember,
  DepositRule,
  NoShowFee,
  CancellationRefund,
  Service,
  WorkingIntervalInput,
} from './catalog.js';
export {
  customer,
  customerDetails,
  customerMergeInput,
  customerMergePreview,
  csvImportRowError,
  csvImportResult,
} from './customers.js';
export type {
  ConsentSource,
  Customer,
  CustomerMergePreview,
  CsvImportRowError,
  CsvImportResult,
} from './customers.js';
export {
  appointmentStatus,
  appointmentSource,
  appointment,
  paymentState,
  listedAppointment,
  appointmentEvent,
  slot,
  dayAvailability,
  newAppointment,
} from './appointments.js';
export type {
  Appointment,
  PaymentState,
  ListedAppointment,
  NewAppointment,
} from './appointments.js';
export {
  paymentMovement,
  paymentBalance,
  appointmentPayments,
  paymentConnection,
} from './payments.js';
export type { PaymentMovement, AppointmentPayments } from './payments.js';
export {
  messageKind,
  messageStatus,
  outboxMessage,
  deskMessage,
  reminderSettings,
  messageTemplate,
  templatePreview,
  smsReplyOutcome,
  inboxReply,
} from './messaging.js';
export type {
  OutboxMessage,
  DeskMessage,
  ReminderSettingsView,
  MessageTemplateView,
  InboxReply,
} from './messaging.js';
export {
  apiKey,
  connectionSettingsView,
  connectionSettingsPatch,
  widgetEmbedInfo,
} from './connections.js';
export type { ApiKey, ConnectionSettingsView, WidgetEmbedInfo } from './connections.js';

export const channels = {
  ...catalogChannels,
  ...customersChannels,
  ...appointmentsChannels,
  ...paymentsChannels,
  ...messagingChannels,
  ...connectionsChannels,
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const events = {
  ...customersEvents,
  ...appointmentsEvents,
  ...messagingEvents,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

// One check for every side: the Electron preload imports contract-names.ts directly (no zod).
export { isChannel, isEventName } from '../contract-names.js';
