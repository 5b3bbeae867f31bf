// db/schema.ts and preload/contract/ each spell out the same closed vocabularies (statuses,
// sources, message kinds, payment kinds…): the database's for what a row may hold, the contract's
// for what the desk may send and read. Rows cross the router as contract records, so a value only
// one side knows is either refused by the router or stored where the desk cannot show it. This
// file pairs every enum column with the contract field that carries it and fails, at `npm run
// typecheck` and here, when a pair disagrees or a new enum column has no pair.
import { getTableColumns, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.js';
import * as contract from '../../preload/contract/index.js';

type Schema = typeof schema;
type TableKey = { [K in keyof Schema]: Schema[K] extends SQLiteTable ? K : never }[keyof Schema];
type ColumnsOf<T extends TableKey> = Schema[T]['_']['columns'];
/** A column's closed list of values; never for columns without one (plain text is `string`). */
type EnumOf<Column> = Column extends { enumValues: readonly (infer V extends string)[] }
  ? string extends V
    ? never
    : V
  : never;
/** `table.column` (their names in schema.ts) of every enum column, derived from the schema's types. */
type EnumColumn = {
  [T in TableKey]: {
    [C in keyof ColumnsOf<T> & string]: [EnumOf<ColumnsOf<T>[C]>] extends [never]
      ? never
      : `${T}.${C}`;
  }[keyof ColumnsOf<T> & string];
}[TableKey];
type DbValues<K extends EnumColumn> = K extends `${infer T extends TableKey}.${infer C}`
  ? EnumOf<ColumnsOf<T>[C & keyof ColumnsOf<T>]>
  : never;

/** An enum column that, on purpose, no contract field carries. */
interface Unpaired {
  unpaired: string;
}
const unpaired = (why: string): Unpaired => ({ unpaired: why });

/** The values of a discriminated union's tag, e.g. the kinds a deposit rule may have. */
function kindsOf<const V extends string>(union: {
  options: readonly { shape: { kind: { value: V } } }[];
}): V[] {
  return union.options.map((option) => option.shape.kind.value);
}

// Keyed by every enum column: a column missing here, or one that no longer exists, fails the
// type check. Each value is read from the contract field the row is mapped to, not from a shared
// constant, so a record that switches to a different enum is caught too.
const vocabulary = {
  'services.depositKind': kindsOf(contract.depositRule),
  'services.noShowFeeKind': kindsOf(contract.noShowFee),
  'customers.smsConsentSource': contract.customer.shape.smsConsentSource.unwrap().options,
  'customers.emailConsentSource': contract.customer.shape.emailConsentSource.unwrap().options,
  'appointments.status': contract.appointment.shape.status.options,
  'appointments.source': contract.appointment.shape.source.options,
  'appointmentEvents.kind': contract.appointmentEvent.shape.kind.options,
  'appointmentEvents.actor': contract.appointmentEvent.shape.actor.options,
  'appointmentEvents.fromStatus': contract.appointmentEvent.shape.fromStatus.unwrap().options,
  'appointmentEvents.toStatus': contract.appointmentEvent.shape.toStatus.unwrap().options,
  'messages.channel': contract.outboxMessage.shape.channel.options,
  'messages.kind': contract.outboxMessage.shape.kind.options,
  'messages.status': contract.outboxMessage.shape.status.options,
  'messageTemplates.kind': contract.messageTemplate.shape.kind.options,
  'messageTemplates.channel': contract.messageTemplate.shape.channel.options,
  'smsReplies.outcome': contract.inboxReply.shape.outcome.options,
  'payments.kind': contract.paymentMovement.shape.kind.options,
  'payments.status': contract.paymentMovement.shape.status.options,
  'payments.provider': contract.paymentMovement.shape.provider.options,
  'demoCheckouts.state': unpaired(
    'the demo provider’s own checkout sessions: read only by /pay/demo and the reconciler, never by the desk',
  ),
} satisfies { [K in EnumColumn]: readonly string[] | Unpaired };

type Vocabulary = typeof vocabulary;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Each pair that disagrees, with the values only one side has, so the type error says what to fix. */
type Drift = {
  [K in EnumColumn & keyof Vocabulary]: Vocabulary[K] extends readonly (infer V)[]
    ? Same<V, DbValues<K>> extends true
      ? never
      : {
          column: K;
          onlyInSchema: Exclude<DbValues<K>, V>;
          onlyInContract: Exclude<V, DbValues<K>>;
        }
    : never;
}[EnumColumn & keyof Vocabulary];
// Fails the type check on drift: `true` is not assignable to the disagreeing pair's description.
const vocabularyAgrees: [Drift] extends [never] ? true : Drift = true;

/** Every enum column the schema has at run time, as `table.column`. */
function enumColumns(): Map<string, readonly string[]> {
  const found = new Map<string, readonly string[]>();
  for (const [tableKey, table] of Object.entries(schema)) {
    if (!is(table, SQLiteTable)) continue;
    for (const [columnKey, column] of Object.entries(getTableColumns(table))) {
      if (column.enumValues !== undefined) found.set(`${tableKey}.${columnKey}`, column.enumValues);
    }
  }
  return found;
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('the vocabularies of db/schema.ts and preload/contract/', () => {
  it('agree at the type level', () => {
    expect(vocabularyAgrees).toBe(true);
  });

  it('pair every enum column the schema has, and nothing else', () => {
    // Checks the type-level list above against the tables themselves.
    expect(sorted([...enumColumns().keys()])).toEqual(sorted(Object.keys(vocabulary)));
  });

  const columns = enumColumns();
  const paired = Object.entries(vocabulary).flatMap(([key, values]): [string, string[]][] =>
    Array.isArray(values) ? [[key, [...values]]] : [],
  );

  it.each(paired)('%s: the schema and the contract allow the same values', (key, values) => {
    expect(sorted(values)).toEqual(sorted(columns.get(key) ?? []));
  });
});
