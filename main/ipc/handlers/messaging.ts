// Reminders and messages over the contract: the outbox and the SMS inbox, the business's
// reminder settings and templates, and the connections (public base URL, Twilio, SMTP).
import type { Services } from '../../app.js';
import type { HandlerGroup } from '../router.js';

export function reminderHandlers(s: Services): HandlerGroup {
  return {
    'outbox.list': (input) => s.outbox.list(input),
    'inbox.list': (input) => s.inbox.list(input),
    'inbox.markHandled': (input) => s.inbox.markHandled(input.id),
    'connections.get': () => s.connections.get(),
    'connections.update': (input) => s.connections.update(input),
    'reminderSettings.get': () => s.messagingSettings.get(),
    'reminderSettings.update': (input) => s.messagingSettings.update(input),
    'templates.list': () => s.templates.list(),
    'templates.save': (input) => s.templates.save(input),
    'templates.reset': (input) => s.templates.reset(input.kind, input.channel),
    'templates.preview': (input) => s.previewTemplate(input),
  };
}
