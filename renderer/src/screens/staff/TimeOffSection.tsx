// A staff member's time off from today on: listed, added (wall-clock times in the business's
// zone) and removed. Bookings already in a new period are not touched; the calendar shows both.
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { channels } from '../../../../preload/contract.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { zonedToUtc } from '../../time/zone.js';
import {
  CheckedForm,
  fieldError,
  fromRpc,
  fromZod,
  noErrors,
  type FormErrors,
} from '../../ui/formErrors.js';
import { showToast } from '../../ui/toasts.js';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DDTHH:MM' on the business's clock → the instant; empty or unreadable → undefined. */
function instantOf(local: string, timeZone: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !match[1]) return undefined;
  return zonedToUtc(match[1], Number(match[2]) * 60 + Number(match[3]), timeZone);
}

function formatWhen(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

export function TimeOffSection(props: { staffId: string; timeZone: string }) {
  // Fixed for the life of the section so the query key stays put while the receptionist works.
  const [window] = useState(() => {
    const now = Date.now();
    return { from: now - DAY_MS, to: now + 2 * 365 * DAY_MS };
  });
  const list = useChannel('timeOff.list', { staffId: props.staffId, ...window });
  const invalidates = ['timeOff.list', 'availability.get'] as const;
  const create = useChannelMutation('timeOff.create', { invalidates, inlineErrors: true });
  const remove = useChannelMutation('timeOff.delete', { invalidates });
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const submit = async () => {
    const parsed = channels['timeOff.create'].input.safeParse({
      staffId: props.staffId,
      startAt: instantOf(start, props.timeZone),
      endAt: instantOf(end, props.timeZone),
      reason,
    });
    if (!parsed.success) return setErrors(fromZod(parsed.error));
    try {
      await create.mutateAsync(parsed.data);
      setErrors(noErrors);
      setStart('');
      setEnd('');
      setReason('');
      showToast({ tone: 'success', title: 'Time off added', message: reason || 'Time off' });
    } catch (error) {
      setErrors(fromRpc(error));
    }
  };

  const err = (field: string) => fieldError(errors, field, 'timeoff');
  const periods = list.data ?? [];
  return (
    <>
      {periods.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="timeoff-empty">
          No time off planned. Add holidays or appointments away below; nobody can book them then.
        </Text>
      ) : (
        <Table mb="sm" data-testid="timeoff-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th>Until</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.id} data-testid="timeoff-row" data-timeoff-id={p.id}>
                <Table.Td>{formatWhen(p.startAt, props.timeZone)}</Table.Td>
                <Table.Td>{formatWhen(p.endAt, props.timeZone)}</Table.Td>
                <Table.Td>{p.reason || '—'}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables.id === p.id}
                    onClick={() => remove.mutate({ id: p.id })}
                    data-testid="timeoff-delete"
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CheckedForm testId="timeoff-form" errors={errors} onSubmit={submit}>
        <Group align="flex-start" grow>
          <TextInput
            type="datetime-local"
            label="From"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={err('startAt')}
            data-testid="timeoff-start"
          />
          <TextInput
            type="datetime-local"
            label="Until"
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            error={err('endAt')}
            data-testid="timeoff-end"
          />
          <TextInput
            label="Reason"
            placeholder="Holiday, training…"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err('reason')}
            data-testid="timeoff-reason"
          />
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            loading={create.isPending}
            data-testid="timeoff-add"
          >
            Add time off
          </Button>
        </Group>
      </CheckedForm>
    </>
  );
}
