// One message in full: what the customer read (or will read), when, to whom and what became of
// it, with its customer and its appointment one click away.
import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import type { DeskMessage } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { useDeskNavigation } from '../../shell/navigation.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { formatWhen } from '../customers/when.js';
import { channelLabel, kindLabel, statusColors } from './labels.js';

function Line(props: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {props.label}
      </Text>
      <Text size="sm" data-testid={props.testId} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </Group>
  );
}

const appointmentStatus: Record<NonNullable<DeskMessage['appointment']>['status'], string> = {
  pending_payment: 'awaiting deposit',
  confirmed: 'confirmed',
  completed: 'completed',
  no_show: 'no-show',
  cancelled: 'cancelled',
};

export function MessageDialog(props: {
  message: DeskMessage | null;
  zone: string;
  onClose: () => void;
  /** Already on the customer's page: no button that leads back to it. */
  showCustomerLink?: boolean;
}) {
  const m = props.message;
  const navigation = useDeskNavigation();
  const formatPhone = usePhoneFormat();
  const customer = useChannel(
    'customers.get',
    { id: m?.customerId ?? '' },
    { enabled: m?.customerId != null },
  );
  const when =
    m === null
      ? ''
      : m.sentAt !== null
        ? `Sent ${formatWhen(m.sentAt, props.zone)}`
        : `${m.status === 'planned' ? 'Due' : 'Was due'} ${formatWhen(m.dueAt, props.zone)}`;
  return (
    <Modal
      opened={m !== null}
      onClose={props.onClose}
      size="lg"
      title={m ? `${kindLabel(m.kind)} by ${channelLabel(m.channel)}` : ''}
      data-testid="message-dialog"
    >
      {m && (
        <Stack gap="sm" data-testid="message-details" data-message-id={m.id}>
          <Group gap="xs">
            <Badge variant="light" color={statusColors[m.status]} data-testid="message-status">
              {m.status}
              {m.demo ? ' (demo)' : ''}
            </Badge>
            <Text size="sm">{when}</Text>
          </Group>
          <Line label="To" testId="message-to">
            {formatPhone(m.to)}
          </Line>
          {m.subject !== null && (
            <Line label="Subject" testId="message-subject">
              {m.subject}
            </Line>
          )}
          <Paper withBorder p="sm">
            <Text size="sm" data-testid="message-body" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
          {(m.error ?? m.cancelReason) !== null && (
            <Line label={m.error ? 'Error' : 'Cancelled'} testId="message-error">
              {m.error ?? m.cancelReason?.replaceAll('_', ' ')}
            </Line>
          )}
          <Line label="Customer" testId="message-customer">
            {m.customerName ?? 'No customer on record'}
            {customer.data
              ? ` · ${[formatPhone(customer.data.phone), customer.data.email].filter(Boolean).join(' · ')}`
              : ''}
          </Line>
          <Line label="Appointment" testId="message-appointment">
            {m.appointment
              ? `${m.appointment.serviceName} with ${m.appointment.staffName}, ${formatWhen(
                  m.appointment.startAt,
                  props.zone,
                )} (${appointmentStatus[m.appointment.status]})`
              : 'Not about an appointment'}
          </Line>
          <Group justify="flex-end" gap="xs" mt="xs">
            {m.customerId !== null && props.showCustomerLink !== false && (
              <Button
                variant="default"
                data-testid="message-open-customer"
                onClick={() => {
                  props.onClose();
                  navigation.go({ kind: 'customer', customerId: m.customerId ?? '' });
                }}
              >
                Open customer
              </Button>
            )}
            {m.appointment && (
              <Button
                variant="light"
                data-testid="message-open-appointment"
                onClick={() => {
                  const a = m.appointment;
                  if (!a) return;
                  props.onClose();
                  navigation.go({ kind: 'appointment', appointmentId: a.id, start: a.startAt });
                }}
              >
                Open appointment
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
