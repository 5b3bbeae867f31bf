// SMS without credentials: nothing leaves the machine. The loop writes the outbox row (marked
// demo) as it does for a real send; this only answers as a provider would, so demo mode walks
// the same code paths — including refusing a number no provider would take.
import { E164_PATTERN, SmsError, type SmsSender } from './sms-sender.js';

export function createDemoSmsSender(): SmsSender {
  return {
    async send({ to, idempotencyKey }) {
      if (!E164_PATTERN.test(to)) {
        throw new SmsError('invalid_number', `"${to}" is not a phone number in E.164 form`);
      }
      return { providerId: `demo_${idempotencyKey}`, status: 'demo' };
    },
    // Nothing was ever sent anywhere, so there is nothing to find: a demo row left in "sending"
    // after a crash is simply sent (recorded) again — harmless, since no customer receives it.
    async findSentSince() {
      return [];
    },
  };
}
