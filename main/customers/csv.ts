// Customers in and out as CSV (papaparse both ways). Import checks every row first (name, a phone
// or an email, the phone normalised by the same rules as the desk, the email's shape, consent
// flags, duplicates against stored customers and within the file) and reports each problem with
// its row and field; commit writes every row in one transaction or, if any row is wrong, none.
import Papa from 'papaparse';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customers } from '../../db/schema.js';
import type { CsvImportResult, CsvImportRowError } from '../../preload/contract/index.js';
import { exportCell, importCell, parseYesNo } from '../domain/csv-cells.js';
import { normalisePhone } from '../domain/phone.js';
import { ValidationError } from '../core/errors.js';
import type { Core } from '../core/context.js';
import type { SettingsService } from '../catalog/index.js';

const MAX_ROWS = 20_000;
const SAMPLE_ROWS = 20;
const columns = ['name', 'phone', 'email', 'notes', 'sms_consent', 'email_consent'] as const;
type Column = (typeof columns)[number];
const emailShape = z.email();

interface ParsedRow {
  row: number;
  name: string;
  phone: string | null;
  email: string | null;
  notes: string;
  smsConsent: boolean;
  emailConsent: boolean;
}

/** Header names as people write them: "Name", "E-mail", "SMS consent". */
function columnOf(header: string): Column | undefined {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const aliases: Record<string, Column> = { e_mail: 'email', mobile: 'phone', telephone: 'phone' };
  const column = aliases[key] ?? key;
  return (columns as readonly string[]).includes(column) ? (column as Column) : undefined;
}

