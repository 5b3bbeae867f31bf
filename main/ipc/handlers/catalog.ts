// The desk's catalog channels: the business's settings, staff, services, weekly hours and time off.
import type { Services } from '../../app.js';
import type { HandlerGroup } from '../router.js';

export function catalogHandlers(s: Services): HandlerGroup {
  return {
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
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
