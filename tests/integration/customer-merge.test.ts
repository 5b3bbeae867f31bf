// Merging a duplicate customer on a real SQLite file: appointments, messages, SMS replies and the
// payments of those appointments end up with the kept customer, the details combine without
// losing a phone or email, the duplicate is gone, and a refused merge changes nothing.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customers, messages, payments, smsReplies } from '../../db/schema.js';
import type { Channel, ChannelInput } from '../../preload/contract/index.js';
import { createTestBusiness, london, type TestBusiness } from '../support/app.js';
import type { RpcClient } from '../support/rpc.js';

let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

const rpc: RpcClient['value'] = (channel, input) => biz.desk.value(channel, input);

async function refusal<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const answer = await biz.desk.call(channel, input);
  if (answer.ok) throw new Error(`${channel} was expected to refuse`);
  return answer.error;
}

/** Jane twice: once by phone at the desk, once by email from the widget, each with a booking. */
async function duplicates() {
  const keep = await rpc('customers.create', {
    name: 'Jane Doe',
    phone: '07911 123456',
    notes: 'Prefers Alice',
    smsConsent: true,
  });
  const duplicate = await rpc('customers.create', {
    name: 'Jane Doe',
    email: 'Jane@Example.com',
    notes: 'Allergic to ammonia',
    emailConsent: false,
  });
  const kept = await rpc('appointments.create', {
    serviceId: biz.cut,
    staffId: biz.alice,
    start: london('2026-11-30', '10:00'),
    customerId: keep.id,
  });
  const moved = await rpc('appointments.create', {
    serviceId: biz.cut,
    staffId: biz.bob,
    start: london('2026-12-01', '10:00'),
    customerId: duplicate.id,
  });
  const now = biz.clock.now();
  biz.app.db
    .insert(smsReplies)
    .values({
      id: 'rep_1',
      providerId: 'SM1',
      fromPhone: '+447700900001',
      body: 'Is parking free?',
      customerId: duplicate.id,
      appointmentId: moved.id,
      outcome: 'needs_reply',
      receivedAt: now,
    })
    .run();
  biz.app.db
    .insert(payments)
    .values({
      id: 'pay_1',
      appointmentId: moved.id,
      kind: 'deposit',
      amount: 1000,
      currency: 'GBP',
      status: 'succeeded',
      provider: 'demo',
      idempotencyKey: 'deposit:1',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { keep, duplicate, kept, moved };
}

describe('merging two customers', () => {
  it('previews what moves and what the kept customer becomes, without writing', async () => {
    const { keep, duplicate } = await duplicates();
    const messagesOfDuplicate = biz.app.db
      .select()
      .from(messages)
      .where(eq(messages.customerId, duplicate.id))
      .all().length;
    const preview = await rpc('customers.mergePreview', {
      keepId: keep.id,
      duplicateId: duplicate.id,
    });
    expect(preview.moves).toEqual({
      appointments: 1,
      messages: messagesOfDuplicate,
      smsReplies: 1,
      payments: 1,
    });
    expect(preview.result).toMatchObject({
      id: keep.id,
      name: 'Jane Doe',
      phone: '+447911123456',
      email: 'jane@example.com',
      // Consent follows the record each contact detail came from.
      smsConsent: true,
      emailConsent: false,
      notes: 'Prefers Alice\n\nAllergic to ammonia',
    });
    expect(await rpc('customers.get', { id: duplicate.id })).toEqual(duplicate);
  });

  it('moves everything onto the kept customer in one go and removes the duplicate', async () => {
    const { keep, duplicate, kept, moved } = await duplicates();
    const before = biz.app.db.select().from(messages).all().length;
    const merged = await rpc('customers.merge', {
      keepId: keep.id,
      duplicateId: duplicate.id,
    });
    expect(merged).toMatchObject({ id: keep.id, email: 'jane@example.com', emailConsent: false });

    const all = { from: 0, to: Date.UTC(2100, 0, 1), customerId: keep.id };
    const history = await rpc('appointments.list', all);
    expect(history.map((a) => a.id).sort()).toEqual([kept.id, moved.id].sort());
    expect(biz.app.db.select().from(messages).all()).toHaveLength(before);
    expect(
      biz.app.db.select().from(messages).where(eq(messages.customerId, duplicate.id)).all(),
    ).toEqual([]);
    expect(biz.app.db.select().from(smsReplies).get()?.customerId).toBe(keep.id);
    expect(biz.app.db.select().from(payments).get()?.appointmentId).toBe(moved.id);
    expect(biz.app.db.select().from(customers).where(eq(customers.id, duplicate.id)).all()).toEqual(
      [],
    );
    expect((await refusal('customers.get', { id: duplicate.id })).code).toBe('NOT_FOUND');
  });

  it('keeps a second phone and email in the notes rather than dropping them', async () => {
    const keep = await rpc('customers.create', {
      name: 'Sam Lee',
      phone: '07911 123456',
      email: 'sam@work.example',
    });
    const duplicate = await rpc('customers.create', {
      name: 'Samuel Lee',
      phone: '07400 123456',
      email: 'sam@home.example',
    });
    const merged = await rpc('customers.merge', {
      keepId: keep.id,
      duplicateId: duplicate.id,
    });
    expect(merged.phone).toBe('+447911123456');
    expect(merged.email).toBe('sam@work.example');
    expect(merged.notes).toContain('name Samuel Lee');
    expect(merged.notes).toContain('phone +447400123456');
    expect(merged.notes).toContain('email sam@home.example');
  });

  it('refuses merging a customer into itself, or an unknown one, and changes nothing', async () => {
    const { keep, duplicate } = await duplicates();
    const same = await refusal('customers.merge', { keepId: keep.id, duplicateId: keep.id });
    expect(same.code).toBe('VALIDATION');
    expect(JSON.stringify(same.details)).toContain('duplicateId');
    const unknown = await refusal('customers.merge', { keepId: keep.id, duplicateId: 'cus_nope' });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await rpc('customers.get', { id: duplicate.id })).toEqual(duplicate);
    expect(await rpc('customers.get', { id: keep.id })).toEqual(keep);
  });
});
