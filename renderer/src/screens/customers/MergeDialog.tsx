// Merging a duplicate into the customer on screen: find the duplicate, see what moves (visits,
// messages, SMS replies, payments) and what the kept customer becomes, then confirm. The core
// does it in one transaction; the duplicate is gone afterwards.
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Customer } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { useContactLine, usePhoneFormat } from '../../ui/phone.js';
import { showToast } from '../../ui/toasts.js';

function FindDuplicate(props: { keep: Customer; onPick: (c: Customer) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useChannel(
    'customers.list',
    { search: debounced, limit: 8 },
    { enabled: debounced.length > 0 },
  );
  const found = (results.data?.customers ?? []).filter((c) => c.id !== props.keep.id);
  const contact = useContactLine();
  return (
    <Stack gap="xs">
      <TextInput
        label="Find the duplicate"
        placeholder="Name, phone or email"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
        data-testid="merge-search"
      />
      <Stack gap={2} role="listbox" aria-label="Possible duplicates">
        {debounced.length > 0 && results.data && found.length === 0 && (
          <Text size="sm" c="dimmed">
            Nobody else matches “{debounced}”.
          </Text>
        )}
        {found.map((c) => (
          <UnstyledButton
            key={c.id}
            className="customer-row"
            role="option"
            px="sm"
            py={6}
            onClick={() => props.onPick(c)}
            data-testid="merge-candidate"
            data-customer-id={c.id}
          >
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {contact(c, 'no contact details')}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Stack>
  );
}

function Card({ title, customer, testId }: { title: string; customer: Customer; testId: string }) {
  const formatPhone = usePhoneFormat();
  return (
    <Paper withBorder p="sm" data-testid={testId} data-customer-id={customer.id}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Text fw={500}>{customer.name}</Text>
      <Text size="sm">{formatPhone(customer.phone) || 'no phone'}</Text>
      <Text size="sm">{customer.email ?? 'no email'}</Text>
      <Text size="xs" c="dimmed">
        Texts {customer.smsConsent ? 'allowed' : 'not allowed'} · emails{' '}
        {customer.emailConsent ? 'allowed' : 'not allowed'}
      </Text>
    </Paper>
  );
}

function Preview(props: {
  keepId: string;
  duplicateId: string;
  onSwap: () => void;
  onBack: () => void;
  onMerged: (c: Customer) => void;
}) {
  const preview = useChannel('customers.mergePreview', {
    keepId: props.keepId,
    duplicateId: props.duplicateId,
  });
  const merge = useChannelMutation('customers.merge', {
    invalidates: [
      'customers.list',
      'customers.get',
      'appointments.list',
      'appointments.get',
      'outbox.list',
    ],
  });
  if (preview.error) {
    return <Alert color="red">{preview.error.message}</Alert>;
  }
  if (!preview.data) return <Text c="dimmed">Working out what moves…</Text>;
  const { keep, duplicate, result, moves } = preview.data;
  const rows: [string, number][] = [
    ['Appointments', moves.appointments],
    ['Messages', moves.messages],
    ['SMS replies', moves.smsReplies],
    ['Payments (with their appointments)', moves.payments],
  ];
  return (
    <Stack gap="sm" data-testid="merge-preview">
      <SimpleGrid cols={3} spacing="sm">
        <Card title="Keep" customer={keep} testId="merge-keep" />
        <Card title="Duplicate (removed)" customer={duplicate} testId="merge-duplicate" />
        <Card title="After the merge" customer={result} testId="merge-result" />
      </SimpleGrid>
      <Table withTableBorder data-testid="merge-moves">
        <Table.Tbody>
          {rows.map(([label, n]) => (
            <Table.Tr key={label}>
              <Table.Td>
                {label} moving to {keep.name}
              </Table.Td>
              <Table.Td ta="right" data-testid="merge-move-count" data-kind={label}>
                {n}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.notes.trim() !== '' && (
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            Notes afterwards
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="merge-notes">
            {result.notes}
          </Text>
        </Paper>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={props.onBack}>
            Choose another
          </Button>
          <Button variant="subtle" onClick={props.onSwap} data-testid="merge-swap">
            Keep {duplicate.name} instead
          </Button>
        </Group>
        <Button
          color="red"
          loading={merge.isPending}
          data-testid="merge-confirm"
          onClick={() =>
            merge.mutate(
              { keepId: keep.id, duplicateId: duplicate.id },
              {
                onSuccess: (merged) => {
                  showToast({
                    tone: 'success',
                    title: 'Customers merged',
                    message: `${duplicate.name} is now part of ${merged.name}`,
                  });
                  props.onMerged(merged);
                },
              },
            )
          }
        >
          Merge
        </Button>
      </Group>
    </Stack>
  );
}

export function MergeDialog(props: {
  keep: Customer;
  opened: boolean;
  onClose: () => void;
  onMerged: (c: Customer) => void;
}) {
  const [pair, setPair] = useState<{ keepId: string; duplicateId: string } | null>(null);
  const close = () => {
    setPair(null);
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={`Merge a duplicate of ${props.keep.name}`}
      size="xl"
      data-testid="merge-dialog"
    >
      {pair === null ? (
        <FindDuplicate
          keep={props.keep}
          onPick={(c) => setPair({ keepId: props.keep.id, duplicateId: c.id })}
        />
      ) : (
        <Preview
          key={`${pair.keepId}:${pair.duplicateId}`}
          {...pair}
          onSwap={() => setPair({ keepId: pair.duplicateId, duplicateId: pair.keepId })}
          onBack={() => setPair(null)}
          onMerged={(merged) => {
            setPair(null);
            props.onMerged(merged);
          }}
        />
      )}
    </Modal>
  );
}
