// The calendar's resize: appointments.reschedule with a new length goes through the same
// transactional overlap check as a move, and a length-only change tells the customer nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBusiness, london, type TestBusiness } from '../support/app.js';
import type { RpcClient } from '../support/rpc.js';

const MIN = 60_000;
let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

const rpc: RpcClient['call'] = (channel, input) => biz.desk.call(channel, input);

async function booked(start: number, name = 'Jane Doe', phone = '07911 123456') {
  const result = await rpc('appointments.create', {
    serviceId: biz.cut,
    staffId: biz.alice,
    start,
    customer: { name, phone },
  });
  if (!result.ok) throw new Error(`expected a booking, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The `change` of every appointments.changed event, which decides what the customer is told. */
function watchChanges(): string[] {
  const changes: string[] = [];
  biz.app.events.subscribe((event, payload) => {
    if (event === 'appointments.changed') changes.push((payload as { change: string }).change);
  });
  return changes;
}

describe('changing the length of an appointment', () => {
  it('lengthens it when the time after is free, and records the change', async () => {
    const start = london('2026-12-01', '09:00');
    const a = await booked(start);
    const changes = watchChanges();
    const longer = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 90 });
    expect(longer).toMatchObject({ ok: true, value: { start, end: start + 90 * MIN } });
    const history = await rpc('appointments.history', { id: a.id });
    expect(history).toMatchObject({
      ok: true,
      value: [
        { kind: 'created' },
        { kind: 'rescheduled', fromStart: start, toStart: start, reason: 'length 60 → 90 min' },
      ],
    });
    // A length change is an update (no "rescheduled" message planned); a real move is not.
    expect(changes).toEqual(['updated']);
    const moved = await rpc('appointments.reschedule', {
      id: a.id,
      start: london('2026-12-01', '14:00'),
    });
    // A move keeps the new length.
    expect(moved).toMatchObject({
      ok: true,
      value: { start: london('2026-12-01', '14:00'), end: london('2026-12-01', '15:30') },
    });
    expect(changes).toEqual(['updated', 'rescheduled']);
  });

  it('refuses a length that runs into the next appointment (buffer included) and keeps the old one', async () => {
    const start = london('2026-12-01', '09:00');
    const a = await booked(start);
    // Cut has a 10-minute buffer after: 09:00–10:00 + 10 min, so the next may start at 10:10.
    await booked(london('2026-12-01', '10:30'), 'Sam', '07400 123456');
    const clash = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 90 });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/overlaps another appointment/) },
    });
    const after = await rpc('appointments.get', { id: a.id });
    expect(after).toMatchObject({ ok: true, value: { start, end: start + 60 * MIN } });
    // Up to the buffer is fine: 09:00–10:20 + 10 min buffer ends at 10:30.
    const fits = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 80 });
    expect(fits).toMatchObject({ ok: true, value: { end: start + 80 * MIN } });
  });

  it('refuses a length past the end of working hours', async () => {
    const start = london('2026-12-01', '16:00');
    const a = await booked(start);
    const late = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 120 });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/outside the working hours/) },
    });
  });

  it('may lengthen one already under way, but not into the past', async () => {
    const start = london('2026-12-01', '09:00');
    const a = await booked(start);
    biz.clock.set(london('2026-12-01', '09:30'));
    const running = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 75 });
    expect(running).toMatchObject({ ok: true, value: { end: start + 75 * MIN } });
    const ended = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 15 });
    expect(ended).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'durationMinutes' }] } },
    });
    // Moving it is still refused once it has started.
    const moved = await rpc('appointments.reschedule', {
      id: a.id,
      start: london('2026-12-01', '09:15'),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('names the field when the length is out of range', async () => {
    const start = london('2026-12-01', '09:00');
    const a = await booked(start);
    const silly = await rpc('appointments.reschedule', { id: a.id, start, durationMinutes: 2 });
    expect(silly).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'durationMinutes' }] } },
    });
  });
});
