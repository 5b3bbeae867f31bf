// Taking deposits: the Stripe secret key and webhook signing secret. Without a key, deposits run
// through the demo checkout (nothing is charged). Secrets are never shown back; an empty field
// keeps what is saved.
import { Badge, Button, Code, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  channels,
  type ChannelInput,
  type ChannelOutput,
} from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import {
  CheckedForm,
  fieldError,
  fromRpc,
  fromZod,
  noErrors,
  type FormErrors,
} from '../../ui/formErrors.js';
import { showToast } from '../../ui/toasts.js';

type PaymentConnection = ChannelOutput<'payments.connection.get'>;

function PaymentsForm(props: { current: PaymentConnection; publicBaseUrl: string | null }) {
  const { current } = props;
  const [secretKey, setSecretKey] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useChannelMutation('payments.connection.update', {
    invalidates: ['payments.connection.get'],
    inlineErrors: true,
  });
  const error = (field: string) => fieldError(errors, field, 'payments-connection');

  const submit = async () => {
    const patch: ChannelInput<'payments.connection.update'> = {
      ...(secretKey.trim() ? { stripeSecretKey: secretKey.trim() } : {}),
      ...(webhookSecret.trim() ? { stripeWebhookSecret: webhookSecret.trim() } : {}),
    };
    const parsed = channels['payments.connection.update'].input.safeParse(patch);
    if (!parsed.success) return setErrors(fromZod(parsed.error));
    try {
      await save.mutateAsync(parsed.data);
      setErrors(noErrors);
      setSecretKey('');
      setWebhookSecret('');
      showToast({ tone: 'success', title: 'Payment settings saved', message: '' });
    } catch (e) {
      setErrors(fromRpc(e));
    }
  };

  const webhook = props.publicBaseUrl
    ? `${props.publicBaseUrl}/webhooks/stripe`
    : '(set the public web address first)';
  const saved = (set: boolean) => (set ? 'Saved; leave empty to keep it' : 'Not set');
  return (
    <CheckedForm testId="payments-connection-form" errors={errors} onSubmit={submit}>
      <Group justify="space-between">
        <Text size="sm">Deposits are taken through Stripe Checkout.</Text>
        <Badge
          color={current.provider === 'stripe' ? 'teal' : 'gray'}
          variant="light"
          data-testid="payments-connection-mode"
          data-provider={current.provider}
        >
          {current.provider === 'stripe'
            ? 'Taking payments through Stripe'
            : 'Demo: nothing charged'}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label="Stripe secret key"
          description={saved(current.stripeKeySet)}
          placeholder="sk_live_…"
          value={secretKey}
          onChange={(e) => setSecretKey(e.currentTarget.value)}
          error={error('stripeSecretKey')}
          data-testid="payments-connection-stripeSecretKey"
        />
        <PasswordInput
          label="Webhook signing secret"
          description={saved(current.webhookSecretSet)}
          placeholder="whsec_…"
          value={webhookSecret}
          onChange={(e) => setWebhookSecret(e.currentTarget.value)}
          error={error('stripeWebhookSecret')}
          data-testid="payments-connection-stripeWebhookSecret"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        In Stripe, send the checkout events to <Code>{webhook}</Code>. Missed events are fetched
        again every few minutes, so a lost one heals itself.
      </Text>
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending} data-testid="payments-connection-save">
          Save payment settings
        </Button>
      </Group>
    </CheckedForm>
  );
}

export function PaymentsSection() {
  const current = useChannel('payments.connection.get', {});
  const connections = useChannel('connections.get', {});
  if (!current.data || !connections.data) return null;
  return (
    <Stack gap="sm" data-testid="payments-connection-section">
      <PaymentsForm
        key={JSON.stringify(current.data)}
        current={current.data}
        publicBaseUrl={connections.data.publicBaseUrl}
      />
    </Stack>
  );
}
