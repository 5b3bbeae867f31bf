// The composition root: one place that builds the core from a database path and injected
// clock/ids. Electron (main/index.ts), server mode (main/server.ts) and the tests all call it.
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { createEventBus, type EventBus } from './events.js';
import { createHandlers } from './ipc/handlers.js';
import { createRouter, type Router } from './ipc/router.js';
import { createApiKeyService } from './services/api-keys.js';
import { createAvailabilityService } from './services/availability.js';
import { createBookingService } from './services/bookings.js';
import { createCatalogService } from './services/catalog.js';
import {
  randomIds,
  systemClock,
  type Clock,
  type Core,
  type IdGenerator,
} from './services/core.js';
import { createCustomerService } from './services/customers.js';
import { createCustomerCsv } from './services/customer-csv.js';
import { createCustomerMerge } from './services/customer-merge.js';
import { createPublicAddress } from './services/public-address.js';
import { createScheduleReader } from './services/schedule.js';
import { createSettingsService } from './services/settings.js';
import { createMessagingSettingsService } from './services/messaging-settings.js';
import { createOutbox } from './services/outbox.js';
import { createReminderPlanner } from './services/reminders.js';
import { createReminderLoop, type ReminderLoop, type Timers } from './services/reminder-loop.js';
import type { RetryPolicy } from './services/reminder-dispatch.js';
import { createDemoSmsSender } from './integrations/sms/demo.js';
import { createDemoEmailSender } from './integrations/email/demo.js';
import type { SmsSender } from './integrations/sms/sms-sender.js';
import type { EmailSender } from './integrations/email/email-sender.js';
import type { EventPayload } from '../preload/contract.js';

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
    timers?: Timers;
    retry?: Partial<RetryPolicy>;
  };
}

function createServices(core: Core) {
  const settings = createSettingsService(core);
  const catalog = createCatalogService(core, settings);
  const customers = createCustomerService(core, settings);
  const schedule = createScheduleReader(core.db);
  const bookings = createBookingService(core, { settings, catalog, customers, schedule });
  const availability = createAvailabilityService(core, { settings, catalog, schedule });
  const apiKeys = createApiKeyService(core);
  const messagingSettings = createMessagingSettingsService(core);
  const outbox = createOutbox(core);
  const reminders = createReminderPlanner(core, {
    settings,
    messagingSettings,
    catalog,
    customers,
    bookings,
    outbox,
  });
  return {
    settings,
    catalog,
    customers,
    bookings,
    availability,
    apiKeys,
    messagingSettings,
    outbox,
    reminders,
    customerMerge: createCustomerMerge(core, customers),
    customerCsv: createCustomerCsv(core, settings),
    publicAddress: createPublicAddress(core),
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
  /** Checkpoints and closes the database; calling it twice is harmless. */
  close(): void;
}

export function createApp(options: AppOptions): App {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const db = openDatabase(options.dbPath);
  const events = createEventBus((error) => log('event listener failed', error));
  const core: Core = {
    db,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomIds,
    events,
  };
  const services = createServices(core);
  services.settings.get(); // creates the settings row on a new file
  // The app owns the senders it is given: close() closes the email sender's pooled connections.
  const email = options.messaging?.email ?? createDemoEmailSender();
  const reminderLoop = createReminderLoop({
    core,
    outbox: services.outbox,
    planner: services.reminders,
    sms: options.messaging?.sms ?? createDemoSmsSender(),
    email,
    emailFrom: options.messaging?.emailFrom ?? 'bookings@bookingsync.invalid',
    timers: options.messaging?.timers,
    retry: options.messaging?.retry,
    log,
  });
  // Messages are planned from the event bus rather than from inside bookings.ts: every path that
  // changes an appointment emits appointments.changed after its commit, so this one subscription
  // covers desk, widget, API and demo seed alike (see services/reminders.ts). A planning failure
  // is logged by the bus and never undoes the booking.
  events.subscribe((event, payload) => {
    if (event !== 'appointments.changed') return;
    const change = payload as EventPayload<'appointments.changed'>;
    if (services.reminders.onAppointmentChanged(change.appointmentId, change.change) > 0) {
      reminderLoop.wake();
    }
  });
  const router = createRouter(createHandlers(services), {
    onInternalError: (channel, error) => log(`internal error on ${channel}`, error),
  });
  let closed = false;
  return {
    db,
    core,
    services,
    router,
    events,
    reminderLoop,
    close() {
      if (closed) return;
      closed = true;
      // The hosts await reminderLoop.stop() first; this only makes sure no timer outlives us.
      void reminderLoop.stop();
      email.close();
      closeDatabase(db);
    },
  };
}
