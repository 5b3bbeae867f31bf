// Many rows written at once (the demo seed's history): one prepared statement per table, run row
// by row. Building multi-row INSERTs through drizzle cost more than SQLite's own work and
// dominated the seed time. Columns come from the drizzle table, so names and value mapping stay
// in one place; a column no row sets is left to its default, one some rows leave out is NULL.
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open.js';

export function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): void {
  const records: readonly Record<string, unknown>[] = rows;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    records.some((r) => key in r),
  );
  const statement = db.$client.prepare(
    `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) ` +
      `values (${columns.map(() => '?').join(', ')})`,
  );
  for (const record of records) {
    statement.run(
      columns.map(([key, column]) => {
        const value = record[key];
        return value === undefined || value === null ? null : column.mapToDriverValue(value);
      }),
    );
  }
}
