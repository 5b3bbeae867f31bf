// CSV import and export on a real SQLite file: a preview reports each bad row by row and field
// and stores nothing; a commit with one bad row imports none; a clean file imports all in one go;
// an export is safe to open in a spreadsheet and imports back as the same customers.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../preload/contract/index.js';
import { createTestBusiness, type TestBusiness } from '../support/app.js';
import type { RpcClient } from '../support/rpc.js';

let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

const rpc: RpcClient['value'] = (channel, input) => biz.desk.value(channel, input);

async function total(): Promise<number> {
  return (await rpc('customers.list', {})).total;
}

const goodFile = [
  'Name,Phone,Email,Notes,SMS consent',
  'Ada Lovelace,07911 123456,,Likes the window seat,yes',
  'Grace Hopper,,grace@example.com,,no',
  '',
  '"Hopper, Jr.",+44 7400 123456,jr@example.com,"two\nlines",',
].join('\n');

describe('importing customers from CSV', () => {
  it('previews a clean file without storing anything, then commits every row', async () => {
    const preview = await rpc('customers.importCsv', {
      csv: goodFile,
      mode: 'preview',
    });
    expect(preview).toMatchObject({ mode: 'preview', rows: 3, imported: 3, errors: [] });
    expect(preview.sample[0]).toEqual({
      row: 2,
      name: 'Ada Lovelace',
      phone: '+447911123456',
      email: null,
    });
    expect(await total()).toBe(0);

    const committed = await rpc('customers.importCsv', {
      csv: goodFile,
      mode: 'commit',
    });
    expect(committed).toMatchObject({ mode: 'commit', imported: 3, errors: [] });
    const { customers } = await rpc('customers.list', {});
    expect(customers.map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Hopper, Jr.']);
    expect(customers[0]).toMatchObject({ smsConsent: true, notes: 'Likes the window seat' });
    expect(customers[2]?.notes).toBe('two\nlines');
  });

  it('reports every bad row with its row and field, and a commit then imports nothing', async () => {
    await rpc('customers.create', { name: 'Existing', email: 'taken@example.com' });
    const file = [
      'name,phone,email,sms_consent',
      'Fine Person,07911 123456,,',
      ',07400 123456,,',
      'Bad Phone,12,,',
      'Bad Email,,not-an-email,',
      'No Contact,,,',
      'Taken,,TAKEN@example.com,',
      'Twice,07911 123456,,maybe',
    ].join('\n');
    const preview = await rpc('customers.importCsv', { csv: file, mode: 'preview' });
    expect(preview.imported).toBe(0);
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'phone'],
      [5, 'email'],
      [6, 'phone'],
      [7, 'email'],
      [8, 'sms_consent'],
      [8, 'phone'],
    ]);
    expect(preview.errors.find((e) => e.row === 7)?.reason).toContain('Existing');
    expect(preview.errors.find((e) => e.row === 8 && e.field === 'phone')?.reason).toBe(
      'row 2 has the same phone',
    );

    const committed = await rpc('customers.importCsv', { csv: file, mode: 'commit' });
    expect(committed.imported).toBe(0);
    expect(committed.errors).toEqual(preview.errors);
    expect(await total()).toBe(1);
  });

  it('refuses a file without a name column, and an empty one', async () => {
    const noName = await rpc('customers.importCsv', {
      csv: 'phone\n07911 123456',
      mode: 'commit',
    });
    expect(noName.errors).toEqual([expect.objectContaining({ row: 1, field: 'header' })]);
    const headerOnly = await biz.desk.call('customers.importCsv', {
      csv: 'name,phone\n',
      mode: 'commit',
    });
    expect(headerOnly.ok).toBe(false);
    expect(await total()).toBe(0);
  });
});

describe('exporting customers to CSV', () => {
  it('neutralises cells a spreadsheet would run, and the file imports back unchanged', async () => {
    await rpc('customers.create', {
      name: '=HYPERLINK("http://evil.example","Click")',
      phone: '07911 123456',
      notes: '@SUM(A1:A2)',
    });
    await rpc('customers.create', { name: 'Plain Jane', email: 'jane@example.com' });
    const exported = await rpc('customers.exportCsv', {});
    expect(exported.count).toBe(2);
    const rows = Papa.parse<Record<string, string>>(exported.csv, { header: true }).data;
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    expect(rows[0]).toMatchObject({
      name: `'=HYPERLINK("http://evil.example","Click")`,
      phone: "'+447911123456",
      notes: "'@SUM(A1:A2)",
    });

    const before = await rpc('customers.list', {});
    biz.dispose();
    biz = createTestBusiness();
    const back = await rpc('customers.importCsv', {
      csv: exported.csv,
      mode: 'commit',
    });
    expect(back).toMatchObject({ imported: 2, errors: [] });
    const after = await rpc('customers.list', {});
    // How consent was given is not in the file: brought back, it was given by the import.
    expect(after.customers.every((c) => c.smsConsentSource === 'import')).toBe(true);
    const strip = (c: Customer) => ({
      ...c,
      id: '',
      createdAt: 0,
      smsConsentSource: null,
      smsConsentAt: null,
      emailConsentSource: null,
      emailConsentAt: null,
    });
    expect(after.customers.map(strip)).toEqual(before.customers.map(strip));
  });
});
