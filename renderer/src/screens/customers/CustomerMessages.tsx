// Messages to the customer (confirmations, reminders, …) from the outbox, newest first, with
// the reason when one failed: the answer to "did she get the reminder?".
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { OutboxMessage } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatWhen } from './when.js';

const statusColors: Record<OutboxMessage['status'], string> = {
  planned: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export function CustomerMessages(props: { customerId: string; zone: string }) {
  const messages = useChannel('outbox.list', { customerId: props.customerId, limit: 10 });
  if (!messages.data) return null;
  if (messages.data.messages.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="customer-no-messages">
        No messages yet. Confirmations and reminders for their bookings are listed here.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="customer-messages" data-total={messages.data.total}>
      {messages.data.messages.map((m) => (
        <Group
          key={m.id}
          gap="xs"
          wrap="nowrap"
          data-testid="customer-message"
          data-status={m.status}
        >
          <Badge variant="light" color={statusColors[m.status]} w={88}>
            {m.status}
          </Badge>
          <Text size="sm" style={{ flex: 1 }} truncate>
            {m.kind.replace('_', ' ')} by {m.channel === 'sms' ? 'text' : 'email'} to {m.to}
            {m.error ? ` — ${m.error}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {formatWhen(m.sentAt ?? m.dueAt, props.zone)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
