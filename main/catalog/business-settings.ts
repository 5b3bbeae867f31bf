// The business's settings: one row, created with sensible defaults on first open.
import { eq } from 'drizzle-orm';
import { businessSettings } from '../../db/schema.js';
import { createAnswerCache } from '../core/answer-cache.js';
import type { Settings } from '../../preload/contract/index.js';
import type { Core } from '../core/context.js';

function systemDefaults(): Omit<Settings, 'name'> {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  const region = new Intl.Locale(resolved.locale).maximize().region;
  return {
    timeZone: resolved.timeZone || 'UTC',
    country: region && /^[A-Z]{2}$/.test(region) ? region : 'US',
    currency: 'USD',
    phone: null,
    slotStepMinutes: 15,
    minimumNoticeMinutes: 60,
    horizonDays: 60,
    cancellationCutoffMinutes: 24 * 60,
    holdMinutes: 15,
  };
}

export function createSettingsService(core: Core) {
  const { db, clock } = core;
  // Read on every booking and availability request: prepared once (drizzle's builder costs ~50 µs).
  const readRow = db.select().from(businessSettings).where(eq(businessSettings.id, 1)).prepare();

  // Every booking reads the settings a dozen times (its rules, its messages, its answer); they
  // are kept until anything is written (core/answer-cache.ts), and each caller gets its own copy.
  const kept = createAnswerCache<Settings>(db, { maxEntries: 1 });

  function read(): Settings {
    const known = kept.get('settings', 0);
    if (known) return { ...known };
    const fresh = readStored();
    kept.set('settings', fresh, Number.POSITIVE_INFINITY);
    return { ...fresh };
  }

  function readStored(): Settings {
    const row = readRow.get();
    if (row) {
      const { id: _id, updatedAt: _updated, ...settings } = row;
      return settings;
    }
    const created = { name: 'My business', ...systemDefaults() };
    db.insert(businessSettings)
      .values({ id: 1, ...created, updatedAt: clock.now() })
      .onConflictDoNothing()
      .run();
    return created;
  }

  return {
    get: read,
    update(patch: Partial<Settings>): Settings {
      const next = { ...read(), ...patch };
      db.update(businessSettings)
        .set({ ...next, updatedAt: clock.now() })
        .where(eq(businessSettings.id, 1))
        .run();
      return next;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
