// The desk's messaging channels: the outbox and the SMS inbox, the reminder settings, and the
// business's templates with their previews.
import type { Services } from '../../app.js';
import type { HandlerGroup } from '../router.js';

export function messagingHandlers(s: Services): HandlerGroup {
  return {
    'outbox.list': (input) => {
      const listed = s.outbox.list(input);
      return { ...listed, messages: s.deskOutbox.describe(listed.messages) };
    },
    'outbox.page': (input) => s.deskOutbox.page(input),
    'inbox.list': (input) => s.inbox.list(input),
    'inbox.markHandled': (input) => s.inbox.markHandled(input.id),
    'reminderSettings.get': () => s.messagingSettings.get(),
    'reminderSettings.update': (input) => s.messagingSettings.update(input),
    'templates.list': () => s.templates.list(),
    'templates.save': (input) => s.templates.save(input),
    'templates.reset': (input) => s.templates.reset(input.kind, input.channel),
    'templates.preview': (input) => s.previewTemplate(input),
  };
}
