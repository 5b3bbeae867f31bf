// A staff member's weekly hours: several intervals per weekday (a morning and an afternoon around
// lunch), saved as one week so a half-edited week never exists. Checked with the contract's
// `hours.set` schema; an error names the interval by its place in the list sent.
import { ActionIcon, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { channels, type WorkingIntervalInput } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import {
  CheckedForm,
  fieldError,
  fromRpc,
  fromZod,
  noErrors,
  type FormErrors,
} from '../../ui/formErrors.js';
import { CLOCK_HINT, readClock } from '../../time/entry.js';
import { formatMinute } from '../../time/zone.js';
import { ClockInput } from '../../ui/ClockInput.js';
import { showToast } from '../../ui/toasts.js';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Row {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

/** What was typed → minutes; '24:00' is allowed as the end of a day. Unreadable text → NaN. */
function minuteOf(text: string): number | undefined {
  const minute = readClock(text);
  return minute === null ? Number.NaN : minute;
}

/** Text no clock reading fits, named by the field the contract's check would name. */
function unreadable(ordered: Row[]): FormErrors | null {
  const byField: Record<string, string> = {};
  ordered.forEach((r, i) => {
    if (readClock(r.start) === null)
      byField[`intervals.${i}.startMinute`] = `not a time (${CLOCK_HINT})`;
    if (readClock(r.end) === null)
      byField[`intervals.${i}.endMinute`] = `not a time (${CLOCK_HINT})`;
  });
  return Object.keys(byField).length > 0 ? { byField, general: null, code: 'VALIDATION' } : null;
}

let nextKey = 1;
function rowsOf(intervals: WorkingIntervalInput[]): Row[] {
  return intervals.map((i) => ({
    key: nextKey++,
    weekday: i.weekday,
    start: formatMinute(i.startMinute),
    end: formatMinute(i.endMinute),
  }));
}

function Editor(props: { staffId: string; saved: WorkingIntervalInput[] }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(props.saved));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useChannelMutation('hours.set', {
    invalidates: ['hours.get', 'availability.get'],
    inlineErrors: true,
  });
  // Rows sent in weekday order; the index of each in that list is what errors name.
  const ordered = [...rows].sort((a, b) => a.weekday - b.weekday);
  const indexOf = new Map(ordered.map((r, i) => [r.key, i]));

  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async () => {
    const misread = unreadable(ordered);
    if (misread) return setErrors(misread);
    const parsed = channels['hours.set'].input.safeParse({
      staffId: props.staffId,
      intervals: ordered.map((r) => ({
        weekday: r.weekday,
        startMinute: minuteOf(r.start),
        endMinute: minuteOf(r.end),
      })),
    });
    if (!parsed.success) return setErrors(fromZod(parsed.error));
    try {
      await save.mutateAsync(parsed.data);
      setErrors(noErrors);
      showToast({ tone: 'success', title: 'Hours saved', message: 'The week is updated' });
    } catch (error) {
      setErrors(fromRpc(error));
    }
  };

  const rowError = (row: Row) => {
    const i = indexOf.get(row.key);
    const prefix = `intervals.${i}`;
    const field = [prefix, `${prefix}.startMinute`, `${prefix}.endMinute`].find(
      (f) => errors.byField[f] !== undefined,
    );
    return field === undefined ? null : fieldError(errors, field, 'hours');
  };

  return (
    <CheckedForm testId="hours-form" errors={errors} onSubmit={submit}>
      <Table withRowBorders={false} verticalSpacing={4} data-testid="hours-table">
        <Table.Tbody>
          {weekdays.map((label, index) => {
            const weekday = index + 1;
            const dayRows = rows.filter((r) => r.weekday === weekday);
            return (
              <Table.Tr key={weekday} data-testid="hours-day" data-weekday={weekday}>
                <Table.Td w={110} style={{ verticalAlign: 'top', paddingTop: 10 }}>
                  <Text size="sm" fw={500}>
                    {label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {dayRows.length === 0 && (
                      <Text size="sm" c="dimmed" py={6}>
                        Not working
                      </Text>
                    )}
                    {dayRows.map((row) => (
                      <Stack key={row.key} gap={2} data-testid="hours-interval">
                        <Group gap="xs" wrap="nowrap">
                          <ClockInput
                            size="xs"
                            w={80}
                            aria-label={`${label} start`}
                            value={row.start}
                            onChange={(start) => change(row.key, { start })}
                            data-testid="hours-start"
                          />
                          <Text size="sm">to</Text>
                          <ClockInput
                            size="xs"
                            w={80}
                            aria-label={`${label} end`}
                            value={row.end}
                            onChange={(end) => change(row.key, { end })}
                            data-testid="hours-end"
                          />
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Remove ${label} ${row.start}–${row.end}`}
                            onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                            data-testid="hours-remove"
                          >
                            ×
                          </ActionIcon>
                        </Group>
                        {rowError(row) && (
                          <Text size="xs" c="red">
                            {rowError(row)}
                          </Text>
                        )}
                      </Stack>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td w={120} style={{ verticalAlign: 'top' }}>
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() =>
                      setRows((all) => [
                        ...all,
                        { key: nextKey++, weekday, start: '09:00', end: '17:00' },
                      ])
                    }
                    data-testid="hours-add"
                  >
                    + interval
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending} data-testid="hours-save">
          Save hours
        </Button>
      </Group>
    </CheckedForm>
  );
}

export function HoursEditor({ staffId }: { staffId: string }) {
  const hours = useChannel('hours.get', { staffId });
  if (!hours.data) return <Text c="dimmed">Loading hours…</Text>;
  // Keyed by what is saved: a save here or in another window starts a fresh draft.
  return <Editor key={JSON.stringify(hours.data)} staffId={staffId} saved={hours.data} />;
}
