// Editing a customer: checked with the contract's own schema before it is sent, and the core's
// refusals (an invalid number, a phone or email another customer has) shown at the field.
import { Button, Checkbox, Group, TextInput, Textarea } from '@mantine/core';
import { channels, type Customer } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { CheckedForm } from '../../ui/formErrors.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';

interface Draft {
  name: string;
  phone: string;
  email: string;
  notes: string;
  smsConsent: boolean;
  emailConsent: boolean;
}

// The number as the receptionist would type it; the core reads it back to the same E.164.
function draftOf(c: Customer, formatPhone: (phone: string | null) => string): Draft {
  return {
    name: c.name,
    phone: formatPhone(c.phone),
    email: c.email ?? '',
    notes: c.notes,
    smsConsent: c.smsConsent,
    emailConsent: c.emailConsent,
  };
}

export function CustomerEditForm(props: { customer: Customer; onDone: () => void }) {
  const formatPhone = usePhoneFormat();
  const { draft, set, errors, err, send } = useFormDraft(
    () => draftOf(props.customer, formatPhone),
    'customer',
  );
  const save = useChannelMutation('customers.update', {
    invalidates: ['customers.list', 'customers.get', 'customers.getMany'],
    inlineErrors: true,
  });

  const submit = () => {
    // An emptied field means "remove it", which the contract spells null.
    const parsed = channels['customers.update'].input.safeParse({
      id: props.customer.id,
      name: draft.name,
      phone: draft.phone.trim() === '' ? null : draft.phone,
      email: draft.email.trim() === '' ? null : draft.email.trim(),
      notes: draft.notes,
      smsConsent: draft.smsConsent,
      emailConsent: draft.emailConsent,
    });
    return send(parsed, save.mutateAsync, () => {
      showToast({ tone: 'success', title: 'Saved', message: `${draft.name.trim()} updated` });
      props.onDone();
    });
  };

  return (
    <CheckedForm testId="customer-form" errors={errors} onSubmit={submit}>
      <TextInput
        label="Name"
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={err('name')}
        data-testid="customer-name-input"
      />
      <Group grow align="flex-start">
        <TextInput
          label="Phone"
          value={draft.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={err('phone')}
          data-testid="customer-phone-input"
        />
        <TextInput
          label="Email"
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={err('email')}
          data-testid="customer-email-input"
        />
      </Group>
      <Textarea
        label="Notes"
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={err('notes')}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="customer-notes-input"
      />
      <Group>
        <Checkbox
          label="Texts (SMS) allowed"
          checked={draft.smsConsent}
          onChange={(e) => set('smsConsent', e.currentTarget.checked)}
          data-testid="customer-sms-consent-input"
        />
        <Checkbox
          label="Emails allowed"
          checked={draft.emailConsent}
          onChange={(e) => set('emailConsent', e.currentTarget.checked)}
          data-testid="customer-email-consent-input"
        />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="customer-save">
          Save
        </Button>
      </Group>
    </CheckedForm>
  );
}
