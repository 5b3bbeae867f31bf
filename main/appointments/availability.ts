// Free slots for a service: read the window from the database, let the pure engine decide.
import { computeAvailability } from '../domain/availability.js';
import { staffForService } from '../domain/staff-choice.js';
import { addDaysToLocalDate, startOfLocalDay } from '../domain/time.js';
import { ValidationError } from '../core/errors.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { ScheduleReader } from './schedule.js';

export interface AvailabilityRequest {
  serviceId: string;
  staffId?: string | undefined;
  from: string;
  days?: number | undefined;
}

export function createAvailabilityService(
  core: Core,
  deps: { settings: SettingsService; catalog: CatalogService; schedule: ScheduleReader },
) {
  const { settings, catalog, schedule } = deps;
  return {
    get(request: AvailabilityRequest) {
      const s = settings.get();
      const service = catalog.getService(request.serviceId);
      if (!service.active) throw ValidationError.field('serviceId', 'this service is not bookable');
      if (request.staffId !== undefined) catalog.staffRow(request.staffId); // unknown: NOT_FOUND
      const choice = staffForService(service, catalog.listStaff(), request.staffId);
      // Nobody free to book (none left, or the one asked for is away) simply has no slots.
      if (!choice.ok && choice.reason === 'does_not_perform') {
        throw ValidationError.field('staffId', choice.message);
      }
      const staffIds = choice.ok ? choice.staffIds : [];
      const days = request.days ?? 7;
      const now = core.clock.now();
      const from = startOfLocalDay(request.from, s.timeZone);
      const to = startOfLocalDay(addDaysToLocalDate(request.from, days), s.timeZone);
      return {
        timeZone: s.timeZone,
        days: computeAvailability({
          timeZone: s.timeZone,
          now,
          fromDate: request.from,
          days,
          durationMinutes: service.durationMinutes,
          bufferBeforeMinutes: service.bufferBeforeMinutes,
          bufferAfterMinutes: service.bufferAfterMinutes,
          stepMinutes: s.slotStepMinutes,
          minimumNoticeMinutes: s.minimumNoticeMinutes,
          horizonDays: s.horizonDays,
          staff: schedule.read(staffIds, from, to, now),
        }),
      };
    },
  };
}

export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
