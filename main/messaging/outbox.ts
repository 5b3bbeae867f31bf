// The outbox (the `messages` table): every SMS and email BookingSync plans, with what became of
// it. The planner (planner.ts) writes planned rows; the loop (loop.ts) moves them on:
//   planned → sending (attempt recorded BEFORE the provider call) → sent | failed | planned (retry)
//   planned → cancelled (re-planned, the booking cancelled, or no longer useful when due)
import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { messages, type MessageStatus } from '../../db/schema.js';
import type { ChannelInput, OutboxMessage } from '../../preload/contract/index.js';
import type { MessageChannel, MessageKind } from '../domain/message-kinds.js';
import type { Core } from '../core/context.js';

export type MessageRow = typeof messages.$inferSelect;

export interface NewOutboxMessage {
  appointmentId: string | null;
  customerId: string | null;
  channel: MessageChannel;
  kind: MessageKind;
  to: string;
  subject: string | null;
  body: string;
  dueAt: number;
  dedupeKey: string;
}

export function toOutboxMessage(row: MessageRow): OutboxMessage {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    customerId: row.customerId,
    channel: row.channel,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    body: row.body,
    status: row.status,
    dueAt: row.dueAt,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt,
    sentAt: row.sentAt,
    providerId: row.providerId,
    error: row.error,
    cancelReason: row.cancelReason,
    demo: row.demo,
    createdAt: row.createdAt,
  };
}

