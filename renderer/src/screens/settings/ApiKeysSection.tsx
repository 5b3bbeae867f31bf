// Admin API keys for the customer API: made here, shown once (only a hash is stored), revoked
// here. Revoking asks first, because every system using the key stops working at once.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { channels, type ApiKey } from '../../../../preload/contract/index.js';
import { useChannel, useChannelMutation } from '../../client/queries.js';
import { fieldError, fromRpc, fromZod, noErrors, type FormErrors } from '../../ui/formErrors.js';
import { formatDateTime } from '../../time/zone.js';

function NewKeyBox(props: { name: string; secret: string; onDone: () => void }) {
  return (
    <Alert color="yellow" title={`Your new key “${props.name}”`} data-testid="api-key-created">
      <Stack gap="xs">
        <Text size="sm">
          This is the only time the key is shown. Copy it now and keep it somewhere safe; if it is
          lost, revoke it and make a new one.
        </Text>
        <Code block data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
          {props.secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={props.secret}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} data-testid="api-key-copy" data-copied={copied}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={props.onDone} data-testid="api-key-done">
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ConfirmRevoke(props: { apiKey: ApiKey; onClose: () => void }) {
  const revoke = useChannelMutation('apiKeys.revoke', { invalidates: ['apiKeys.list'] });
  return (
    <Modal
      opened
      onClose={props.onClose}
      title="Revoke API key?"
      data-testid="api-key-revoke-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">
          Systems using “{props.apiKey.name}” ({props.apiKey.prefix}…) stop working at once. This
          cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            data-testid="api-key-revoke-confirm"
            onClick={() => revoke.mutate({ id: props.apiKey.id }, { onSuccess: props.onClose })}
          >
            Revoke
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function KeyRow(props: { apiKey: ApiKey; zone: string; onRevoke: () => void }) {
  const k = props.apiKey;
  const revoked = k.revokedAt !== null;
  return (
    <Table.Tr data-testid="api-key-row" data-key-id={k.id} data-revoked={revoked}>
      <Table.Td>{k.name}</Table.Td>
      <Table.Td>
        <Code>{k.prefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDateTime(k.createdAt, props.zone)}</Table.Td>
      <Table.Td>
        {revoked ? <Badge color="gray">Revoked</Badge> : <Badge color="teal">Active</Badge>}
      </Table.Td>
      <Table.Td ta="right">
        {!revoked && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={props.onRevoke}
            data-testid="api-key-revoke"
          >
            Revoke
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ApiKeysSection({ zone }: { zone: string }) {
  const keys = useChannel('apiKeys.list', {});
  const create = useChannelMutation('apiKeys.create', {
    invalidates: ['apiKeys.list'],
    inlineErrors: true,
  });
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const submit = async () => {
    const parsed = channels['apiKeys.create'].input.safeParse({ name });
    if (!parsed.success) return setErrors(fromZod(parsed.error));
    try {
      const answer = await create.mutateAsync(parsed.data);
      setCreated({ name: answer.name, secret: answer.key });
      setName('');
      setErrors(noErrors);
    } catch (error) {
      setErrors(fromRpc(error));
    }
  };

  const list = keys.data ?? [];
  return (
    <Stack gap="sm" data-testid="api-keys">
      <Text size="sm" c="dimmed">
        Keys let the business&apos;s own systems read and add customers through the API
        (Authorization: Bearer &lt;key&gt;).
      </Text>
      {created && (
        <NewKeyBox name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-start" gap="xs">
          <TextInput
            placeholder="What will use it, e.g. CRM sync"
            aria-label="New key name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(errors, 'name', 'api-key') ?? errors.general}
            style={{ flex: 1 }}
            data-testid="api-key-name"
          />
          <Button type="submit" loading={create.isPending} data-testid="api-key-create">
            Create key
          </Button>
        </Group>
      </form>
      {keys.data && list.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="api-keys-empty">
          No keys yet. Name one above to connect another system.
        </Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((k) => (
              <KeyRow key={k.id} apiKey={k} zone={zone} onRevoke={() => setRevoking(k)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {revoking && <ConfirmRevoke apiKey={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}
