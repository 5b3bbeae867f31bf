// New booking from the calendar: service, staff, time (the engine's free slots) and customer.
// The form's state survives a refusal: a conflict or a field error is shown here, and the
// receptionist fixes one thing instead of typing everything again.
import { Alert, Button, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  channels,
  type Appointment,
  type Customer,
  type Service,
  type StaffMember,
} from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { RpcError } from '../../client/rpc.js';
import { formatDay, formatTime, wallClock } from '../../time/zone.js';
import { showToast } from '../../ui/toasts.js';
import { CustomerPicker, type CustomerChoice } from './CustomerPicker.js';

export interface BookingDraft {
  staffId: string;
  start: number;
  /** "Book again": the service and the customer of an earlier visit. */
  serviceId?: string;
  customer?: Customer;
}

export interface BookingDialogProps {
  draft: BookingDraft;
  zone: string;
  staff: StaffMember[];
  services: Service[];
  onClose: () => void;
  onBooked: (appointment: Appointment) => void;
}

const codeTitles: Record<RpcError['code'], string> = {
  CONFLICT: 'Not booked',
  VALIDATION: 'Some details need fixing',
  POLICY: 'The business rules do not allow this booking',
  NOT_FOUND: 'Something this booking refers to no longer exists',
  INTEGRATION: 'BookingSync could not be reached',
  INTERNAL: 'Something went wrong',
};

function TimeSelect(props: {
  serviceId: string;
  staffId: string;
  start: number;
  zone: string;
  error: string | undefined;
  onChange: (start: number) => void;
}) {
  const date = wallClock(props.start, props.zone).date;
  const free = useChannel(
    'availability.get',
    { serviceId: props.serviceId, staffId: props.staffId, from: date, days: 1 },
    { enabled: props.serviceId !== '' },
  );
  const starts = free.data?.days.flatMap((d) => d.slots.map((s) => s.start)) ?? [];
  const options = starts.map((s) => ({ value: String(s), label: formatTime(s, props.zone) }));
  if (!starts.includes(props.start)) {
    // Keep the chosen time even when the engine does not offer it: the receptionist picked it,
    // and the engine's refusal on submit says why it cannot be booked.
    options.unshift({
      value: String(props.start),
      label: `${formatTime(props.start, props.zone)} (not offered)`,
    });
  }
  return (
    <NativeSelect
      label={`Time on ${formatDay(date)}`}
      data={options}
      value={String(props.start)}
      onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      error={props.error}
      data-testid="booking-time"
      description={
        free.data
          ? `${starts.length} free start${starts.length === 1 ? '' : 's'} that day`
          : undefined
      }
    />
  );
}

export function BookingDialog(props: BookingDialogProps) {
  const { draft, zone } = props;
  const offered = (staffId: string) =>
    props.services.filter((s) => s.active && s.staffIds.includes(staffId));
  const [staffId, setStaffId] = useState(draft.staffId);
  const [serviceId, setServiceId] = useState(
    offered(draft.staffId).find((s) => s.id === draft.serviceId)?.id ??
      offered(draft.staffId)[0]?.id ??
      '',
  );
  const [start, setStart] = useState(draft.start);
  const [note, setNote] = useState('');
  const [customer, setCustomer] = useState<CustomerChoice>({
    mode: 'existing',
    search: draft.customer?.name ?? '',
    customer: draft.customer ?? null,
  });
  const [failure, setFailure] = useState<{
    code: RpcError['code'];
    message: string;
    fields: Record<string, string>;
  } | null>(null);
  const create = useChannelMutation('appointments.create', { inlineErrors: true });

  const fields = failure?.fields ?? {};
  const submit = async () => {
    const input = {
      serviceId,
      staffId,
      start,
      note: note.trim() === '' ? undefined : note.trim(),
      ...(customer.mode === 'existing'
        ? { customerId: customer.customer?.id }
        : {
            customer: {
              name: customer.details.name,
              phone: customer.details.phone.trim() || undefined,
              email: customer.details.email.trim() || undefined,
            },
            smsConsent: customer.details.messages,
            emailConsent: customer.details.messages,
          }),
    };
    // The contract's own schema first: field errors without a round trip, worded the same way.
    const parsed = channels['appointments.create'].input.safeParse(input);
    if (!parsed.success || (customer.mode === 'existing' && !customer.customer)) {
      const issues = parsed.success ? [] : parsed.error.issues;
      const byField = Object.fromEntries(
        issues.map((i) => [i.path.join('.') || 'input', i.message]),
      );
      if (customer.mode === 'existing' && !customer.customer)
        byField.customer = 'choose a customer, or add a new one';
      setFailure({
        code: 'VALIDATION',
        message: 'Some details are missing or not valid.',
        fields: byField,
      });
      return;
    }
    try {
      const booked = await create.mutateAsync(parsed.data);
      showToast({
        tone: 'success',
        title: 'Booked',
        message: `${formatDay(wallClock(booked.start, zone).date)}, ${formatTime(booked.start, zone)}`,
      });
      props.onBooked(booked);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      setFailure({
        code: error.code,
        message: error.message,
        fields: Object.fromEntries(error.fields.map((f) => [f.field, f.message])),
      });
    }
  };

  const staffOptions = props.staff
    .filter(
      (s) =>
        serviceId === '' || props.services.find((x) => x.id === serviceId)?.staffIds.includes(s.id),
    )
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Modal
      opened
      onClose={props.onClose}
      title="New booking"
      size="lg"
      data-testid="booking-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {failure && (
            <Alert
              color="red"
              title={codeTitles[failure.code]}
              data-testid="booking-error"
              data-code={failure.code}
              role="alert"
            >
              {failure.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <NativeSelect
              label="Service"
              data={[
                ...(serviceId === '' ? [{ value: '', label: 'Choose a service' }] : []),
                ...offered(staffId).map((s) => ({
                  value: s.id,
                  label: `${s.name} (${s.durationMinutes} min)`,
                })),
              ]}
              value={serviceId}
              onChange={(e) => setServiceId(e.currentTarget.value)}
              error={fields.serviceId}
              data-testid="booking-service"
            />
            <NativeSelect
              label="Staff"
              data={staffOptions}
              value={staffId}
              onChange={(e) => setStaffId(e.currentTarget.value)}
              error={fields.staffId}
              data-testid="booking-staff"
            />
          </Group>
          {serviceId !== '' && (
            <TimeSelect
              serviceId={serviceId}
              staffId={staffId}
              start={start}
              zone={zone}
              error={fields.start}
              onChange={setStart}
            />
          )}
          <CustomerPicker value={customer} onChange={setCustomer} errors={fields} />
          <Textarea
            label="Note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
            maxRows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Close
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="booking-submit">
              Book
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
