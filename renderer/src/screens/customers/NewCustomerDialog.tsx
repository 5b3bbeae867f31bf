// Adding a customer by hand (a phone call, a walk-in), checked with the contract's schema; the
// core's refusals (an invalid number, a phone another customer has) shown at the field.
import { Button, Checkbox, Group, Modal, TextInput, Textarea } from '@mantine/core';
import { channels, type Customer } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { CheckedForm } from '../../ui/formErrors.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';

// Appointment messages are service messages: on unless the customer says no (a STOP text still
// stops texts whatever is ticked here).
const blank = { name: '', phone: '', email: '', notes: '', appointmentMessages: true };

function NewCustomerForm(props: { onCreated: (c: Customer) => void; onCancel: () => void }) {
  const { draft, set, errors, setErrors, err, send } = useFormDraft(blank, 'new-customer');
  const create = useChannelMutation('customers.create', {
    invalidates: ['customers.list'],
    inlineErrors: true,
  });

  const submit = async () => {
    const { appointmentMessages, ...details } = draft;
    const parsed = channels['customers.create'].input.safeParse({
      ...details,
      smsConsent: appointmentMessages,
      emailConsent: appointmentMessages,
      phone: draft.phone.trim() === '' ? undefined : draft.phone,
      email: draft.email.trim() === '' ? undefined : draft.email.trim(),
    });
    if (parsed.success && !parsed.data.phone && !parsed.data.email) {
      return setErrors({
        byField: { phone: 'a phone number or an email address is needed to reach the customer' },
        general: null,
        code: 'VALIDATION',
      });
    }
    return send(parsed, create.mutateAsync, (created) => {
      showToast({ tone: 'success', title: 'Customer added', message: created.name });
      props.onCreated(created);
    });
  };

  return (
    <CheckedForm testId="new-customer-form" errors={errors} onSubmit={submit}>
      <TextInput
        label="Name"
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={err('name')}
        data-autofocus
        data-testid="new-customer-name"
      />
      <Group grow align="flex-start">
        <TextInput
          label="Phone"
          value={draft.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={err('phone')}
          data-testid="new-customer-phone"
        />
        <TextInput
          label="Email"
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={err('email')}
          data-testid="new-customer-email"
        />
      </Group>
      <Textarea
        label="Notes"
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={err('notes')}
        autosize
        minRows={2}
      />
      <Checkbox
        label="Send appointment texts / emails"
        description="Reminders and confirmations for their bookings"
        checked={draft.appointmentMessages}
        onChange={(e) => set('appointmentMessages', e.currentTarget.checked)}
        data-testid="new-customer-messages"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} data-testid="new-customer-save">
          Add customer
        </Button>
      </Group>
    </CheckedForm>
  );
}

export function NewCustomerDialog(props: {
  opened: boolean;
  onClose: () => void;
  onCreated: (c: Customer) => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New customer" size="lg">
      {/* Mounted only while open: every opening starts from a blank form. */}
      {props.opened && <NewCustomerForm onCreated={props.onCreated} onCancel={props.onClose} />}
    </Modal>
  );
}