export function createOutbox(core: Core) {
  const { db, clock, newId } = core;
  const nextDue = db
    .select({ dueAt: messages.dueAt })
    .from(messages)
    .where(eq(messages.status, 'planned'))
    .orderBy(asc(messages.dueAt))
    .limit(1)
    .prepare();

  // Every booking plans several rows at once, right after its commit: prepared once, not rebuilt
  // per row by drizzle's builder (~50 us each).
  const insertPlanned = db
    .insert(messages)
    .values({
      id: sql.placeholder('id'),
      appointmentId: sql.placeholder('appointmentId'),
      customerId: sql.placeholder('customerId'),
      channel: sql.placeholder('channel'),
      kind: sql.placeholder('kind'),
      toAddress: sql.placeholder('toAddress'),
      subject: sql.placeholder('subject'),
      body: sql.placeholder('body'),
      status: 'planned',
      dueAt: sql.placeholder('dueAt'),
      dedupeKey: sql.placeholder('dedupeKey'),
      createdAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing({ target: messages.dedupeKey })
    .prepare();

  // The loop updates rows with a handful of column sets (claim, sent, retry, failed): one prepared
  // statement per set, made on first use, instead of drizzle's builder on every call.
  const updates = new Map<string, { run(values: Record<string, unknown>): unknown }>();

  function update(id: string, set: Partial<MessageRow>): void {
    const columns = (Object.keys(set) as (keyof MessageRow)[])
      .filter((key) => set[key] !== undefined && key !== 'id' && key !== 'updatedAt')
      .sort();
    const key = columns.join(',');
    let statement = updates.get(key);
    if (!statement) {
      const placeholders = Object.fromEntries(
        [...columns, 'updatedAt'].map((c) => [c, sql.placeholder(c)]),
      );
      statement = db
        .update(messages)
        // drizzle binds a placeholder in set() through the column's encoder (demo → 0/1) like any
        // value; only its types do not admit placeholders there.
        .set(placeholders as unknown as Partial<MessageRow>)
        .where(eq(messages.id, sql.placeholder('id')))
        .prepare();
      updates.set(key, statement);
    }
    statement.run({ ...set, id, updatedAt: clock.now() });
  }

  const dueNow = db
    .select()
    .from(messages)
    .where(and(eq(messages.status, 'planned'), lte(messages.dueAt, sql.placeholder('now'))))
    .orderBy(asc(messages.dueAt), asc(messages.id))
    .limit(sql.placeholder('limit'))
    .prepare();

  const laterDueReminder = db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.appointmentId, sql.placeholder('appointmentId')),
        eq(messages.channel, sql.placeholder('channel')),
        eq(messages.kind, 'reminder'),
        eq(messages.status, 'planned'),
        sql`${messages.dueAt} > ${sql.placeholder('dueAt')}`,
        lte(messages.dueAt, sql.placeholder('now')),
      ),
    )
    .prepare();

  /** The columns a message brings with it, as the outbox stores them. */
  const columnsOf = (m: NewOutboxMessage) => ({
    appointmentId: m.appointmentId,
    customerId: m.customerId,
    channel: m.channel,
    kind: m.kind,
    toAddress: m.to,
    subject: m.subject,
    body: m.body,
    dueAt: m.dueAt,
    dedupeKey: m.dedupeKey,
  });

  return {
    /** Inserts what is not there yet (by dedupe key); returns how many rows were new. */
    plan(planned: readonly NewOutboxMessage[]): number {
      let inserted = 0;
      const now = clock.now();
      for (const m of planned) {
        const result = insertPlanned.run({ id: newId('msg'), ...columnsOf(m), now });
        inserted += result.changes;
      }
      return inserted;
    },

    /**
     * Rows that went out before this database existed (the demo's history), recorded as the demo
     * sender records a send: nothing left the machine.
     */
    importSent(sent: readonly NewOutboxMessage[]): number {
      let inserted = 0;
      for (const m of sent) {
        const id = newId('msg');
        inserted += db
          .insert(messages)
          .values({
            id,
            ...columnsOf(m),
            status: 'sent',
            attempts: 1,
            lastAttemptAt: m.dueAt,
            sentAt: m.dueAt,
            providerId: `demo_${id}`,
            demo: true,
            createdAt: m.dueAt,
            updatedAt: m.dueAt,
          })
          .onConflictDoNothing({ target: messages.dedupeKey })
          .run().changes;
      }
      return inserted;
    },

    /** Planned rows of one appointment (what a re-plan may cancel). */
    pendingFor(appointmentId: string): MessageRow[] {
      return db
        .select()
        .from(messages)
        .where(and(eq(messages.appointmentId, appointmentId), eq(messages.status, 'planned')))
        .all();
    },

    /** Cancels the still-planned rows with these keys; a row already sending is left to finish. */
    cancelByKeys(keys: readonly string[], reason: string): number {
      if (keys.length === 0) return 0;
      return db
        .update(messages)
        .set({ status: 'cancelled', cancelReason: reason, updatedAt: clock.now() })
        .where(and(inArray(messages.dedupeKey, [...keys]), eq(messages.status, 'planned')))
        .run().changes;
    },

    /** Cancels a customer's planned rows on one channel (a number that can never receive). */
    cancelForCustomer(customerId: string, channel: MessageChannel, reason: string): number {
      return db
        .update(messages)
        .set({ status: 'cancelled', cancelReason: reason, updatedAt: clock.now() })
        .where(
          and(
            eq(messages.customerId, customerId),
            eq(messages.channel, channel),
            eq(messages.status, 'planned'),
          ),
        )
        .run().changes;
    },

    /** The earliest planned due time, for the loop's one timer (served by messages_due). */
    nextDueAt(pausedChannels: readonly MessageChannel[] = []): number | null {
      if (pausedChannels.length === 0) return nextDue.get()?.dueAt ?? null;
      const row = db
        .select({ dueAt: messages.dueAt })
        .from(messages)
        .where(
          and(
            eq(messages.status, 'planned'),
            sql`${messages.channel} not in ${[...pausedChannels]}`,
          ),
        )
        .orderBy(asc(messages.dueAt))
        .limit(1)
        .get();
      return row?.dueAt ?? null;
    },

    /** Planned rows due by `now`, oldest first, skipping paused channels. */
    due(now: number, limit: number, pausedChannels: readonly MessageChannel[]): MessageRow[] {
      if (pausedChannels.length === 0) return dueNow.all({ now, limit });
      return db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.status, 'planned'),
            lte(messages.dueAt, now),
            pausedChannels.length > 0
              ? sql`${messages.channel} not in ${[...pausedChannels]}`
              : undefined,
          ),
        )
        .orderBy(asc(messages.dueAt), asc(messages.id))
        .limit(limit)
        .all();
    },

    byStatus(status: MessageStatus): MessageRow[] {
      return db.select().from(messages).where(eq(messages.status, status)).all();
    },

    /** A later reminder on the same channel is due too: this one says nothing it does not. */
    hasLaterDueReminder(row: MessageRow, now: number): boolean {
      if (row.kind !== 'reminder' || row.appointmentId === null) return false;
      const later = laterDueReminder.get({
        appointmentId: row.appointmentId,
        channel: row.channel,
        dueAt: row.dueAt,
        now,
      });
      return later !== undefined;
    },

    update,

    list(query: ChannelInput<'outbox.list'>): { messages: OutboxMessage[]; total: number } {
      const where = and(
        query.status ? eq(messages.status, query.status) : undefined,
        query.channel ? eq(messages.channel, query.channel) : undefined,
        query.customerId ? eq(messages.customerId, query.customerId) : undefined,
        query.appointmentId ? eq(messages.appointmentId, query.appointmentId) : undefined,
      );
      const rows = db
        .select()
        .from(messages)
        .where(where)
        .orderBy(desc(messages.dueAt), desc(messages.id))
        .limit(query.limit ?? 100)
        .offset(query.offset ?? 0)
        .all();
      const total = db.select({ n: count() }).from(messages).where(where).get()?.n ?? 0;
      return { messages: rows.map(toOutboxMessage), total };
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
