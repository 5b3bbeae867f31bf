// The searchable customer list. Virtualised: only the rows in view (plus a few either side) are
// in the DOM, so 10,000 customers scroll as smoothly as 10.
import { Box, Center, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../../preload/contract/index.js';
import { useContactLine } from '../../ui/phone.js';
import { useCustomerWindow } from './useCustomerWindow.js';

const ROW_HEIGHT = 56;

// Memoised on what it shows: a scroll re-renders the list on every range change, and only the
// rows entering view need rendering (onSelect is a fresh closure each time, but equivalent).
const Row = memo(RowContent, (a, b) => a.customer === b.customer && a.selected === b.selected);

function RowContent(props: { customer: Customer; selected: boolean; onSelect: () => void }) {
  const { customer } = props;
  const contactLine = useContactLine();
  return (
    <UnstyledButton
      className="customer-row"
      data-testid="customer-row"
      data-customer-id={customer.id}
      aria-selected={props.selected}
      // Named by its text (name, then contact details), so the name starts with what is shown.
      role="option"
      onClick={props.onSelect}
      h={ROW_HEIGHT}
      w="100%"
      px="md"
    >
      <Text size="sm" fw={500} truncate>
        {customer.name}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {contactLine(customer, 'No contact details')}
      </Text>
    </UnstyledButton>
  );
}

function EmptyList({ search }: { search: string }) {
  return (
    <Center h="100%" p="lg" data-testid="customers-empty">
      <Text c="dimmed" ta="center" size="sm">
        {search.trim() === ''
          ? 'No customers yet. Book an appointment from the calendar and the customer is added here.'
          : `No customer matches “${search.trim()}”. Try part of the name, the phone number or the email address.`}
      </Text>
    </Center>
  );
}

export function CustomerList(props: {
  selectedId: string | null;
  onSelect: (customer: Customer) => void;
}) {
  const [search, setSearch] = useState('');
  // One query per pause in typing, not per key.
  const [debounced] = useDebouncedValue(search, 250);
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ first: 0, last: 0 });
  const rows = useCustomerWindow(debounced, range.first, range.last);
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items.at(-1)?.index ?? 0;
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    },
  });

  // A new search starts at its first match, not wherever the last one was scrolled to.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [debounced]);

  return (
    <Stack gap={0} h="100%" className="customer-list">
      <Box p="sm" className="customer-list-head">
        <TextInput
          placeholder="Search name, phone or email"
          aria-label="Search customers"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="customer-search"
          rightSection={rows.loading ? <Loader size="xs" /> : null}
        />
        <Group justify="space-between" mt={6}>
          <Text size="xs" c="dimmed" data-testid="customer-total" data-total={rows.total}>
            {rows.total.toLocaleString('en-GB')} customer{rows.total === 1 ? '' : 's'}
          </Text>
        </Group>
      </Box>
      <div
        ref={scroller}
        role="listbox"
        aria-label="Customers"
        data-testid="customer-list"
        data-search={debounced.trim()}
        data-ready={rows.ready}
        data-loading={rows.loading}
        data-total={rows.total}
        style={{ flex: 1, overflowY: 'auto', contain: 'strict' }}
      >
        {rows.ready && rows.total === 0 ? (
          <EmptyList search={debounced} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const customer = rows.rowAt(item.index);
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {customer ? (
                    <Row
                      customer={customer}
                      selected={customer.id === props.selectedId}
                      onSelect={() => props.onSelect(customer)}
                    />
                  ) : (
                    <Box px="md" py="xs" data-testid="customer-row-loading" aria-hidden>
                      <Text size="sm" c="dimmed">
                        …
                      </Text>
                    </Box>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Stack>
  );
}
