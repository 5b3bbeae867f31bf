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
import { createScheduleReader } from './services/schedule.js';
import { createSettingsService } from './services/settings.js';

export interface AppOptions {
  dbPath: string;
  clock?: Clock;
  newId?: IdGenerator;
  log?: (message: string, error?: unknown) => void;
}

function createServices(core: Core) {
  const settings = createSettingsService(core);
  const catalog = createCatalogService(core, settings);
  const customers = createCustomerService(core, settings);
  const schedule = createScheduleReader(core.db);
  const bookings = createBookingService(core, { settings, catalog, customers, schedule });
  const availability = createAvailabilityService(core, { settings, catalog, schedule });
  const apiKeys = createApiKeyService(core);
  return { settings, catalog, customers, bookings, availability, apiKeys };
}

export type Services = ReturnType<typeof createServices>;

export interface App {
  db: Db;
  core: Core;
  services: Services;
  router: Router;
  events: EventBus;
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
    close() {
      if (closed) return;
      closed = true;
      closeDatabase(db);
    },
  };
}
