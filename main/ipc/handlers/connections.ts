// The desk's connection channels: the public address and the Twilio and SMTP accounts, admin API
// keys, and where the widget is served (for the embed snippet and its live preview). Stripe's
// credentials are with the payment channels.
import type { Services } from '../../app.js';
import type { HandlerGroup } from '../router.js';

export function connectionHandlers(s: Services): HandlerGroup {
  return {
    'connections.get': () => s.connections.get(),
    'connections.update': (input) => s.connections.update(input),
    'apiKeys.list': () => s.apiKeys.list(),
    'apiKeys.create': (input) => s.apiKeys.create(input),
    'apiKeys.revoke': (input) => s.apiKeys.revoke(input.id),
    'widget.embedInfo': () => s.publicAddress.embedInfo(),
  };
}
