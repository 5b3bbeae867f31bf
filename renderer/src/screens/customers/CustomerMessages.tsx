// Everything said between the business and this customer, as a thread: what we sent (or plan to
// send) on the right, their texts on the left, oldest at the top. Answers "did she get the
// reminder?" and "what did he text back?" in one place; a message opens in full.
import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeskMessage, InboxReply } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { MessageDialog } from '../messages/MessageDialog.js';
import { channelLabel, kindLabel, statusColors } from '../messages/labels.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { formatWhen } from './when.js';

/** Each "Show earlier" reads this many more of both directions. */
const STEP = 20;

type Entry =
  | { direction: 'out'; at: number; message: DeskMessage }
  | { direction: 'in'; at: number; reply: InboxReply };

export function CustomerMessages(props: { customerId: string; zone: string }) {
  const [limit, setLimit] = useState(STEP);
  const [open, setOpen] = useState<DeskMessage | null>(null);
  const formatPhone = usePhoneFormat();
  const sent = useChannel('outbox.list', { customerId: props.customerId, limit });
  const received = useChannel('inbox.list', { customerId: props.customerId, limit });
  if (!sent.data || !received.data) return null;
  const entries: Entry[] = [
    ...sent.data.messages.map((m): Entry => ({
      direction: 'out',
      at: m.sentAt ?? m.dueAt,
      message: m,
    })),
    ...received.data.replies.map((r): Entry => ({ direction: 'in', at: r.receivedAt, reply: r })),
  ];
  // Both lists come newest first and each stops somewhere: show only as far back as both reach,
  // so a gap in one never looks like silence.
  const reach = Math.max(
    sent.data.messages.length < sent.data.total
      ? (sent.data.messages.at(-1)?.sentAt ?? sent.data.messages.at(-1)?.dueAt ?? 0)
      : 0,
    received.data.replies.length < received.data.total
      ? (received.data.replies.at(-1)?.receivedAt ?? 0)
      : 0,
  );
  const thread = entries.filter((e) => e.at >= reach).sort((a, b) => a.at - b.at);
  const more =
    sent.data.messages.length < sent.data.total ||
    received.data.replies.length < received.data.total;
  if (thread.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="customer-no-messages">
        No messages yet. Confirmations and reminders for their bookings, and their texts back, are
        listed here.
      </Text>
    );
  }
  return (
    <Stack
      gap={6}
      data-testid="customer-messages"
      data-total={sent.data.total + received.data.total}
    >
      {more && (
        <Group justify="center">
          <Button
            size="xs"
            variant="default"
            onClick={() => setLimit((n) => Math.min(n + STEP, 500))}
            data-testid="customer-messages-earlier"
          >
            Show earlier messages
          </Button>
        </Group>
      )}
      {thread.map((e) =>
        e.direction === 'out' ? (
          <Box key={e.message.id} style={{ alignSelf: 'flex-end', width: '80%' }}>
            <Paper
              withBorder
              p="xs"
              component="button"
              type="button"
              onClick={() => setOpen(e.message)}
              data-testid="customer-message"
              data-direction="out"
              data-status={e.message.status}
              data-message-id={e.message.id}
              style={{ textAlign: 'left', cursor: 'pointer', width: '100%', font: 'inherit' }}
            >
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="xs" fw={600}>
                  {kindLabel(e.message.kind)} by {channelLabel(e.message.channel)}
                </Text>
                <Badge size="xs" variant="light" color={statusColors[e.message.status]}>
                  {e.message.status}
                </Badge>
              </Group>
              <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                {e.message.body}
              </Text>
              <Text size="xs" c="dimmed">
                {formatWhen(e.at, props.zone)} · to {formatPhone(e.message.to)}
                {e.message.error ? ` · ${e.message.error}` : ''}
              </Text>
            </Paper>
          </Box>
        ) : (
          <Paper
            key={e.reply.id}
            withBorder
            p="xs"
            bg="var(--mantine-color-default-hover)"
            style={{ alignSelf: 'flex-start', maxWidth: '80%' }}
            data-testid="customer-message"
            data-direction="in"
          >
            <Text size="xs" fw={600}>
              Their text
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.reply.body}
            </Text>
            <Text size="xs" c="dimmed">
              {formatWhen(e.at, props.zone)} · from {formatPhone(e.reply.fromPhone)}
            </Text>
          </Paper>
        ),
      )}
      <MessageDialog
        message={open}
        zone={props.zone}
        onClose={() => setOpen(null)}
        showCustomerLink={false}
      />
    </Stack>
  );
}
