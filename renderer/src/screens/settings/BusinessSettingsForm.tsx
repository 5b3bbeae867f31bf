// The business's settings and booking rules, checked with the contract's `settings` schema before
// they are sent; whatever the core still refuses is shown at its field.
import { Button, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { settings as settingsSchema, type Settings } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { CheckedForm, noErrors } from '../../ui/formErrors.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';

type NumberField =
  | 'slotStepMinutes'
  | 'minimumNoticeMinutes'
  | 'horizonDays'
  | 'cancellationCutoffMinutes'
  | 'holdMinutes';

/** What each booking rule means to the receptionist, in the order the form shows them. */
const numberFields: { key: NumberField; label: string; description: string }[] = [
  {
    key: 'slotStepMinutes',
    label: 'Slot step (minutes)',
    description: 'Bookable starts every N minutes',
  },
  {
    key: 'minimumNoticeMinutes',
    label: 'Minimum notice (minutes)',
    description: 'How soon online bookings may start',
  },
  {
    key: 'horizonDays',
    label: 'Booking horizon (days)',
    description: 'How far ahead customers may book',
  },
  {
    key: 'cancellationCutoffMinutes',
    label: 'Cancellation cut-off (minutes)',
    description: 'Customers cannot cancel later than this before the start',
  },
  {
    key: 'holdMinutes',
    label: 'Hold (minutes)',
    description: 'How long an unpaid deposit booking holds its slot',
  },
];

/** Number inputs answer '' while empty; the schema then says "expected number". */
type Draft = Omit<Settings, NumberField> & Record<NumberField, number | string>;

function timeZones(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(current) ? all : [current, ...all];
}

export function BusinessSettingsForm({ current }: { current: Settings }) {
  const { draft, setDraft, set, errors, setErrors, err, send } = useFormDraft<Draft>(
    current,
    'settings',
  );
  const zones = useMemo(() => timeZones(current.timeZone), [current.timeZone]);
  const save = useChannelMutation('settings.update', {
    // Settings shape availability (step, notice, horizon) and the header (name, zone).
    invalidates: ['settings.get', 'availability.get'],
    inlineErrors: true,
  });

  const submit = () => {
    const numbers = Object.fromEntries(
      numberFields.map(({ key }) => [key, draft[key] === '' ? undefined : Number(draft[key])]),
    );
    return send(settingsSchema.safeParse({ ...draft, ...numbers }), save.mutateAsync, (saved) =>
      showToast({ tone: 'success', title: 'Settings saved', message: saved.name }),
    );
  };

  return (
    <CheckedForm testId="settings-form" errors={errors} onSubmit={submit}>
      <TextInput
        label="Business name"
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={err('name')}
        data-testid="settings-name"
      />
      <TextInput
        label="Business phone"
        description="Customers who can no longer change a booking online are asked to call it"
        value={draft.phone ?? ''}
        onChange={(e) => set('phone', e.currentTarget.value === '' ? null : e.currentTarget.value)}
        error={err('phone')}
        type="tel"
        data-testid="settings-phone"
      />
      <SimpleGrid cols={3} spacing="sm">
        <Select
          label="Time zone"
          data={zones}
          value={draft.timeZone}
          onChange={(zone) => set('timeZone', zone ?? '')}
          searchable
          limit={50}
          error={err('timeZone')}
          data-testid="settings-timeZone"
        />
        <TextInput
          label="Currency"
          description="ISO code, e.g. GBP"
          value={draft.currency}
          onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
          error={err('currency')}
          maxLength={3}
          data-testid="settings-currency"
        />
        <TextInput
          label="Country"
          description="For phone numbers, e.g. GB"
          value={draft.country}
          onChange={(e) => set('country', e.currentTarget.value.toUpperCase())}
          error={err('country')}
          maxLength={2}
          data-testid="settings-country"
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        {numberFields.map(({ key, label, description }) => (
          <NumberInput
            key={key}
            label={label}
            description={description}
            value={draft[key]}
            onChange={(value) => set(key, value)}
            allowDecimal={false}
            allowNegative={false}
            error={err(key)}
            data-testid={`settings-${key}`}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => {
            setDraft(current);
            setErrors(noErrors);
          }}
        >
          Reset
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="settings-save">
          Save settings
        </Button>
      </Group>
    </CheckedForm>
  );
}
