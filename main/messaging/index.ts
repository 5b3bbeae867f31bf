// Messaging: the planner that turns what happened to an appointment into outbox rows, the outbox,
// the reminder loop that sends them, templates, the SMS inbox and the .ics invites. The only door
// into this folder.
export type { RetryPolicy } from './dispatch.js';
export { createSmsInbox } from './inbox.js';
export { createInviteBuilder } from './invites.js';
export type { InviteBuilder } from './invites.js';
export { createReminderLoop, systemTimers } from './loop.js';
export type { ReminderLoop, Timers } from './loop.js';
export { createDeskOutbox } from './desk-outbox.js';
export type { DeskOutbox } from './desk-outbox.js';
export { createOutbox } from './outbox.js';
export type { Outbox, NewOutboxMessage } from './outbox.js';
export { createReminderPlanner } from './planner.js';
export { createMessagingSettingsService } from './settings.js';
export { createTemplatePreview } from './template-preview.js';
export { createTemplateStore } from './templates.js';
