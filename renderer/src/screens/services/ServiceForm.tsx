// Creating or editing a service: every field the contract knows, checked with the contract's own
// schema before it is sent, and the core's refusals (a deposit above the price, an unknown staff
// member) shown at their field.
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { channels, type Service, type StaffMember } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { CheckedForm } from '../../ui/formErrors.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';
import { ReminderScheduleEditor } from './ReminderScheduleEditor.js';
import { draftOf, emptyDraft, fieldsOf, type ServiceDraft } from './serviceDraft.js';

const depositKinds = [
  { value: 'none', label: 'No deposit' },
  { value: 'fixed', label: 'Fixed amount' },
  { value: 'percent', label: 'Percent of price' },
];
const noShowKinds = [
  { value: 'none', label: 'No fee' },
  { value: 'keep_deposit', label: 'Keep the deposit' },
  { value: 'charge_card', label: 'Charge the card' },
];

function Heading({ children }: { children: string }) {
  return (
    <Title order={4} size="h6" mt="xs" c="dimmed" tt="uppercase">
      {children}
    </Title>
  );
}

export function ServiceForm(props: {
  service: Service | null;
  staff: StaffMember[];
  currency: string;
  onSaved: (service: Service) => void;
  onCancel: () => void;
}) {
  const { service } = props;
  const { draft, setDraft, set, errors, err, send } = useFormDraft<ServiceDraft>(
    () =>
      service ? draftOf(service) : emptyDraft(props.staff.filter((s) => s.active).map((s) => s.id)),
    'service',
  );
  const invalidates = ['services.list', 'availability.get'] as const;
  const create = useChannelMutation('services.create', { invalidates, inlineErrors: true });
  const update = useChannelMutation('services.update', { invalidates, inlineErrors: true });

  const submit = () => {
    const fields = fieldsOf(draft);
    const saved = (s: Service) => {
      showToast({ tone: 'success', title: 'Service saved', message: s.name });
      props.onSaved(s);
    };
    return service
      ? send(
          channels['services.update'].input.safeParse({ id: service.id, ...fields }),
          update.mutateAsync,
          saved,
        )
      : send(channels['services.create'].input.safeParse(fields), create.mutateAsync, saved);
  };

  const money = { decimalScale: 2, allowNegative: false, suffix: ` ${props.currency}` };
  const wholeNumber = { allowDecimal: false, allowNegative: false };
  return (
    <CheckedForm testId="service-form" errors={errors} onSubmit={submit}>
      <Title order={3} size="h4">
        {service ? `Edit ${service.name}` : 'New service'}
      </Title>
      <TextInput
        label="Name"
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={err('name')}
        data-testid="service-name"
      />
      <Textarea
        label="Description"
        description="Shown to customers in the booking widget"
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={err('description')}
        autosize
        minRows={2}
        maxRows={4}
        data-testid="service-description"
      />
      <SimpleGrid cols={4} spacing="sm">
        <NumberInput
          label="Duration (minutes)"
          value={draft.durationMinutes}
          onChange={(v) => set('durationMinutes', v)}
          error={err('durationMinutes')}
          {...wholeNumber}
          data-testid="service-durationMinutes"
        />
        <NumberInput
          label="Price"
          value={draft.price}
          onChange={(v) => set('price', v)}
          error={err('priceAmount')}
          {...money}
          data-testid="service-priceAmount"
        />
        <NumberInput
          label="Buffer before (min)"
          value={draft.bufferBeforeMinutes}
          onChange={(v) => set('bufferBeforeMinutes', v)}
          error={err('bufferBeforeMinutes')}
          {...wholeNumber}
          data-testid="service-bufferBeforeMinutes"
        />
        <NumberInput
          label="Buffer after (min)"
          value={draft.bufferAfterMinutes}
          onChange={(v) => set('bufferAfterMinutes', v)}
          error={err('bufferAfterMinutes')}
          {...wholeNumber}
          data-testid="service-bufferAfterMinutes"
        />
      </SimpleGrid>

      <Heading>Deposit and no-show fee</Heading>
      <Group align="flex-end" gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Deposit
          </Text>
          <SegmentedControl
            data={depositKinds}
            value={draft.depositKind}
            onChange={(v) => set('depositKind', v as ServiceDraft['depositKind'])}
            data-testid="service-deposit-kind"
          />
        </Stack>
        {draft.depositKind === 'fixed' && (
          <NumberInput
            label="Deposit amount"
            value={draft.depositAmount}
            onChange={(v) => set('depositAmount', v)}
            error={err('deposit.amount')}
            {...money}
            w={160}
            data-testid="service-deposit-amount"
          />
        )}
        {draft.depositKind === 'percent' && (
          <NumberInput
            label="Deposit (%)"
            value={draft.depositPercent}
            onChange={(v) => set('depositPercent', v)}
            error={err('deposit.percent')}
            {...wholeNumber}
            w={120}
            data-testid="service-deposit-percent"
          />
        )}
      </Group>
      <Group align="flex-end" gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            No-show fee
          </Text>
          <SegmentedControl
            data={noShowKinds}
            value={draft.noShowKind}
            onChange={(v) => set('noShowKind', v as ServiceDraft['noShowKind'])}
            data-testid="service-noshow-kind"
          />
        </Stack>
        {draft.noShowKind === 'charge_card' && (
          <NumberInput
            label="Charge up to"
            value={draft.noShowMaxAmount}
            onChange={(v) => set('noShowMaxAmount', v)}
            error={err('noShowFee.maxAmount')}
            {...money}
            w={160}
            data-testid="service-noshow-max"
          />
        )}
      </Group>
      <SimpleGrid cols={3} spacing="sm">
        <NumberInput
          label="Full refund window (hours)"
          description="Cancelling this long ahead refunds the deposit"
          value={draft.refundWindowHours}
          onChange={(v) => set('refundWindowHours', v)}
          error={err('cancellationRefund.windowMinutes')}
          decimalScale={2}
          allowNegative={false}
          data-testid="service-refund-window"
        />
        <NumberInput
          label="Late cancellation refund (%)"
          description="Share of the deposit refunded later than that"
          value={draft.latePercent}
          onChange={(v) => set('latePercent', v)}
          error={err('cancellationRefund.latePercent')}
          {...wholeNumber}
          data-testid="service-late-percent"
        />
        <NumberInput
          label="Rebooking reminder (days)"
          description="Empty: no “time to rebook” message"
          value={draft.rebookingIntervalDays}
          onChange={(v) => set('rebookingIntervalDays', v)}
          error={err('rebookingIntervalDays')}
          {...wholeNumber}
          data-testid="service-rebookingIntervalDays"
        />
      </SimpleGrid>

      <Heading>Reminders</Heading>
      <ReminderScheduleEditor
        draft={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        error={err}
      />

      <Heading>Who performs it</Heading>
      <Checkbox.Group
        value={draft.staffIds}
        onChange={(ids) => set('staffIds', ids)}
        error={err('staffIds')}
        data-testid="service-staff"
      >
        <Group gap="md" mt={4}>
          {props.staff.map((member) => (
            <Checkbox
              key={member.id}
              value={member.id}
              label={member.active ? member.name : `${member.name} (inactive)`}
              data-testid="service-staff-option"
              data-staff-id={member.id}
            />
          ))}
        </Group>
      </Checkbox.Group>
      {props.staff.length === 0 && (
        <Text size="sm" c="dimmed">
          No staff yet: add someone on the Staff screen first.
        </Text>
      )}

      <Group justify="space-between" mt="xs">
        <Switch
          label="Active (bookable)"
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
          data-testid="service-active"
        />
        <Group>
          <Button variant="default" onClick={props.onCancel} data-testid="service-cancel">
            Cancel
          </Button>
          <Button
            type="submit"
            loading={create.isPending || update.isPending}
            data-testid="service-save"
          >
            {service ? 'Save service' : 'Create service'}
          </Button>
        </Group>
      </Group>
    </CheckedForm>
  );
}
