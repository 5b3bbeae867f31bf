// `/` from the calendar: find a customer by name or phone as you type, see their appointments,
// and jump to one on the calendar.
import { Badge, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Appointment, Customer, Service } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatDateTime } from '../../time/zone.js';
import { useContactLine } from '../../ui/phone.js';
import { statusLabels } from './layout.js';

const YEAR_MS = 365 * 86_400_000;

export interface CalendarSearchProps {
  zone: string;
  now: number;
  services: Map<string, Service>;
  onClose: () => void;
  onPick: (appointment: Appointment) => void;
}

function CustomerAppointments(props: {
  customer: Customer;
  zone: string;
  now: number;
  services: Map<string, Service>;
  onPick: (appointment: Appointment) => void;
}) {
  const list = useChannel('appointments.list', {
    customerId: props.customer.id,
    from: props.now - YEAR_MS,
    to: props.now + YEAR_MS,
  });
  const appointments = [...(list.data ?? [])].sort(
    // Upcoming first (soonest first), then the past (latest first).
    (a, b) =>
      Number(b.end > props.now) - Number(a.end > props.now) ||
      (a.end > props.now ? a.start - b.start : b.start - a.start),
  );
  if (list.isPending) {
    return (
      <Text size="xs" c="dimmed" pl="md">
        Loading appointments…
      </Text>
    );
  }
  if (appointments.length === 0) {
    return (
      <Text size="xs" c="dimmed" pl="md">
        No appointments in the last or next year.
      </Text>
    );
  }
  return (
    <Stack gap={0} pl="md">
      {appointments.slice(0, 8).map((a) => (
        <UnstyledButton
          key={a.id}
          className="cal-search-result"
          data-testid="search-appointment"
          data-appointment-id={a.id}
          onClick={() => props.onPick(a)}
        >
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{formatDateTime(a.start, props.zone)}</Text>
            <Text size="sm" c="dimmed" truncate>
              {props.services.get(a.serviceId)?.name ?? '…'}
            </Text>
            <Badge size="xs" variant="light" data-status={a.status}>
              {statusLabels[a.status]}
            </Badge>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

export function CalendarSearch(props: CalendarSearchProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [chosen, setChosen] = useState<string | null>(null);
  const results = useChannel(
    'customers.list',
    { search: debounced, limit: 8 },
    { enabled: debounced.length > 0 },
  );
  const found = results.data?.customers ?? [];
  const contactLine = useContactLine();
  return (
    <Modal opened onClose={props.onClose} title="Search" size="lg" data-testid="calendar-search">
      <Stack gap="xs">
        <TextInput
          autoFocus
          placeholder="Customer name or phone"
          aria-label="Search customers and their appointments"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setChosen(null);
          }}
          data-testid="calendar-search-input"
        />
        <Stack
          gap={2}
          data-testid="search-results"
          data-search={debounced}
          data-ready={debounced.length > 0 && !results.isPending}
        >
          {debounced.length === 0 && (
            <Text size="sm" c="dimmed">
              Type a name or a phone number.
            </Text>
          )}
          {debounced.length > 0 && !results.isPending && found.length === 0 && (
            <Text size="sm" c="dimmed">
              Nobody matches “{debounced}”.
            </Text>
          )}
          {found.map((c) => (
            <div key={c.id}>
              <UnstyledButton
                className="cal-search-result"
                data-testid="search-customer"
                data-customer-id={c.id}
                aria-expanded={chosen === c.id}
                onClick={() => setChosen(chosen === c.id ? null : c.id)}
              >
                <Text size="sm" fw={600}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {contactLine(c, 'no contact details')}
                </Text>
              </UnstyledButton>
              {chosen === c.id && (
                <CustomerAppointments
                  customer={c}
                  zone={props.zone}
                  now={props.now}
                  services={props.services}
                  onPick={props.onPick}
                />
              )}
            </div>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
