// Texts customers sent us. Those the app could not act on (a question, an unknown number) come
// first and stay marked until someone at the desk has dealt with them.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { InboxReply } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { formatDateTime } from '../../time/zone.js';
import { usePhoneFormat } from '../../ui/phone.js';

const outcomes: Record<InboxReply['outcome'], { label: string; color: string }> = {
  needs_reply: { label: 'Needs a reply', color: 'orange' },
  confirmed: { label: 'Confirmed the booking', color: 'teal' },
  cancelled: { label: 'Cancelled the booking', color: 'gray' },
  cancel_refused: { label: 'Too late to cancel', color: 'red' },
  opted_out: { label: 'Stopped texts', color: 'gray' },
  opted_in: { label: 'Restarted texts', color: 'blue' },
};

function Reply(props: { reply: InboxReply; zone: string }) {
  const r = props.reply;
  const markHandled = useChannelMutation('inbox.markHandled', { invalidates: ['inbox.list'] });
  const open = r.outcome === 'needs_reply' && r.handledAt === null;
  const formatPhone = usePhoneFormat();
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="inbox-reply"
      data-outcome={r.outcome}
      data-handled={r.handledAt !== null}
      data-needs-reply={open}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {r.customerName ?? 'Unknown number'}
            </Text>
            <Text size="xs" c="dimmed">
              {formatPhone(r.fromPhone)} · {formatDateTime(r.receivedAt, props.zone)}
            </Text>
          </Group>
          <Text size="sm" data-testid="inbox-reply-body" style={{ whiteSpace: 'pre-wrap' }}>
            {r.body}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Badge color={outcomes[r.outcome].color} variant="light">
            {outcomes[r.outcome].label}
          </Badge>
          {open ? (
            <Button
              size="xs"
              variant="light"
              loading={markHandled.isPending}
              onClick={() => markHandled.mutate({ id: r.id })}
              data-testid="inbox-mark-handled"
            >
              Mark handled
            </Button>
          ) : r.handledAt !== null ? (
            <Text size="xs" c="dimmed">
              Handled {formatDateTime(r.handledAt, props.zone)}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

export function InboxList({ zone }: { zone: string }) {
  const inbox = useChannel('inbox.list', { limit: 200 });
  if (!inbox.data) return null;
  if (inbox.data.replies.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="inbox-empty">
        No texts from customers yet. Replies to reminders (C to confirm, CANCEL) are handled
        automatically; anything else shows up here for you to answer.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="inbox" data-unhandled={inbox.data.unhandled}>
      {inbox.data.replies.map((r) => (
        <Reply key={r.id} reply={r} zone={zone} />
      ))}
    </Stack>
  );
}