export function createCustomerCsv(core: Core, settings: SettingsService) {
  const { db, clock, newId, events, write } = core;

  function check(csv: string): { rows: ParsedRow[]; errors: CsvImportRowError[]; total: number } {
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const [header, ...records] = parsed.data;
    const errors: CsvImportRowError[] = [];
    if (!header || header.every((h) => h.trim() === '')) {
      errors.push({ row: 1, field: 'header', reason: 'the file is empty: expected a header row' });
      return { rows: [], errors, total: 0 };
    }
    const index = new Map<Column, number>();
    header.forEach((h, i) => {
      const column = columnOf(h);
      if (column && !index.has(column)) index.set(column, i);
    });
    if (!index.has('name') || (!index.has('phone') && !index.has('email'))) {
      errors.push({
        row: 1,
        field: 'header',
        reason: `needs a "name" column and a "phone" or "email" column; found ${header.join(', ')}`,
      });
      return { rows: [], errors, total: 0 };
    }
    const country = settings.get().country;
    const rows: ParsedRow[] = [];
    const seenPhone = new Map<string, number>();
    const seenEmail = new Map<string, number>();
    let total = 0;
    records.forEach((record, i) => {
      const row = i + 2;
      if (record.every((cell) => cell.trim() === '')) return;
      total++;
      if (total > MAX_ROWS) {
        if (total === MAX_ROWS + 1) {
          errors.push({
            row,
            field: 'file',
            reason: `more than ${MAX_ROWS} customers in one file`,
          });
        }
        return;
      }
      const cell = (column: Column) => {
        const at = index.get(column);
        return at === undefined ? '' : importCell(record[at] ?? '').trim();
      };
      const fail = (field: string, reason: string) => errors.push({ row, field, reason });
      const before = errors.length;

      const name = cell('name');
      if (name === '') fail('name', 'must not be empty');
      else if (name.length > 200) fail('name', 'is longer than 200 characters');

      let phone: string | null = null;
      if (cell('phone') !== '') {
        const result = normalisePhone(cell('phone'), country);
        if (!result.ok) fail('phone', result.reason);
        else phone = result.e164;
      }
      let email: string | null = null;
      if (cell('email') !== '') {
        const lower = cell('email').toLowerCase();
        if (!emailShape.safeParse(lower).success)
          fail('email', `"${cell('email')}" is not an email address`);
        else email = lower;
      }
      if (cell('phone') === '' && cell('email') === '') {
        fail('phone', 'a phone number or an email address is needed to reach the customer');
      }

      const flag = (column: 'sms_consent' | 'email_consent', fallback: boolean) => {
        if (cell(column) === '') return fallback;
        const value = parseYesNo(cell(column));
        if (value === undefined) fail(column, `"${cell(column)}" is not yes or no`);
        return value ?? fallback;
      };
      const smsConsent = flag('sms_consent', false);
      const emailConsent = flag('email_consent', true);
      const notes = cell('notes');
      if (notes.length > 5000) fail('notes', 'is longer than 5000 characters');

      const duplicate = (
        field: 'phone' | 'email',
        value: string | null,
        seen: Map<string, number>,
      ) => {
        if (value === null) return;
        const column = field === 'phone' ? customers.phone : customers.email;
        const stored = db
          .select({ name: customers.name })
          .from(customers)
          .where(eq(column, value))
          .get();
        if (stored) fail(field, `${stored.name} already has ${value}`);
        const earlier = seen.get(value);
        if (earlier !== undefined) fail(field, `row ${earlier} has the same ${field}`);
        else seen.set(value, row);
      };
      duplicate('phone', phone, seenPhone);
      duplicate('email', email, seenEmail);

      if (errors.length === before) {
        rows.push({ row, name, phone, email, notes, smsConsent, emailConsent });
      }
    });
    return { rows, errors, total };
  }

  function result(
    mode: 'preview' | 'commit',
    checked: ReturnType<typeof check>,
    imported: number,
  ): CsvImportResult {
    return {
      mode,
      rows: checked.total,
      imported,
      errors: checked.errors,
      sample: checked.rows
        .slice(0, SAMPLE_ROWS)
        .map(({ row, name, phone, email }) => ({ row, name, phone, email })),
    };
  }

  // Checked again inside the transaction: a customer added since the preview is a duplicate.
  const commit = write((csv: string): CsvImportResult => {
    const checked = check(csv);
    if (checked.errors.length > 0) return result('commit', checked, 0);
    if (checked.rows.length === 0) {
      throw ValidationError.field('csv', 'the file has no customers to import');
    }
    const now = clock.now();
    for (const r of checked.rows) {
      db.insert(customers)
        .values({
          id: newId('cus'),
          name: r.name,
          phone: r.phone,
          email: r.email,
          notes: r.notes,
          smsConsent: r.smsConsent,
          emailConsent: r.emailConsent,
          smsConsentSource: 'import',
          smsConsentAt: now,
          emailConsentSource: 'import',
          emailConsentAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    events.emit('customers.changed', { change: 'imported', customerIds: [] });
    return result('commit', checked, checked.rows.length);
  });

  return {
    importCsv(input: { csv: string; mode: 'preview' | 'commit' }): CsvImportResult {
      if (input.mode === 'preview') {
        const checked = check(input.csv);
        return result('preview', checked, checked.errors.length === 0 ? checked.rows.length : 0);
      }
      return commit(input.csv);
    },

    exportCsv(): { csv: string; count: number } {
      const rows = db
        .select()
        .from(customers)
        .orderBy(asc(customers.name), asc(customers.id))
        .all();
      const yesNo = (v: boolean) => (v ? 'yes' : 'no');
      const data = rows.map((c) =>
        [
          c.id,
          c.name,
          c.phone ?? '',
          c.email ?? '',
          c.notes,
          yesNo(c.smsConsent),
          yesNo(c.emailConsent),
          new Date(c.createdAt).toISOString(),
        ].map(exportCell),
      );
      const csv = Papa.unparse({
        fields: ['id', ...columns, 'created_at'],
        data,
      });
      return { csv, count: rows.length };
    },
  };
}

export type CustomerCsv = ReturnType<typeof createCustomerCsv>;
