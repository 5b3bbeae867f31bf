// The appointment panel's money: the deposit's state, the balance, every movement (a declined
// no-show fee shown with its reason), a refund with a reason, and a payment link for a phone
// booking. Remounted by the panel whenever the appointment changes, so it always shows the rows
// as they stand after a payment confirmed it.
import { Badge, Button, Divider, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Appointment, PaymentMovement } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { showToast } from '../../ui/toasts.js';

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 100);
}

const kindLabels: Record<PaymentMovement['kind'], string> = {
  deposit: 'Deposit',
  refund: 'Refund',
  no_show_fee: 'No-show fee',
  in_person: 'Deposit in person',
};

const statusColors: Record<PaymentMovement['status'], string> = {
  pending: 'yellow',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function RefundForm(props: {
  appointmentId: string;
  currency: string;
  max: number;
  onDone: () => void;
}) {
  const refund = useChannelMutation('payments.refund', {
    invalidates: ['payments.forAppointment', 'appointments.list'],
    inlineErrors: true,
  });
  const [amount, setAmount] = useState<number | string>(props.max / 100);
  const [reason, setReason] = useState('');
  // One id per dialog: a double click sends it twice and the core makes one refund of it.
  const [requestId, setRequestId] = useState(newRequestId);
  const minor = Math.round(Number(amount) * 100);
  const error = refund.error?.message;
  return (
    <Stack gap={6} data-testid="refund-form">
      <Group gap="xs" grow>
        <NumberInput
          size="xs"
          label={`Refund (${props.currency})`}
          min={0.01}
          max={props.max / 100}
          decimalScale={2}
          value={amount}
          onChange={setAmount}
          data-testid="refund-amount"
        />
        <TextInput
          size="xs"
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="refund-reason"
        />
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert" data-testid="refund-error">
          {error}
        </Text>
      )}
      <Button
        size="xs"
        variant="light"
        color="red"
        loading={refund.isPending}
        disabled={!(minor > 0) || reason.trim() === ''}
        data-testid="refund-submit"
        onClick={() =>
          refund.mutate(
            { appointmentId: props.appointmentId, amount: minor, reason, requestId },
            {
              onSuccess: () => {
                setRequestId(newRequestId());
                props.onDone();
                showToast({ tone: 'success', title: 'Refund', message: 'Refund sent.' });
              },
            },
          )
        }
      >
        Refund {minor > 0 ? money(minor, props.currency) : ''}
      </Button>
    </Stack>
  );
}

/** The desk took the deposit itself (cash, its own terminal): recorded, and a hold confirmed. */
function InPersonForm(props: {
  appointmentId: string;
  currency: string;
  deposit: number;
  onDone: () => void;
}) {
  const take = useChannelMutation('payments.takeInPerson', {
    invalidates: ['payments.forAppointment', 'appointments.list'],
    inlineErrors: true,
  });
  const [amount, setAmount] = useState<number | string>(props.deposit / 100);
  const [note, setNote] = useState('');
  const [requestId] = useState(newRequestId);
  const minor = Math.round(Number(amount) * 100);
  return (
    <Stack gap={6} data-testid="in-person-form">
      <Group gap="xs" grow>
        <NumberInput
          size="xs"
          label={`Taken (${props.currency})`}
          min={0.01}
          decimalScale={2}
          value={amount}
          onChange={setAmount}
          data-testid="in-person-amount"
        />
        <TextInput
          size="xs"
          label="How (optional)"
          placeholder="Cash, card terminal…"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="in-person-note"
        />
      </Group>
      {take.error && (
        <Text size="xs" c="red" role="alert" data-testid="in-person-error">
          {take.error.message}
        </Text>
      )}
      <Button
        size="xs"
        variant="light"
        color="green"
        loading={take.isPending}
        disabled={!(minor > 0)}
        data-testid="in-person-submit"
        onClick={() =>
          take.mutate(
            {
              appointmentId: props.appointmentId,
              amount: minor,
              note: note.trim() || undefined,
              requestId,
            },
            {
              onSuccess: () => {
                props.onDone();
                showToast({
                  tone: 'success',
                  title: 'Deposit',
                  message: `Deposit of ${money(minor, props.currency)} taken in person.`,
                });
              },
            },
          )
        }
      >
        Record {minor > 0 ? money(minor, props.currency) : ''} taken
      </Button>
    </Stack>
  );
}

