// Services: the catalogue on the left (inactive ones faded), the chosen or new service's form on
// the right.
import './catalogue.css';
import { Badge, Box, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useState } from 'react';
import type { Service } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { CatalogueList, CatalogueRow } from './CatalogueList.js';
import { ServiceForm } from './ServiceForm.js';

/** The form shows a new service, an existing one, or nothing yet. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'existing'; id: string };

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 100);
}

function depositLabel(service: Service): string | null {
  const { deposit } = service;
  switch (deposit.kind) {
    case 'none':
      return null;
    case 'fixed':
      return `deposit ${formatMoney(deposit.amount, service.currency)}`;
    case 'percent':
      return `deposit ${deposit.percent}%`;
    default: {
      const never: never = deposit;
      throw new Error(`Unknown deposit ${JSON.stringify(never)}`);
    }
  }
}

function ServiceRow(props: { service: Service; selected: boolean; onSelect: () => void }) {
  const { service } = props;
  const deposit = depositLabel(service);
  return (
    <CatalogueRow
      testId="service-row"
      data={{ 'data-service-id': service.id }}
      active={service.active}
      selected={props.selected}
      onSelect={props.onSelect}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} truncate>
          {service.name}
        </Text>
        {!service.active && (
          <Badge size="xs" color="gray" variant="light">
            inactive
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {[
          `${service.durationMinutes} min`,
          formatMoney(service.priceAmount, service.currency),
          deposit,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </CatalogueRow>
  );
}

export function ServicesScreen() {
  const services = useChannel('services.list', { includeInactive: true });
  const staff = useChannel('staff.list', {});
  const settings = useChannel('settings.get', {});
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });

  if (!services.data || !staff.data || !settings.data) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const selected =
    editing.kind === 'existing' ? services.data.find((s) => s.id === editing.id) : undefined;
  return (
    <Box h="100%" style={{ display: 'flex' }} data-testid="services-screen">
      <CatalogueList
        title="Services"
        newLabel="New service"
        onNew={() => setEditing({ kind: 'new' })}
        width={300}
        testIdPrefix="service"
        listTestId="service-list"
        emptyTestId="services-empty"
        count={services.data.length}
        empty={
          <>
            No services yet. Press “New service” to add what customers can book: its length, price
            and who performs it.
          </>
        }
      >
        {services.data.map((service) => (
          <ServiceRow
            key={service.id}
            service={service}
            selected={selected?.id === service.id}
            onSelect={() => setEditing({ kind: 'existing', id: service.id })}
          />
        ))}
      </CatalogueList>
      <ScrollArea h="100%" style={{ flex: 1, minWidth: 0 }}>
        <Box p="lg" maw={860}>
          {editing.kind === 'none' || (editing.kind === 'existing' && !selected) ? (
            <Center mih={300} data-testid="service-none-selected">
              <Text c="dimmed" ta="center" maw={380}>
                Choose a service to change its duration, price, deposit or staff, or press “New
                service” to add one.
              </Text>
            </Center>
          ) : (
            <ServiceForm
              // A new key per service: switching rows starts a fresh draft.
              key={selected?.id ?? 'new'}
              service={selected ?? null}
              staff={staff.data}
              currency={settings.data.currency}
              onSaved={(saved) => setEditing({ kind: 'existing', id: saved.id })}
              onCancel={() => setEditing({ kind: 'none' })}
            />
          )}
        </Box>
      </ScrollArea>
    </Box>
  );
}
