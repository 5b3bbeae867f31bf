// Above the customer list: add a customer by hand, import a CSV file, export everyone as CSV.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { Customer } from '../../../../preload/contract/index.js';
import { rpc } from '../../client/rpc.js';
import { showRpcError, showToast } from '../../ui/toasts.js';
import { CsvImportDialog } from './CsvImportDialog.js';
import { NewCustomerDialog } from './NewCustomerDialog.js';

/** Hands the file to the browser's downloads (Electron's too) without a round trip to a URL. */
function download(name: string, text: string): void {
  // A byte-order mark, so a spreadsheet opens accented names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CustomerToolbar(props: { onCreated: (c: Customer) => void }) {
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportAll = async () => {
    setExporting(true);
    try {
      const { csv, count } = await rpc('customers.exportCsv', {});
      download(`customers-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      showToast({ tone: 'success', title: 'Export ready', message: `${count} customers` });
    } catch (error) {
      showRpcError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Group gap="xs" px="sm" pt="sm" wrap="nowrap" className="customer-list">
        <Button size="xs" onClick={() => setDialog('new')} data-testid="customer-new">
          New customer
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => setDialog('import')}
          title="Import customers from a CSV file"
          data-testid="customer-import"
        >
          Import…
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={exporting}
          onClick={() => void exportAll()}
          title="Download every customer as a CSV file"
          data-testid="customer-export"
        >
          Export
        </Button>
      </Group>
      <NewCustomerDialog
        opened={dialog === 'new'}
        onClose={() => setDialog(null)}
        onCreated={(c) => {
          setDialog(null);
          props.onCreated(c);
        }}
      />
      <CsvImportDialog opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  );
}