export function PaymentSection({ appointment }: { appointment: Appointment }) {
  const view = useChannel('payments.forAppointment', { appointmentId: appointment.id });
  const sendLink = useChannelMutation('payments.sendLink', {
    invalidates: ['payments.forAppointment', 'outbox.list', 'appointments.list'],
  });
  const [refunding, setRefunding] = useState(false);
  const [takingInPerson, setTakingInPerson] = useState(false);
  const v = view.data;
  if (!v || (v.depositAmount === 0 && v.movements.length === 0)) return null;
  const deposit = v.movements.filter((m) => m.kind === 'deposit' || m.kind === 'in_person');
  const paid = deposit.some((m) => m.status === 'succeeded');
  const depositState = paid
    ? 'paid'
    : deposit.some((m) => m.status === 'pending')
      ? 'awaiting'
      : 'unpaid';
  const canSendLink =
    !paid &&
    v.depositAmount > 0 &&
    (appointment.status === 'pending_payment' || appointment.status === 'confirmed');
  return (
    <Stack gap="xs" data-testid="payment-section" data-deposit={depositState}>
      <Divider label="Payment" labelPosition="left" />
      <Group gap="xs">
        <Badge
          color={paid ? 'green' : 'yellow'}
          data-testid="deposit-status"
          data-status={depositState}
        >
          {v.depositAmount > 0
            ? `Deposit ${money(v.depositAmount, v.currency)}: ${depositState}`
            : 'No deposit'}
        </Badge>
      </Group>
      <Text size="sm" data-testid="payment-balance" data-held={v.balance.held}>
        Held {money(v.balance.held, v.currency)}
        {v.balance.refunded > 0 && ` · refunded ${money(v.balance.refunded, v.currency)}`}
        {v.balance.refundPending > 0 &&
          ` · refund pending ${money(v.balance.refundPending, v.currency)}`}
      </Text>
      {v.movements.map((m) => (
        <div key={m.id} data-testid="payment-movement" data-kind={m.kind} data-status={m.status}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">
              {kindLabels[m.kind]} {money(m.amount, m.currency)}
              {m.reason && m.kind !== 'deposit' ? ` · ${m.reason}` : ''}
            </Text>
            <Badge size="xs" variant="light" color={statusColors[m.status]}>
              {m.status}
            </Badge>
          </Group>
          {m.failureMessage && m.status !== 'succeeded' && (
            <Text size="xs" c="red" data-testid="payment-failure">
              {m.failureMessage}
            </Text>
          )}
        </div>
      ))}
      {canSendLink && (
        <Button
          size="xs"
          variant="light"
          loading={sendLink.isPending}
          data-testid="send-payment-link"
          onClick={() =>
            sendLink.mutate(
              { appointmentId: appointment.id },
              {
                onSuccess: (sent) =>
                  showToast({
                    tone: 'success',
                    title: 'Payment link',
                    message: `Sent by ${sent.channels.join(' and ')}.`,
                  }),
              },
            )
          }
        >
          Send payment link
        </Button>
      )}
      {canSendLink &&
        (takingInPerson ? (
          <InPersonForm
            appointmentId={appointment.id}
            currency={v.currency}
            deposit={v.depositAmount}
            onDone={() => setTakingInPerson(false)}
          />
        ) : (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setTakingInPerson(true)}
            data-testid="in-person-open"
          >
            Deposit taken in person…
          </Button>
        ))}
      {v.balance.refundable > 0 &&
        (refunding ? (
          <RefundForm
            appointmentId={appointment.id}
            currency={v.currency}
            max={v.balance.refundable}
            onDone={() => setRefunding(false)}
          />
        ) : (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setRefunding(true)}
            data-testid="refund-open"
          >
            Refund…
          </Button>
        ))}
    </Stack>
  );
}
