// Creating or editing a staff member: name, email, calendar colour, active. Checked with the
// contract's schema; the core's refusals shown at their field.
import { Button, ColorInput, Group, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { channels, type StaffMember } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import {
  CheckedForm,
  fieldError,
  fromRpc,
  fromZod,
  noErrors,
  type FormErrors,
} from '../../ui/formErrors.js';
import { showToast } from '../../ui/toasts.js';

const swatches = ['#4c6ef5', '#12b886', '#fa5252', '#fab005', '#7950f2', '#e64980', '#15aabf'];

export function StaffForm(props: {
  member: StaffMember | null;
  onSaved: (member: StaffMember) => void;
  onCancel: () => void;
}) {
  const { member } = props;
  const [name, setName] = useState(member?.name ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [color, setColor] = useState(member?.color ?? '#4c6ef5');
  const [active, setActive] = useState(member?.active ?? true);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  // Staff names and colours show on the calendar and in the service form.
  const invalidates = ['staff.list', 'services.list', 'availability.get'] as const;
  const create = useChannelMutation('staff.create', { invalidates, inlineErrors: true });
  const update = useChannelMutation('staff.update', { invalidates, inlineErrors: true });

  const submit = async () => {
    const fields = { name, email: email.trim() === '' ? null : email.trim(), color };
    try {
      let saved: StaffMember;
      if (member) {
        const parsed = channels['staff.update'].input.safeParse({
          id: member.id,
          ...fields,
          active,
        });
        if (!parsed.success) return setErrors(fromZod(parsed.error));
        saved = await update.mutateAsync(parsed.data);
      } else {
        const parsed = channels['staff.create'].input.safeParse(fields);
        if (!parsed.success) return setErrors(fromZod(parsed.error));
        saved = await create.mutateAsync(parsed.data);
      }
      setErrors(noErrors);
      showToast({ tone: 'success', title: 'Staff saved', message: saved.name });
      props.onSaved(saved);
    } catch (error) {
      setErrors(fromRpc(error));
    }
  };

  const err = (field: string) => fieldError(errors, field, 'staff');
  return (
    <CheckedForm testId="staff-form" errors={errors} onSubmit={submit}>
      <Group grow align="flex-start">
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          data-testid="staff-name"
        />
        <TextInput
          label="Email"
          description="Optional"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={err('email')}
          data-testid="staff-email"
        />
        <ColorInput
          label="Calendar colour"
          value={color}
          onChange={setColor}
          swatches={swatches}
          format="hex"
          error={err('color')}
          data-testid="staff-color"
        />
      </Group>
      <Group justify="space-between">
        {member ? (
          <Switch
            label="Active (takes bookings)"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            data-testid="staff-active"
          />
        ) : (
          <span />
        )}
        <Group>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={create.isPending || update.isPending}
            data-testid="staff-save"
          >
            {member ? 'Save' : 'Add staff member'}
          </Button>
        </Group>
      </Group>
    </CheckedForm>
  );
}
