// The outbox as the Messages screen pages through it. A receptionist opens it to answer "did she
// get today's reminder?" or "what went out to him last week?", so the order is a day's timeline
// from the start of today onwards (what went out this morning, then what is due next), followed by
// everything earlier, newest first. Both halves are range walks of messages_due_at, paged by a
// keyset cursor, so a page costs the same on the first screen and ten thousand rows in.
import { and, asc, count, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { customers, messages } from '../../db/schema.js';
import type {
  ChannelInput,
  ChannelOutput,
  DeskMessage,
  OutboxMessage,
} from '../../preload/contract/index.js';
import type { AppointmentStore } from '../appointments/index.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import { ValidationError } from '../core/errors.js';
import { normalisePhone } from '../domain/phone.js';
import { startOfLocalDay, utcToLocalDate } from '../domain/time.js';
import { toOutboxMessage } from './outbox.js';

const DEFAULT_LIMIT = 50;

/**
 * Where the previous page stopped. The pivot travels with it: a page turned just after midnight
 * must continue the list it came from, not start a new day's order halfway through.
 */
const cursorSchema = z.object({
  pivot: z.int(),
  half: z.enum(['ahead', 'earlier']),
  dueAt: z.int(),
  id: z.string().min(1).max(64),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw ValidationError.field('cursor', 'is not a cursor this list gave out');
  }
}

/** LIKE treats % and _ as wildcards: a search for "50%" means the characters. */
const likeArgument = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface DeskOutboxDeps {
  settings: SettingsService;
  catalog: CatalogService;
  store: AppointmentStore;
}

export function createDeskOutbox(core: Core, deps: DeskOutboxDeps) {
  const { db, clock } = core;

  function searchCondition(search: string): SQL {
    const pattern = likeArgument(search);
    const contains = (column: SQL | SQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
    const alternatives: SQL[] = [
      contains(messages.toAddress),
      contains(messages.body),
      contains(sql`coalesce(${messages.subject}, '')`),
      contains(sql`coalesce(${messages.error}, '')`),
      sql`${messages.appointmentId} = ${search}`,
      // The customers whose name matches are few and found once, not per message.
      inArray(
        messages.customerId,
        db.select({ id: customers.id }).from(customers).where(contains(customers.name)),
      ),
    ];
    // People read numbers out as "07816 413902"; the outbox holds E.164.
    if (/^[\d\s()+.-]{6,}$/.test(search)) {
      const phone = normalisePhone(search, deps.settings.get().country);
      if (phone.ok) alternatives.push(eq(messages.toAddress, phone.e164));
    }
    return or(...alternatives) ?? sql`1`;
  }

  function appointmentOf(id: string | null): DeskMessage['appointment'] {
    if (id === null) return null;
    const row = deps.store.find(id);
    if (!row) return null;
    return {
      id: row.id,
      startAt: row.startAt,
      endAt: row.endAt,
      status: row.status,
      serviceName: deps.catalog.serviceRow(row.serviceId).name,
      staffName: deps.catalog.staffRow(row.staffId).name,
    };
  }

  return {
    /** Rows listed elsewhere (outbox.list), with the names the desk shows instead of ids. */
    describe(rows: readonly OutboxMessage[]): DeskMessage[] {
      const ids = [...new Set(rows.flatMap((m) => (m.customerId ? [m.customerId] : [])))];
      const names = new Map(
        ids.length === 0
          ? []
          : db
              .select({ id: customers.id, name: customers.name })
              .from(customers)
              .where(inArray(customers.id, ids))
              .all()
              .map((c) => [c.id, c.name]),
      );
      return rows.map((m) => ({
        ...m,
        customerName: m.customerId ? (names.get(m.customerId) ?? null) : null,
        appointment: appointmentOf(m.appointmentId),
      }));
    },

    page(query: ChannelInput<'outbox.page'>): ChannelOutput<'outbox.page'> {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const cursor = query.cursor ? decodeCursor(query.cursor) : null;
      const pivot =
        cursor?.pivot ??
        startOfLocalDay(
          utcToLocalDate(clock.now(), deps.settings.get().timeZone),
          deps.settings.get().timeZone,
        );
      const search = query.search?.trim() ?? '';
      const filters = and(
        query.status ? eq(messages.status, query.status) : undefined,
        query.channel ? eq(messages.channel, query.channel) : undefined,
        search !== '' ? searchCondition(search) : undefined,
      );

      const read = (half: Cursor['half'], after: Cursor | null, n: number) => {
        const ahead = half === 'ahead';
        const past = after?.half === half ? after : null;
        const step = past
          ? ahead
            ? or(
                gt(messages.dueAt, past.dueAt),
                and(eq(messages.dueAt, past.dueAt), gt(messages.id, past.id)),
              )
            : or(
                lt(messages.dueAt, past.dueAt),
                and(eq(messages.dueAt, past.dueAt), lt(messages.id, past.id)),
              )
          : undefined;
        return db
          .select({ row: messages, customerName: customers.name })
          .from(messages)
          .leftJoin(customers, eq(customers.id, messages.customerId))
          .where(and(ahead ? gte(messages.dueAt, pivot) : lt(messages.dueAt, pivot), step, filters))
          .orderBy(
            ...(ahead
              ? [asc(messages.dueAt), asc(messages.id)]
              : [desc(messages.dueAt), desc(messages.id)]),
          )
          .limit(n)
          .all()
          .map((r) => ({ ...r, half }));
      };

      // One row more than asked tells whether another page exists without counting.
      let rows = cursor?.half === 'earlier' ? [] : read('ahead', cursor, limit + 1);
      if (rows.length <= limit)
        rows = [...rows, ...read('earlier', cursor, limit + 1 - rows.length)];
      const more = rows.length > limit;
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      const total = db.select({ n: count() }).from(messages).where(filters).get()?.n ?? 0;
      return {
        messages: shown.map(({ row, customerName }) => ({
          ...toOutboxMessage(row),
          customerName,
          appointment: appointmentOf(row.appointmentId),
        })),
        total,
        nextCursor:
          more && last
            ? encodeCursor({ pivot, half: last.half, dueAt: last.row.dueAt, id: last.row.id })
            : null,
        pivot,
      };
    },
  };
}

export type DeskOutbox = ReturnType<typeof createDeskOutbox>;
