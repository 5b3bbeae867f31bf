// One customer: contact details and consent, their history in numbers, notes, and the edit form.
import { Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ConsentSource, Customer, Settings } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatDateTime } from '../../time/zone.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { CustomerAppointments } from './CustomerAppointments.js';
import { CustomerEditForm } from './CustomerEditForm.js';
import { CustomerMessages } from './CustomerMessages.js';
import { MergeDialog } from './MergeDialog.js';
import { StatsGrid } from './StatsGrid.js';
import { customerStats } from './stats.js';

/** Every appointment the customer ever had or will have; the contract asks for a range. */
const ALL_TIME = { from: 0, to: Date.UTC(2200, 0, 1) };

const consentSources: Record<ConsentSource, string> = {
  desk: 'at the desk',
  widget: 'when booking online',
  api: 'through the API',
  import: 'by a CSV import',
  sms_keyword: 'by text (STOP/START)',
  demo: 'by the demo',
};

function Consent(props: {
  id: string;
  label: string;
  given: boolean;
  source: ConsentSource | null;
  at: number | null;
  zone: string | undefined;
}) {
  // How consent was given, for when a customer asks why they were (or were not) texted.
  const how =
    props.source && props.at !== null && props.zone
      ? `${props.given ? 'Given' : 'Withdrawn'} ${consentSources[props.source]}, ${formatDateTime(props.at, props.zone)}`
      : undefined;
  return (
    <Badge
      variant="light"
      color={props.given ? 'teal' : 'gray'}
      title={how}
      data-testid={`consent-${props.id}`}
      data-given={props.given}
      data-source={props.source ?? ''}
    >
      {props.label}: {props.given ? 'yes' : 'no'}
    </Badge>
  );
}

function Details({ customer }: { customer: Customer }) {
  const formatPhone = usePhoneFormat();
  const zone = useChannel('settings.get', {}).data?.timeZone;
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="customer-phone">
        Phone: {formatPhone(customer.phone) || '—'}
      </Text>
      <Text size="sm" data-testid="customer-email">
        Email: {customer.email ?? '—'}
      </Text>
      <Group gap="xs" mt={4}>
        <Consent
          id="sms"
          label="Texts"
          given={customer.smsConsent}
          source={customer.smsConsentSource}
          at={customer.smsConsentAt}
          zone={zone}
        />
        <Consent
          id="email"
          label="Emails"
          given={customer.emailConsent}
          source={customer.emailConsentSource}
          at={customer.emailConsentAt}
          zone={zone}
        />
      </Group>
    </Stack>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Title order={3} size="h5" mt="xs">
      {children}
    </Title>
  );
}

function History(props: { customer: Customer; settings: Settings }) {
  const history = useChannel('appointments.list', { ...ALL_TIME, customerId: props.customer.id });
  if (!history.data) {
    return (
      <Center h={120}>
        <Loader size="sm" />
      </Center>
    );
  }
  const stats = customerStats(history.data, Date.now());
  return (
    <Stack gap="xs" data-testid="customer-history" data-count={history.data.length}>
      <StatsGrid stats={stats} currency={props.settings.currency} zone={props.settings.timeZone} />
      <Heading>Appointments</Heading>
      {history.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="customer-no-history">
          No appointments yet. Book one from the calendar; visits and no-shows are counted here.
        </Text>
      ) : (
        <CustomerAppointments
          appointments={history.data}
          customer={props.customer}
          zone={props.settings.timeZone}
        />
      )}
    </Stack>
  );
}

export function CustomerPanel(props: {
  customerId: string;
  settings: Settings;
  /** After a merge: the customer that remains (the other one, when the desk swapped them). */
  onMerged: (kept: Customer) => void;
}) {
  const customer = useChannel('customers.get', { id: props.customerId });
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const c = customer.data;
  if (!c) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  return (
    <Stack
      gap="md"
      p="lg"
      maw={860}
      data-testid="customer-panel"
      data-customer-id={c.id}
      data-editing={editing}
    >
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h3" data-testid="customer-name">
          {c.name}
        </Title>
        {!editing && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setMerging(true)} data-testid="customer-merge">
              Merge duplicate…
            </Button>
            <Button variant="light" onClick={() => setEditing(true)} data-testid="customer-edit">
              Edit
            </Button>
          </Group>
        )}
      </Group>
      <MergeDialog
        keep={c}
        opened={merging}
        onClose={() => setMerging(false)}
        onMerged={(kept) => {
          setMerging(false);
          props.onMerged(kept);
        }}
      />
      {editing ? (
        // Keyed by id: another customer chosen mid-edit starts a fresh draft.
        <Paper withBorder p="md">
          <CustomerEditForm key={c.id} customer={c} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <>
          <Details customer={c} />
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed" mb={4}>
              Notes
            </Text>
            <Text size="sm" data-testid="customer-notes" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes.trim() === ''
                ? 'No notes. Use Edit to add allergies, preferences and the like.'
                : c.notes}
            </Text>
          </Paper>
        </>
      )}
      <History customer={c} settings={props.settings} />
      <Heading>Messages</Heading>
      <CustomerMessages customerId={c.id} zone={props.settings.timeZone} />
    </Stack>
  );
}
