// The composition root: one place that builds the core from a database path and injected
// clock/ids. Electron (main/index.ts), server mode (main/server.ts) and the tests all call it.
import { startBackgroundCheckpoints } from '../db/checkpoints.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { createEventBus, type EventBus } from './core/events.js';
import { createHandlers } from './ipc/handlers/index.js';
import { createRouter, type Router } from './ipc/router.js';
import {
  createApiKeyService,
  createPublicAddress,
  type PublicAddress,
  createConnectionSettingsService,
} from './connections/index.js';
import {
  createAvailabilityService,
  createBookingService,
  createScheduleReader,
  createAppointmentStore,
} from './appointments/index.js';
import { createCatalogService, createSettingsService } from './catalog/index.js';
import { randomIds, systemClock, type Clock, type Core, type IdGenerator } from './core/context.js';
import {
  createCustomerService,
  createCustomerCsv,
  createCustomerMerge,
} from './customers/index.js';
import {
  createMessagingSettingsService,
  createDeskOutbox,
  createOutbox,
  createReminderPlanner,
  createReminderLoop,
  type ReminderLoop,
  type Timers,
  type RetryPolicy,
  systemTimers,
  createTemplateStore,
  createSmsInbox,
  createTemplatePreview,
  createInviteBuilder,
  type InviteBuilder,
} from './messaging/index.js';
import type { SmsSender } from './integrations/sms/sms-sender.js';
import type { EmailSender } from './integrations/email/email-sender.js';
import type { EventPayload } from '../preload/contract/index.js';
import type { StripeApiAddress } from './integrations/payments/stripe.js';
import {
  createPaymentService,
  createPaymentReconciler,
  type PaymentReconciler,
  createPaymentTermsReader,
} from './payments/index.js';
import { createPaymentRuntime, type PaymentRuntime } from './integrations/payments/runtime.js';
import { createLiveSenders } from './integrations/senders.js';
import { createGroupCommit } from './core/group-commit.js';

export interface AppOptions {
  dbPath: string;
  clock?: Clock;
  newId?: IdGenerator;
  log?: (message: string, error?: unknown) => void;
  /** The reminder loop's providers; without them, demo senders: the outbox records, nothing leaves. */
  messaging?: {
    sms?: SmsSender;
    email?: EmailSender;
    /** Our sending address; its domain goes into the emails' stable Message-IDs. */
    emailFrom?: string;
    /** Where the Twilio API lives for senders built from the connection settings (tests). */
    twilioBaseUrl?: string;
    timers?: Timers;
    retry?: Partial<RetryPolicy>;
  };
  /** Payments: the Stripe API's address (a fake in tests) and the reconciliation timer. */
  payments?: { stripeApi?: StripeApiAddress; timers?: Timers; reconcileIntervalMs?: number };
  /**
   * Checkpoint the WAL from a worker thread instead of inside commits (db/checkpoints.ts). The
   * hosts turn it on; in-process tests that open hundreds of apps leave it off.
   */
  backgroundCheckpoints?: boolean;
}

