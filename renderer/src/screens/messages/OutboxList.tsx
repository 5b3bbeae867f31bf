// Every message the app planned or sent, the answer to "did she get the reminder?" and "why did
// it fail?". The core pages and searches the whole outbox (outbox.page): today's and the next due
// first, then earlier ones newest first, so this morning's reminders are on the first screen
// however many are planned for next month.
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type {
  ChannelInput,
  DeskMessage,
  OutboxMessage,
} from '../../../../preload/contract/index.js';
import { rpc } from '../../client/rpc.js';
import { formatDateTime } from '../../time/zone.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { formatDate } from '../customers/when.js';
import { MessageDialog } from './MessageDialog.js';
import { channelLabel, kindLabel, statusColors } from './labels.js';

type Status = OutboxMessage['status'];
type MessageChannel = OutboxMessage['channel'];

const PAGE = 50;

function useOutboxPages(input: ChannelInput<'outbox.page'>) {
  return useInfiniteQuery({
    queryKey: ['outbox.page', input] as const,
    queryFn: ({ pageParam }) =>
      rpc('outbox.page', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The previous search's rows stay while the next one loads: the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

function Row(props: { m: DeskMessage; zone: string; onOpen: () => void }) {
  const { m, zone } = props;
  const formatPhone = usePhoneFormat();
  return (
    <Table.Tr
      data-testid="outbox-row"
      data-status={m.status}
      data-channel={m.channel}
      data-kind={m.kind}
      data-message-id={m.id}
      data-due={m.dueAt}
      onClick={props.onOpen}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(m.sentAt ?? m.dueAt, zone)}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={statusColors[m.status]}>
          {m.status}
          {m.demo ? ' (demo)' : ''}
        </Badge>
      </Table.Td>
      <Table.Td>
        {/* The row's keyboard way in: a real button, so Tab and Enter open it too. */}
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          data-testid="outbox-open"
          onClick={(e) => {
            e.stopPropagation();
            props.onOpen();
          }}
        >
          {kindLabel(m.kind)} · {channelLabel(m.channel)}
        </Button>
      </Table.Td>
      <Table.Td style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} data-testid="outbox-customer">
          {m.customerName ?? '—'}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {formatPhone(m.to)}
        </Text>
      </Table.Td>
      <Table.Td>
        {m.appointment ? (
          <>
            <Text size="sm">{m.appointment.serviceName}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.appointment.startAt, zone)} · {m.appointment.staffName}
            </Text>
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="red">
          {m.error ?? m.cancelReason?.replaceAll('_', ' ') ?? ''}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function OutboxList({ zone }: { zone: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [channel, setChannel] = useState<MessageChannel | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState<DeskMessage | null>(null);
  const outbox = useOutboxPages({
    limit: PAGE,
    ...(status ? { status } : {}),
    ...(channel ? { channel } : {}),
    ...(debounced !== '' ? { search: debounced } : {}),
  });
  const pages = outbox.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.messages);
  const total = pages[0]?.total;
  const pivot = pages[0]?.pivot ?? 0;
  const searching = debounced !== '';
  return (
    <Stack gap="sm" data-testid="outbox">
      <Group gap="sm" align="flex-end">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          data={['planned', 'sending', 'sent', 'failed', 'cancelled']}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          data-testid="outbox-filter-status"
          w={150}
        />
        <Select
          label="Channel"
          placeholder="Any"
          clearable
          data={[
            { value: 'sms', label: 'Text (SMS)' },
            { value: 'email', label: 'Email' },
          ]}
          value={channel}
          onChange={(v) => setChannel(v as MessageChannel | null)}
          data-testid="outbox-filter-channel"
          w={150}
        />
        <TextInput
          label="Search"
          placeholder="Customer name, phone, email or words in the message"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="outbox-filter-search"
          style={{ flex: 1 }}
        />
      </Group>
      <Text
        size="xs"
        c="dimmed"
        data-testid="outbox-count"
        data-total={total ?? ''}
        data-search={outbox.isPlaceholderData ? '' : debounced}
        aria-live="polite"
      >
        {total === undefined
          ? 'Loading…'
          : `${total} message${total === 1 ? '' : 's'}${searching ? ` matching “${debounced}”` : ''}; ${rows.length} shown`}
      </Text>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Appointment</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m, i) => {
            const before = rows[i - 1];
            // Where the list stops going forward from today and starts going back in time.
            const turn = m.dueAt < pivot && (before === undefined || before.dueAt >= pivot);
            return (
              <Fragment key={m.id}>
                {turn && (
                  <Table.Tr data-testid="outbox-earlier">
                    <Table.Td colSpan={6}>
                      <Text size="xs" fw={600} c="dimmed">
                        Before today ({formatDate(pivot, zone)}), newest first
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                <Row m={m} zone={zone} onOpen={() => setOpen(m)} />
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {total === 0 && (
        <Text size="sm" c="dimmed" data-testid="outbox-empty">
          {searching || status || channel
            ? 'No message matches. Clear the search or the filters to see every message.'
            : 'No messages yet. Confirmations and reminders appear here as bookings are made.'}
        </Text>
      )}
      {outbox.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
            data-testid="outbox-more"
          >
            Show {PAGE} more
          </Button>
        </Group>
      )}
      <MessageDialog message={open} zone={zone} onClose={() => setOpen(null)} />
    </Stack>
  );
}
