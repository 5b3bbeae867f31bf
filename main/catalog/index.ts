// The catalog: what the business offers and how it books — staff, services, weekly hours, time
// off, and the business's settings (zone, country, currency, slot step, notice, cut-off). The
// only door into this folder: other capabilities import from here, never from its files.
export { createSettingsService } from './business-settings.js';
export type { SettingsService } from './business-settings.js';
export { createCatalogService, serviceReminderSchedule } from './catalog.js';
export type { CatalogService } from './catalog.js';
