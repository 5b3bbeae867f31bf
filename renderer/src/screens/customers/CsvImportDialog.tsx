// Importing customers from a CSV file: the core checks every row first and this shows what it
// found (each problem with its row and field, and the first rows as they would be stored); only
// a clean file can be imported, and the core imports all of it or, if anything changed since the
// preview, none.
import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CsvImportResult } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { usePhoneFormat } from '../../ui/phone.js';
import { showToast } from '../../ui/toasts.js';

function Errors({ result }: { result: CsvImportResult }) {
  return (
    <Stack gap="xs">
      <Alert color="red" role="alert" data-testid="csv-errors-summary">
        {result.errors.length} problem{result.errors.length === 1 ? '' : 's'} in the file. Nothing
        has been imported: fix these rows and choose the file again.
      </Alert>
      <ScrollArea.Autosize mah={260}>
        <Table withTableBorder striped data-testid="csv-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th w={130}>Field</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e, i) => (
              <Table.Tr key={i} data-testid="csv-error" data-row={e.row} data-field={e.field}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.field}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Sample({ result }: { result: CsvImportResult }) {
  const formatPhone = usePhoneFormat();
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="csv-ready">
        {result.imported} customer{result.imported === 1 ? '' : 's'} ready to import.
        {result.sample.length < result.imported ? ` The first ${result.sample.length}:` : ''}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table withTableBorder data-testid="csv-sample">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Email</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.sample.map((r) => (
              <Table.Tr key={r.row} data-testid="csv-sample-row">
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{formatPhone(r.phone) || '—'}</Table.Td>
                <Table.Td>{r.email ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function ImportFlow(props: { onDone: () => void }) {
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const check = useChannelMutation('customers.importCsv', { invalidates: [] });
  const commit = useChannelMutation('customers.importCsv', { invalidates: ['customers.list'] });

  const choose = async (chosen: File | undefined) => {
    setResult(null);
    if (!chosen) return setFile(null);
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setResult(await check.mutateAsync({ csv, mode: 'preview' }));
  };

  const importAll = async () => {
    if (!file) return;
    const done = await commit.mutateAsync({ csv: file.csv, mode: 'commit' });
    if (done.errors.length > 0) return setResult(done);
    showToast({
      tone: 'success',
      title: 'Customers imported',
      message: `${done.imported} customers from ${file.name}`,
    });
    props.onDone();
  };

  const ready = result !== null && result.errors.length === 0 && result.imported > 0;
  return (
    <Stack gap="sm" data-testid="csv-import" data-state={result ? 'previewed' : 'choosing'}>
      <Text size="sm" c="dimmed">
        A header row naming the columns, then one customer per row: name, and a phone or an email;
        optionally notes, sms_consent and email_consent (yes or no). Phone numbers are read as in{' '}
        the business&apos;s country unless they start with +.
      </Text>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        data-testid="csv-file"
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {check.isPending && <Text size="sm">Checking {file?.name}…</Text>}
      {result && result.errors.length > 0 && <Errors result={result} />}
      {result && result.errors.length === 0 && result.imported === 0 && (
        <Alert color="yellow">The file has no customers in it.</Alert>
      )}
      {ready && <Sample result={result} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button
          disabled={!ready}
          loading={commit.isPending}
          onClick={() => void importAll()}
          data-testid="csv-confirm"
        >
          {ready ? `Import ${result.imported} customers` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}

export function CsvImportDialog(props: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Import customers" size="xl">
      {props.opened && <ImportFlow onDone={props.onClose} />}
    </Modal>
  );
}
