// A staff member's time off from today on: listed, added (wall-clock times in the business's
// zone) and removed. Bookings already in a new period are not touched; the calendar shows both.
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { channels } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { CLOCK_HINT, DATE_HINT, readClock, readDate } from '../../time/entry.js';
import { zonedToUtc } from '../../time/zone.js';
import { ClockInput, DateEntryInput } from '../../ui/ClockInput.js';
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

/** A date and a time as typed, on the business's clock. */
interface WallEntry {
  date: string;
  time: string;
}
const blank: WallEntry = { date: '', time: '' };

/** The instant, or why there is none, in words for the field. */
function instantOf(entry: WallEntry, timeZone: string): number | string {
  const date = readDate(entry.date);
  const minute = readClock(entry.time);
  if (date === undefined && minute === undefined) return 'is required';
  if (date === undefined) return 'needs a date';
  if (date === null) return `not a date (${DATE_HINT})`;
  if (minute === undefined) return 'needs a time';
  if (minute === null) return `not a time (${CLOCK_HINT})`;
  return zonedToUtc(date, minute, timeZone);
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
  const [start, setStart] = useState<WallEntry>(blank);
  const [end, setEnd] = useState<WallEntry>(blank);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const submit = async () => {
    const startAt = instantOf(start, props.timeZone);
    const endAt = instantOf(end, props.timeZone);
    if (typeof startAt === 'string' || typeof endAt === 'string') {
      const byField: Record<string, string> = {};
      if (typeof startAt === 'string') byField.startAt = startAt;
      if (typeof endAt === 'string') byField.endAt = endAt;
      return setErrors({ byField, general: null, code: 'VALIDATION' });
    }
    const parsed = channels['timeOff.create'].input.safeParse({
      staffId: props.staffId,
      startAt,
      endAt,
      reason,
    });
    if (!parsed.success) return setErrors(fromZod(parsed.error));
    try {
      await create.mutateAsync(parsed.data);
      setErrors(noErrors);
      setStart(blank);
      setEnd(blank);
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
        <Group align="flex-start" wrap="wrap">
          <WallEntryFields
            label="From"
            value={start}
            onChange={setStart}
            error={err('startAt')}
            testId="timeoff-start"
          />
          <WallEntryFields
            label="Until"
            value={end}
            onChange={setEnd}
            error={err('endAt')}
            testId="timeoff-end"
          />
          <TextInput
            style={{ flex: 1, minWidth: 160 }}
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

/** A date and a time side by side; the error sits under the date, linked to it for screen readers. */
function WallEntryFields(props: {
  label: string;
  value: WallEntry;
  onChange: (next: WallEntry) => void;
  error: ReactNode;
  testId: string;
}) {
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <DateEntryInput
        label={props.label}
        w={170}
        value={props.value.date}
        onChange={(date) => props.onChange({ ...props.value, date })}
        error={props.error}
        data-testid={`${props.testId}-date`}
      />
      <ClockInput
        label="Time"
        aria-label={`${props.label}, time`}
        w={80}
        value={props.value.time}
        onChange={(time) => props.onChange({ ...props.value, time })}
        error={Boolean(props.error)}
        data-testid={`${props.testId}-time`}
      />
    </Group>
  );
}
