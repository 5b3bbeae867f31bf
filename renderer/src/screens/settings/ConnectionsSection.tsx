// How the app reaches customers: the public web address their links start with, the Twilio
// account for texts (and replies), the SMTP server for email. Secrets are never shown back: the
// form says whether one is saved and how it ends, and an empty secret field keeps it as it is.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  channels,
  type ChannelInput,
  type ConnectionSettingsView,
} from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { CheckedForm } from '../../ui/formErrors.js';
import { useFormDraft } from '../../ui/useFormDraft.js';
import { showToast } from '../../ui/toasts.js';

interface Draft {
  publicBaseUrl: string;
  trustedProxies: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
  host: string;
  port: number | string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

function draftOf(c: ConnectionSettingsView): Draft {
  return {
    publicBaseUrl: c.publicBaseUrl ?? '',
    trustedProxies: c.trustedProxies ?? '',
    accountSid: c.twilio.accountSid ?? '',
    authToken: '',
    fromNumber: c.twilio.fromNumber ?? '',
    host: c.smtp.host ?? '',
    port: c.smtp.port ?? '',
    secure: c.smtp.secure,
    user: c.smtp.user ?? '',
    password: '',
    from: c.smtp.from ?? '',
  };
}

/** Empty text clears a plain field; an empty secret field leaves the saved secret alone. */
function patchOf(d: Draft): ChannelInput<'connections.update'> {
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    publicBaseUrl: text(d.publicBaseUrl),
    trustedProxies: text(d.trustedProxies),
    twilio: {
      accountSid: text(d.accountSid),
      fromNumber: text(d.fromNumber),
      ...(d.authToken ? { authToken: d.authToken } : {}),
    },
    smtp: {
      host: text(d.host),
      port: d.port === '' ? null : Number(d.port),
      secure: d.secure,
      user: text(d.user),
      from: text(d.from),
      ...(d.password ? { password: d.password } : {}),
    },
  };
}

function secretHint(state: { set: boolean; last4: string | null }): string {
  return state.set ? `Saved, ends in ${state.last4 ?? '…'}; leave empty to keep it` : 'Not set';
}

function Mode(props: { on: boolean; live: string; testId: string }) {
  return (
    <Badge
      color={props.on ? 'teal' : 'gray'}
      variant="light"
      data-testid={props.testId}
      data-live={props.on}
    >
      {props.on ? props.live : 'Demo: recorded, not sent'}
    </Badge>
  );
}

function ConnectionsForm({ current }: { current: ConnectionSettingsView }) {
  const {
    draft,
    set,
    errors,
    err: error,
    send,
  } = useFormDraft<Draft>(() => draftOf(current), 'connections');
  const save = useChannelMutation('connections.update', {
    invalidates: ['connections.get'],
    inlineErrors: true,
  });

  const submit = () =>
    send(channels['connections.update'].input.safeParse(patchOf(draft)), save.mutateAsync, () =>
      showToast({ tone: 'success', title: 'Connections saved', message: '' }),
    );

  const webhook = current.publicBaseUrl
    ? `${current.publicBaseUrl}/webhooks/twilio/sms`
    : '(set the public web address first)';
  return (
    <CheckedForm testId="connections-form" errors={errors} onSubmit={submit}>
      <TextInput
        label="Public web address"
        description="Where customers reach BookingSync, e.g. https://book.yourstudio.com — links in messages start with it"
        value={draft.publicBaseUrl}
        onChange={(e) => set('publicBaseUrl', e.currentTarget.value)}
        error={error('publicBaseUrl')}
        data-testid="connections-publicBaseUrl"
      />
      <TextInput
        label="Trusted proxies"
        description="Only if customers reach BookingSync through a tunnel or reverse proxy: its address or range, e.g. 10.0.0.1 or 10.0.0.0/8. Each customer then counts on their own against the limit on bookings a minute, not all together as the proxy."
        value={draft.trustedProxies}
        onChange={(e) => set('trustedProxies', e.currentTarget.value)}
        error={error('trustedProxies')}
        data-testid="connections-trustedProxies"
      />
      <Group justify="space-between" mt="xs">
        <Title order={4} size="h5">
          Texts (Twilio)
        </Title>
        <Mode
          on={current.twilio.configured}
          live="Sending through Twilio"
          testId="connections-sms-mode"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Account SID"
          value={draft.accountSid}
          onChange={(e) => set('accountSid', e.currentTarget.value)}
          error={error('twilio.accountSid')}
          data-testid="connections-twilio-accountSid"
        />
        <PasswordInput
          label="Auth token"
          description={secretHint(current.twilio.authToken)}
          value={draft.authToken}
          onChange={(e) => set('authToken', e.currentTarget.value)}
          error={error('twilio.authToken')}
          data-testid="connections-twilio-authToken"
        />
        <TextInput
          label="From number"
          description="+447700900123 or a Messaging Service SID"
          value={draft.fromNumber}
          onChange={(e) => set('fromNumber', e.currentTarget.value)}
          error={error('twilio.fromNumber')}
          data-testid="connections-twilio-fromNumber"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        For replies (C to confirm, CANCEL, STOP), set the number&apos;s messaging webhook in Twilio
        to <Code>{webhook}</Code> (HTTP POST).
      </Text>
      <Group justify="space-between" mt="xs">
        <Title order={4} size="h5">
          Email (SMTP)
        </Title>
        <Mode
          on={current.smtp.configured}
          live="Sending through SMTP"
          testId="connections-email-mode"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Server"
          value={draft.host}
          onChange={(e) => set('host', e.currentTarget.value)}
          error={error('smtp.host')}
          data-testid="connections-smtp-host"
        />
        <NumberInput
          label="Port"
          value={draft.port}
          min={1}
          max={65535}
          onChange={(v) => set('port', v)}
          error={error('smtp.port')}
          data-testid="connections-smtp-port"
        />
        <Checkbox
          mt="xl"
          label="TLS from the start (port 465)"
          checked={draft.secure}
          onChange={(e) => set('secure', e.currentTarget.checked)}
          data-testid="connections-smtp-secure"
        />
        <TextInput
          label="User name"
          value={draft.user}
          onChange={(e) => set('user', e.currentTarget.value)}
          error={error('smtp.user')}
          data-testid="connections-smtp-user"
        />
        <PasswordInput
          label="Password"
          description={secretHint(current.smtp.password)}
          value={draft.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          error={error('smtp.password')}
          data-testid="connections-smtp-password"
        />
        <TextInput
          label="From"
          description={'"Studio North" <bookings@studio.example>'}
          value={draft.from}
          onChange={(e) => set('from', e.currentTarget.value)}
          error={error('smtp.from')}
          data-testid="connections-smtp-from"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending} data-testid="connections-save">
          Save connections
        </Button>
      </Group>
    </CheckedForm>
  );
}

export function ConnectionsSection() {
  const current = useChannel('connections.get', {});
  if (!current.data) return null;
  return (
    <Stack gap="sm" data-testid="connections-section">
      {current.data.warnings.map((warning) => (
        <Alert
          key={warning.field}
          color="orange"
          title="A saved setting is not in use"
          data-testid={`connections-warning-${warning.field}`}
        >
          {warning.message}
        </Alert>
      ))}
      <ConnectionsForm key={JSON.stringify(current.data)} current={current.data} />
    </Stack>
  );
}
