// Contract channels → services, grouped per domain and merged once. Handlers receive input the
// router has already validated; actor is 'desk' because only the receptionist's UI uses these.
import type { Services } from '../../app.js';
import type { EventBus } from '../../core/events.js';
import { paymentHandlers } from './payments.js';
import { reminderHandlers } from './messaging.js';
import { calendarHandlers } from './calendar.js';
import { deskHandlers } from './customers.js';
import { mergeHandlers, type HandlerGroup, type HandlerMap } from '../router.js';

function settingsHandlers(s: Services): HandlerGroup {
  return {
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
  };
}

function catalogHandlers(s: Services): HandlerGroup {
  return {
    'staff.list': () => s.catalog.listStaff(),
    'staff.create': (input) => s.catalog.createStaff(input),
    'staff.update': (input) => s.catalog.updateStaff(input),
    'services.list': (input) => s.catalog.listServices(input.includeInactive),
    'services.create': (input) => s.catalog.createService(input),
    'services.update': (input) => s.catalog.updateService(input),
    'hours.get': (input) => s.catalog.getHours(input.staffId),
    'hours.set': (input) => s.catalog.setHours(input.staffId, input.intervals),
    'timeOff.list': (input) => s.catalog.listTimeOff(input),
    'timeOff.create': (input) => s.catalog.createTimeOff(input),
    'timeOff.delete': (input) => s.catalog.deleteTimeOff(input.id),
  };
}

function customerHandlers(s: Services, events: EventBus): HandlerGroup {
  // Announced here, after the service has committed, so no window refetches a half-written row.
  return {
    'customers.list': (input) => s.customers.list(input),
    'customers.get': (input) => s.customers.get(input.id),
    'customers.create': (input) => {
      const created = s.customers.create(input);
      events.emit('customers.changed', { change: 'created', customerIds: [created.id] });
      return created;
    },
    'customers.update': (input) => {
      const updated = s.customers.update(input);
      events.emit('customers.changed', { change: 'updated', customerIds: [updated.id] });
      return updated;
    },
  };
}

function appointmentHandlers(s: Services): HandlerGroup {
  return {
    'appointments.list': (input) => s.appointmentList.list(input),
    'appointments.get': (input) => s.bookings.get(input.id),
    'appointments.history': (input) => s.bookings.history(input.id),
    'appointments.create': (input) =>
      s.bookings.create({ ...input, source: 'desk', actor: 'desk' }).appointment,
    'appointments.reschedule': (input) => s.bookings.reschedule(input, 'desk'),
    'appointments.cancel': (input) => s.bookings.cancel(input.id, 'desk', input.reason),
    'appointments.complete': (input) => s.bookings.complete(input.id, 'desk'),
    'appointments.markNoShow': (input) => s.bookings.markNoShow(input.id, 'desk'),
    'availability.get': (input) => s.availability.get(input),
  };
}

function apiKeyHandlers(s: Services): HandlerGroup {
  return {
    'apiKeys.list': () => s.apiKeys.list(),
    'apiKeys.create': (input) => s.apiKeys.create(input),
    'apiKeys.revoke': (input) => s.apiKeys.revoke(input.id),
  };
}

export function createHandlers(services: Services, events: EventBus): HandlerMap {
  return mergeHandlers(
    reminderHandlers(services),
    settingsHandlers(services),
    catalogHandlers(services),
    customerHandlers(services, events),
    appointmentHandlers(services),
    apiKeyHandlers(services),
    paymentHandlers(services),
    calendarHandlers(services),
    deskHandlers(services, events),
  );
}
