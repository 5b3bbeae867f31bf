// A service's own reminder schedule (e.g. a colour appointment reminded two days ahead too), or
// the business's schedule when it has none. Offsets are typed in hours before the start.
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { newReminder, type ReminderDraft, type ServiceDraft } from './serviceDraft.js';

const channels = [
  { value: 'sms', label: 'Text (SMS)' },
  { value: 'email', label: 'Email' },
];

export function ReminderScheduleEditor(props: {
  draft: ServiceDraft;
  onChange: (patch: Pick<ServiceDraft, 'ownReminders' | 'reminders'>) => void;
  error: (field: string) => ReactNode;
}) {
  const { ownReminders, reminders } = props.draft;
  const update = (key: number, patch: Partial<ReminderDraft>) =>
    props.onChange({
      ownReminders,
      reminders: reminders.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    });
  return (
    <Stack gap="xs">
      <Switch
        label="Own reminder schedule for this service"
        description="Off: the business's reminder schedule (Settings) applies"
        checked={ownReminders}
        onChange={(e) =>
          props.onChange({
            ownReminders: e.currentTarget.checked,
            reminders:
              e.currentTarget.checked && reminders.length === 0
                ? [newReminder('sms', 24), newReminder('sms', 2)]
                : reminders,
          })
        }
        data-testid="service-own-reminders"
      />
      {ownReminders && (
        <Stack gap={6} data-testid="service-reminders">
          {reminders.length === 0 && (
            <Text size="sm" c="dimmed">
              No reminders: customers of this service get none. Add one below.
            </Text>
          )}
          {reminders.map((r, index) => (
            <Group key={r.key} gap="xs" align="flex-start" data-testid="service-reminder">
              <Select
                size="xs"
                w={140}
                aria-label="Channel"
                data={channels}
                value={r.channel}
                allowDeselect={false}
                onChange={(v) => update(r.key, { channel: v === 'email' ? 'email' : 'sms' })}
              />
              <NumberInput
                size="xs"
                w={110}
                aria-label="Hours before"
                suffix=" h"
                decimalScale={2}
                allowNegative={false}
                value={r.hoursBefore}
                onChange={(v) => update(r.key, { hoursBefore: v })}
                error={props.error(`reminderSchedule.${index}.offsetMinutes`)}
              />
              <Text size="sm" pt={4}>
                before the start
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={2}
                aria-label="Remove reminder"
                onClick={() =>
                  props.onChange({
                    ownReminders,
                    reminders: reminders.filter((x) => x.key !== r.key),
                  })
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {props.error('reminderSchedule')}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              onClick={() =>
                props.onChange({
                  ownReminders,
                  reminders: [...reminders, newReminder('email', 48)],
                })
              }
              data-testid="service-reminder-add"
            >
              + reminder
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