function createServices(core: Core, paymentRuntime: PaymentRuntime, publicAddress: PublicAddress) {
  const settings = createSettingsService(core);
  const catalog = createCatalogService(core, settings);
  const customers = createCustomerService(core, settings);
  const schedule = createScheduleReader(core.db);
  const store = createAppointmentStore(core);
  const availability = createAvailabilityService(core, { settings, catalog, schedule });
  const apiKeys = createApiKeyService(core);
  const messagingSettings = createMessagingSettingsService(core);
  const outbox = createOutbox(core);
  const connections = createConnectionSettingsService(core);
  const templates = createTemplateStore(core);
  const paymentTerms = createPaymentTermsReader(core, settings);
  const reminders = createReminderPlanner(core, {
    settings,
    messagingSettings,
    catalog,
    customers,
    store,
    outbox,
    templates,
    connections,
    paymentTerms,
  });
  // A change and its messages commit together: the planner is a step of every appointment write.
  const bookings = createBookingService(core, {
    settings,
    catalog,
    customers,
    schedule,
    store,
    inWrite: (row, change, manageToken) => {
      reminders.planFor(row, change, manageToken);
    },
  });
  const inbox = createSmsInbox(core, { settings, catalog, bookings, store, planner: reminders });
  const previewTemplate = createTemplatePreview(core, {
    settings,
    catalog,
    customers,
    bookings,
    templates,
    planner: reminders,
    paymentTerms,
  });
  const payments = createPaymentService(
    core,
    { settings, catalog, customers, bookings, store, schedule, outbox },
    {
      provider: paymentRuntime.provider,
      publicBaseUrl: paymentRuntime.publicBaseUrl,
      onMessagesPlanned: paymentRuntime.wake,
      log: paymentRuntime.log,
    },
  );
  return {
    payments,
    appointments: store,
    paymentRuntime,
    connections,
    templates,
    inbox,
    previewTemplate,
    settings,
    catalog,
    customers,
    bookings,
    availability,
    apiKeys,
    messagingSettings,
    outbox,
    deskOutbox: createDeskOutbox(core, { settings, catalog, store }),
    reminders,
    customerMerge: createCustomerMerge(core, customers, store),
    customerCsv: createCustomerCsv(core, settings),
    publicAddress,
    /** Bookings arriving together share one commit (the public API's booking writes). */
    groupCommit: createGroupCommit(core.write),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface App {
  db: Db;
  core: Core;
  services: Services;
  router: Router;
  events: EventBus;
  /** Sends the outbox; the hosts start it once they listen and stop it before close(). */
  reminderLoop: ReminderLoop;
  /** Heals lost payment webhooks; the hosts start it once they listen and stop it before close(). */
  paymentReconciler: PaymentReconciler;
  /**
   * Checkpoints and closes the database; calling it twice is harmless. Resolves once the
   * background checkpoint worker has let go of the file too (at once without one), so a caller
   * may then move or delete it.
   */
  close(): Promise<void>;
}

/**
 * The demo sender records the outbox row and nothing else, so an .ics is built only for an email
 * that leaves: building one costs about 0.4 ms (ical-generator encodes each character on its own
 * while folding lines), on the same thread that answers bookings.
 */
function onlyWhenEmailLeaves(leaves: () => boolean, invite: InviteBuilder): InviteBuilder {
  return (row) => (leaves() ? invite(row) : undefined);
}

export function createApp(options: AppOptions): App {
  const log =
    options.log ??
    ((message, error) =>
      error === undefined ? console.error(message) : console.error(message, error));
  const db = openDatabase(options.dbPath);
  const checkpoints =
    options.backgroundCheckpoints && options.dbPath !== ':memory:'
      ? startBackgroundCheckpoints(db, options.dbPath, { log })
      : null;
  const events = createEventBus({
    db,
    onListenerError: (error) => log('event listener failed', error),
  });
  const core: Core = {
    db,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomIds,
    events,
    write: events.write,
  };
  const publicAddress = createPublicAddress(core);
  const paymentRuntime = createPaymentRuntime(core, {
    log,
    publicAddress,
    ...(options.payments?.stripeApi ? { stripeApi: options.payments.stripeApi } : {}),
  });
  const services = createServices(core, paymentRuntime, publicAddress);
  services.settings.get(); // creates the settings row on a new file
  // Senders given in the options (tests) are used as they are; otherwise the connection settings
  // choose Twilio/SMTP or demo, and a saved change swaps them under the running loop.
  const live = createLiveSenders(services.connections.row(), {
    ...(options.messaging?.twilioBaseUrl ? { twilioBaseUrl: options.messaging.twilioBaseUrl } : {}),
  });
  // The app owns the senders it is given: close() closes the email sender's pooled connections.
  const email = options.messaging?.email ?? live.email;
  // Read per message, not once here: a From saved at the desk applies to the next email.
  const emailFrom = () =>
    options.messaging?.emailFrom ?? (live.emailFrom() || 'bookings@bookingsync.invalid');
  const loop = createReminderLoop({
    core,
    outbox: services.outbox,
    planner: services.reminders,
    sms: options.messaging?.sms ?? live.sms,
    email,
    emailFrom,
    invite: onlyWhenEmailLeaves(
      () => options.messaging?.email !== undefined || live.modes().email !== 'demo',
      createInviteBuilder({ core, ...services, emailFrom }),
    ),
    timers: options.messaging?.timers,
    retry: options.messaging?.retry,
    log,
  });
  // Future appointments left without messages (a crash between commit and planning, the demo
  // seed's bulk insert, a database from before reminders) are planned when the loop starts —
  // after any seeding — and the dedupe keys make a repeat harmless.
  const reminderLoop: ReminderLoop = {
    ...loop,
    start() {
      try {
        services.reminders.planMissing();
      } catch (error) {
        log('planning unplanned appointments failed', error);
      }
      return loop.start();
    },
  };
  services.connections.onChange(() => {
    for (const channel of live.rebuild(services.connections.row())) reminderLoop.resume(channel);
  });
  // Messages are planned inside each appointment write (appointments/bookings.ts); once it has
  // committed, the loop looks for what fell due.
  events.subscribe((event) => {
    if (event === 'appointments.changed') reminderLoop.wake();
  });
  // Payments follow the same committed changes (a booking's policy was frozen in its own write,
  // appointments/bookings.ts): cancellations refund per that policy, a no-show keeps the deposit or
  // charges the card.
  paymentRuntime.setWake(() => reminderLoop.wake());
  events.subscribe((event, payload) => {
    if (event !== 'appointments.changed') return;
    const change = payload as EventPayload<'appointments.changed'>;
    if (change.change !== 'status_changed') return;
    if (change.status === 'cancelled') void services.payments.onCancelled(change.appointmentId);
    if (change.status === 'no_show') void services.payments.onNoShow(change.appointmentId);
  });
  const paymentReconciler = createPaymentReconciler({
    payments: services.payments,
    timers: options.payments?.timers ?? systemTimers,
    intervalMs: options.payments?.reconcileIntervalMs ?? 5 * 60_000,
    log,
  });
  const router = createRouter(createHandlers(services), {
    onInternalError: (channel, error) => log(`internal error on ${channel}`, error),
  });
  let closed: Promise<void> | undefined;
  return {
    db,
    core,
    services,
    router,
    events,
    reminderLoop,
    paymentReconciler,
    close() {
      if (closed) return closed;
      // The hosts await reminderLoop.stop() first; this only makes sure no timer outlives us.
      void reminderLoop.stop();
      void paymentReconciler.stop();
      email.close();
      live.close();
      const workerGone = checkpoints?.stop() ?? Promise.resolve();
      closeDatabase(db);
      closed = workerGone;
      return closed;
    },
  };
}
