// When reminders go out: the schedule (channel and how long before the start), quiet hours in
// the business's zone, and how close to the start a reminder moved by quiet hours may land.
// A service can have its own schedule (services screen); this is the business's default.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { channels, type ReminderSettingsView } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { CheckedForm } from '../../ui/formErrors.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';

interface Draft {
  quietStart: string;
  quietEnd: string;
  minimumLeadMinutes: number | string;
  schedule: { channel: 'sms' | 'email'; hours: number | string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "21:00" → 1260; anything else → NaN, which the schema refuses at the field. */
function minuteOf(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return Number.NaN;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 ? minute : Number.NaN;
}

function draftOf(current: ReminderSettingsView): Draft {
  return {
    quietStart: hhmm(current.quietHours.startMinute),
    quietEnd: hhmm(current.quietHours.endMinute),
    minimumLeadMinutes: current.minimumLeadMinutes,
    schedule: current.schedule.map((r) => ({ channel: r.channel, hours: r.offsetMinutes / 60 })),
  };
}

function ReminderSettingsForm({ current }: { current: ReminderSettingsView }) {
  const {
    draft,
    setDraft,
    errors,
    err: error,
    send,
  } = useFormDraft<Draft>(() => draftOf(current), 'reminders');
  const save = useChannelMutation('reminderSettings.update', {
    invalidates: ['reminderSettings.get'],
    inlineErrors: true,
  });

  const submit = () => {
    const parsed = channels['reminderSettings.update'].input.safeParse({
      quietHours: { startMinute: minuteOf(draft.quietStart), endMinute: minuteOf(draft.quietEnd) },
      minimumLeadMinutes:
        draft.minimumLeadMinutes === '' ? undefined : Number(draft.minimumLeadMinutes),
      schedule: draft.schedule.map((r) => ({
        channel: r.channel,
        offsetMinutes: r.hours === '' ? Number.NaN : Math.round(Number(r.hours) * 60),
      })),
    });
    return send(parsed, save.mutateAsync, () =>
      showToast({ tone: 'success', title: 'Reminder settings saved', message: '' }),
    );
  };

  const setRow = (i: number, row: Draft['schedule'][number]) =>
    setDraft((d) => ({ ...d, schedule: d.schedule.map((r, j) => (j === i ? row : r)) }));

  return (
    <CheckedForm testId="reminder-settings-form" errors={errors} onSubmit={submit}>
      <Text size="sm" fw={500}>
        Reminders before each appointment
      </Text>
      <Stack gap={6} data-testid="reminder-schedule">
        {draft.schedule.map((row, i) => (
          <Group key={i} gap="xs" align="flex-start" data-testid="reminder-schedule-row">
            <Select
              aria-label={`Reminder ${i + 1} channel`}
              data={[
                { value: 'sms', label: 'Text (SMS)' },
                { value: 'email', label: 'Email' },
              ]}
              value={row.channel}
              allowDeselect={false}
              onChange={(v) => setRow(i, { ...row, channel: v === 'email' ? 'email' : 'sms' })}
              w={150}
            />
            <NumberInput
              aria-label={`Reminder ${i + 1} hours before`}
              value={row.hours}
              min={0}
              step={1}
              decimalScale={2}
              suffix=" h before"
              onChange={(v) => setRow(i, { ...row, hours: v })}
              error={error(`schedule.${i}.offsetMinutes`)}
              w={160}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove reminder ${i + 1}`}
              onClick={() =>
                setDraft((d) => ({ ...d, schedule: d.schedule.filter((_, j) => j !== i) }))
              }
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {draft.schedule.length === 0 && (
          <Text size="sm" c="dimmed">
            No reminders: customers get only the confirmation.
          </Text>
        )}
        {error('schedule')}
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={draft.schedule.length >= 12}
            onClick={() =>
              setDraft((d) => ({ ...d, schedule: [...d.schedule, { channel: 'sms', hours: 24 }] }))
            }
            data-testid="reminder-add"
          >
            Add a reminder
          </Button>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Quiet hours from"
          description="No texts or emails from…"
          value={draft.quietStart}
          onChange={(e) => setDraft((d) => ({ ...d, quietStart: e.currentTarget.value }))}
          error={error('quietHours.startMinute')}
          data-testid="reminders-quietStart"
        />
        <TextInput
          label="Quiet hours until"
          description="…until this time (same = none)"
          value={draft.quietEnd}
          onChange={(e) => setDraft((d) => ({ ...d, quietEnd: e.currentTarget.value }))}
          error={error('quietHours.endMinute')}
          data-testid="reminders-quietEnd"
        />
        <NumberInput
          label="Minimum lead (minutes)"
          description="A reminder moved by quiet hours lands at least this long before"
          value={draft.minimumLeadMinutes}
          min={0}
          onChange={(v) => setDraft((d) => ({ ...d, minimumLeadMinutes: v }))}
          error={error('minimumLeadMinutes')}
          data-testid="reminders-minimumLeadMinutes"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending} data-testid="reminder-settings-save">
          Save reminder settings
        </Button>
      </Group>
    </CheckedForm>
  );
}

export function ReminderSettingsSection() {
  const current = useChannel('reminderSettings.get', {});
  if (!current.data) return null;
  // Keyed by the saved values: a save (here or in another window) resets the draft.
  return <ReminderSettingsForm key={JSON.stringify(current.data)} current={current.data} />;
}
