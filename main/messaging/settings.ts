// When and how the business reminds its customers: quiet hours, the reminder schedule, the
// minimum lead. One row, created with the defaults of domain/reminder-plan.ts on first read.
import { eq } from 'drizzle-orm';
import { messagingSettings } from '../../db/schema.js';
import { messageChannels } from '../domain/message-kinds.js';
import { DEFAULT_QUIET_HOURS, validateQuietHours, type QuietHours } from '../domain/quiet-hours.js';
import {
  DEFAULT_MINIMUM_LEAD_MINUTES,
  DEFAULT_REMINDER_SCHEDULE,
  validateReminderSchedule,
  type ReminderOffset,
} from '../domain/reminder-plan.js';
import { ValidationError } from '../core/errors.js';
import type { Core } from '../core/context.js';

export interface ReminderSettings {
  quietHours: QuietHours;
  schedule: ReminderOffset[];
  minimumLeadMinutes: number;
}

function isOffset(value: unknown): value is ReminderOffset {
  const entry = value as Partial<ReminderOffset> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    messageChannels.some((c) => c === entry.channel) &&
    typeof entry.offsetMinutes === 'number'
  );
}

/** The stored JSON, read defensively: a damaged value falls back to the default schedule. */
function parseSchedule(json: string): ReminderOffset[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed) && parsed.every(isOffset)) return parsed;
  } catch {
    // fall through to the default
  }
  return [...DEFAULT_REMINDER_SCHEDULE];
}

export function createMessagingSettingsService(core: Core) {
  const { db, clock } = core;
  const readRow = db.select().from(messagingSettings).where(eq(messagingSettings.id, 1)).prepare();

  function get(): ReminderSettings {
    const row = readRow.get();
    if (!row) {
      return {
        quietHours: { ...DEFAULT_QUIET_HOURS },
        schedule: [...DEFAULT_REMINDER_SCHEDULE],
        minimumLeadMinutes: DEFAULT_MINIMUM_LEAD_MINUTES,
      };
    }
    return {
      quietHours: { startMinute: row.quietStartMinute, endMinute: row.quietEndMinute },
      schedule: parseSchedule(row.reminderSchedule),
      minimumLeadMinutes: row.minimumLeadMinutes,
    };
  }

  return {
    get,
    update(patch: Partial<ReminderSettings>): ReminderSettings {
      const next = { ...get(), ...patch };
      const problems = [
        ...validateQuietHours(next.quietHours).map((message) => ({
          field: 'quietHours',
          message,
        })),
        ...validateReminderSchedule(next.schedule).map((message) => ({
          field: 'schedule',
          message,
        })),
      ];
      if (!Number.isInteger(next.minimumLeadMinutes) || next.minimumLeadMinutes < 0) {
        problems.push({ field: 'minimumLeadMinutes', message: 'must be a whole number ≥ 0' });
      }
      if (problems.length > 0) throw new ValidationError(problems);
      const values = {
        quietStartMinute: next.quietHours.startMinute,
        quietEndMinute: next.quietHours.endMinute,
        reminderSchedule: JSON.stringify(next.schedule),
        minimumLeadMinutes: next.minimumLeadMinutes,
        updatedAt: clock.now(),
      };
      db.insert(messagingSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: messagingSettings.id, set: values })
        .run();
      return next;
    },
  };
}

export type MessagingSettingsService = ReturnType<typeof createMessagingSettingsService>;
