// Email without SMTP settings: nothing leaves the machine; the loop records the outbox row
// (marked demo), which is where the desk reads what would have been sent.
import { EmailError, type EmailSender } from './email-sender.js';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function createDemoEmailSender(): EmailSender {
  return {
    async send({ to, messageId }) {
      if (!ADDRESS.test(to)) {
        throw new EmailError('invalid_address', `"${to}" is not an email address`);
      }
      return { providerId: messageId, status: 'demo' };
    },
    close() {},
  };
}
