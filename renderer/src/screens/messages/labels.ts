// How the desk words a message's kind, channel and status, wherever messages are listed.
import type { OutboxMessage } from '../../../../preload/contract/index.js';

export const statusColors: Record<OutboxMessage['status'], string> = {
  planned: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

const kindLabels: Record<OutboxMessage['kind'], string> = {
  confirmation: 'Confirmation',
  reminder: 'Reminder',
  rescheduled: 'Moved',
  cancellation: 'Cancellation',
  thank_you: 'Thank you',
  rebook: 'Time to rebook',
  no_show: 'Missed visit',
  payment_link: 'Payment link',
  payment_refunded: 'Refund',
  reply: 'Reply',
};

export function kindLabel(kind: OutboxMessage['kind']): string {
  return kindLabels[kind];
}

export function channelLabel(channel: OutboxMessage['channel']): string {
  return channel === 'sms' ? 'text' : 'email';
}
