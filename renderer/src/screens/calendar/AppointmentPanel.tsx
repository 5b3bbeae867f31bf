// The side panel for one appointment: who, what, when, status actions, and its audit trail.
import {
  Badge,
  Button,
  CloseButton,
  Divider,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Appointment, Service, StaffMember } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { formatDateTime, formatDay, formatTime, wallClock } from '../../time/zone.js';
import { useContactLine } from '../../ui/phone.js';
import { showToast } from '../../ui/toasts.js';
import { AuditTrail } from './AuditTrail.js';
import { PaymentSection } from './PaymentSection.js';
import { statusLabels } from './layout.js';

export interface AppointmentPanelProps {
  id: string;
  zone: string;
  now: number;
  staff: StaffMember[];
  services: Map<string, Service>;
  onClose: () => void;
}

const statusColors: Record<Appointment['status'], string> = {
  pending_payment: 'yellow',
  confirmed: 'blue',
  completed: 'green',
  no_show: 'red',
  cancelled: 'gray',
};

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100);
}

function StatusActions({ appointment, now }: { appointment: Appointment; now: number }) {
  const complete = useChannelMutation('appointments.complete');
  const noShow = useChannelMutation('appointments.markNoShow');
  const cancel = useChannelMutation('appointments.cancel');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const started = appointment.start <= now;
  const live = appointment.status === 'confirmed' || appointment.status === 'pending_payment';
  if (!live) return null;
  const done = (what: string) => () =>
    showToast({ tone: 'success', title: what, message: 'Saved.' });
  return (
    <Stack gap="xs" data-testid="status-actions">
      {appointment.status === 'confirmed' && (
        <Group gap="xs" grow>
          <Button
            size="xs"
            color="green"
            disabled={!started}
            title={started ? undefined : 'Possible once the appointment has started'}
            loading={complete.isPending}
            onClick={() =>
              complete.mutate({ id: appointment.id }, { onSuccess: done('Marked completed') })
            }
            data-testid="action-complete"
          >
            Completed
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={!started}
            title={started ? undefined : 'Possible once the appointment has started'}
            loading={noShow.isPending}
            onClick={() =>
              noShow.mutate({ id: appointment.id }, { onSuccess: done('Marked a no-show') })
            }
            data-testid="action-no-show"
          >
            No-show
          </Button>
        </Group>
      )}
      {!cancelling ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => setCancelling(true)}
          data-testid="action-cancel"
        >
          Cancel appointment…
        </Button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate(
              { id: appointment.id, reason: reason.trim() || undefined },
              { onSuccess: done('Appointment cancelled') },
            );
          }}
        >
          <Stack gap={6}>
            <TextInput
              size="xs"
              label="Reason for cancelling"
              placeholder="e.g. customer called, unwell"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="cancel-reason"
              autoFocus
            />
            <Group gap="xs" grow>
              <Button size="xs" variant="default" onClick={() => setCancelling(false)}>
                Keep it
              </Button>
              <Button
                size="xs"
                color="red"
                type="submit"
                loading={cancel.isPending}
                data-testid="confirm-cancel"
              >
                Cancel appointment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function AppointmentPanel(props: AppointmentPanelProps) {
  const { zone } = props;
  const appointment = useChannel('appointments.get', { id: props.id });
  const a = appointment.data;
  const customer = useChannel(
    'customers.get',
    { id: a?.customerId ?? '' },
    { enabled: a !== undefined },
  );
  const service = a ? props.services.get(a.serviceId) : undefined;
  const member = a ? props.staff.find((s) => s.id === a.staffId) : undefined;
  const contactLine = useContactLine();
  return (
    <Paper
      component="aside"
      withBorder
      radius={0}
      w={340}
      h="100%"
      aria-label="Appointment details"
      data-testid="appointment-panel"
      data-appointment-id={props.id}
      data-status={a?.status}
      style={{ flex: 'none', display: 'flex', flexDirection: 'column' }}
    >
      <Group justify="space-between" p="sm" wrap="nowrap">
        <Title order={3} size="h5">
          Appointment
        </Title>
        <CloseButton aria-label="Close details" onClick={props.onClose} data-testid="panel-close" />
      </Group>
      <Divider />
      <ScrollArea style={{ flex: 1 }} p="sm">
        {a && (
          <Stack gap="sm">
            <Group gap="xs">
              <Badge
                color={statusColors[a.status]}
                data-testid="panel-status"
                data-status={a.status}
              >
                {statusLabels[a.status]}
              </Badge>
              {a.customerConfirmedAt !== null && (
                <Badge variant="outline">Confirmed by customer</Badge>
              )}
              {a.anyStaff && (
                <Badge
                  variant="outline"
                  color="gray"
                  title="The customer asked for anyone free: another staff member may take it"
                  data-testid="panel-any-staff"
                >
                  Any staff member
                </Badge>
              )}
            </Group>
            <div>
              <Text fw={700} data-testid="panel-customer">
                {customer.data?.name ?? '…'}
              </Text>
              <Text size="sm" c="dimmed">
                {customer.data ? contactLine(customer.data, '') : ''}
              </Text>
            </div>
            <Text size="sm" data-testid="panel-when">
              {service?.name ?? '…'} with {member?.name ?? '…'}
              <br />
              {formatDay(wallClock(a.start, zone).date)}, {formatTime(a.start, zone)}–
              {formatTime(a.end, zone)}
            </Text>
            <Text size="sm">
              {money(a.priceAmount, a.currency)} · booked {formatDateTime(a.createdAt, zone)} via{' '}
              {a.source}
            </Text>
            {a.note !== '' && <Text size="sm">Note: {a.note}</Text>}
            {a.cancelReason && <Text size="sm">Cancelled: {a.cancelReason}</Text>}
            <StatusActions key={a.id} appointment={a} now={props.now} />
            <PaymentSection key={`${a.id}:${a.updatedAt}`} appointment={a} />
            <Divider label="History" labelPosition="left" />
            <AuditTrail id={a.id} zone={zone} staff={props.staff} />
          </Stack>
        )}
      </ScrollArea>
    </Paper>
  );
}
