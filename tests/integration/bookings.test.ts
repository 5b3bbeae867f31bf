import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, EventName } from '../../preload/contract/index.js';
import { aroundTheClock, createTestBusiness, london, type TestBusiness } from '../support/app.js';
import type { RpcClient } from '../support/rpc.js';

const MIN = 60_000;
let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

const rpc: RpcClient['call'] = (channel, input) => biz.desk.call(channel, input);

const janeBooking = () => ({
  serviceId: biz.cut,
  customer: { name: 'Jane Doe', phone: '07911 123456' },
});

/** A booking for Jane's cut unless the test says otherwise; the start is the test's to choose. */
type Booking = Omit<ChannelInput<'appointments.create'>, 'serviceId'> & { serviceId?: string };

async function book(input: Booking) {
  return rpc('appointments.create', { ...janeBooking(), ...input });
}

async function booked(input: Booking) {
  const result = await book(input);
  if (!result.ok) throw new Error(`expected a booking, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('creating a booking', () => {
  it('confirms it, finds the customer by phone and records who made it', async () => {
    const seen: EventName[] = [];
    biz.app.events.subscribe((event) => seen.push(event));
    const start = london('2026-12-01', '09:00');
    const appointment = await booked({ staffId: biz.alice, start });
    expect(appointment).toMatchObject({
      status: 'confirmed',
      staffId: biz.alice,
      start,
      end: start + 60 * MIN,
    });
    const customers = await rpc('customers.list', { search: 'Jane' });
    expect(customers).toMatchObject({
      ok: true,
      value: { total: 1, customers: [{ phone: '+447911123456', name: 'Jane Doe' }] },
    });
    const history = await rpc('appointments.history', { id: appointment.id });
    expect(history).toMatchObject({
      ok: true,
      value: [{ kind: 'created', actor: 'desk', toStatus: 'confirmed', toStart: start }],
    });
    // The booking made its customer: open customer lists hear of both, once committed.
    expect(seen).toEqual(['customers.changed', 'appointments.changed']);
  });

  it('treats the same phone typed another way as the same customer', async () => {
    await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    await booked({
      staffId: biz.alice,
      start: london('2026-12-02', '09:00'),
      customer: { name: 'Jane', phone: '+44 7911 123456', email: 'Jane@Example.com' },
    });
    const list = await rpc('customers.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: { total: 1, customers: [{ phone: '+447911123456', email: 'jane@example.com' }] },
    });
  });

  it('refuses a time that overlaps another booking, naming the reason', async () => {
    await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    const clash = await book({
      staffId: biz.alice,
      start: london('2026-12-01', '09:30'),
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    expect(clash).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        // A code for programs, the words for people.
        message:
          'That time is no longer free: it overlaps another appointment for this staff member',
        details: { field: 'start', reason: 'overlaps_appointment' },
      },
    });
  });

  it("keeps the service's buffer free after an appointment", async () => {
    await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    // The cut ends 10:00 and needs 10 minutes after it: a trim at 10:00 would eat the buffer.
    const tooSoon = await book({
      serviceId: biz.trim,
      staffId: biz.alice,
      start: london('2026-12-01', '10:00'),
    });
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const fine = await book({
      serviceId: biz.trim,
      staffId: biz.alice,
      start: london('2026-12-01', '10:10'),
    });
    expect(fine.ok).toBe(true);
  });

  it('keeps the longest buffers (4 h) on either side, of the booking and of its neighbours', async () => {
    const s = biz.app.services;
    const night = s.catalog.createStaff({ name: 'Nadia' }).id;
    s.catalog.setHours(night, aroundTheClock);
    const longPrep = s.catalog.createService({
      name: 'Colour',
      durationMinutes: 30,
      bufferBeforeMinutes: 240,
      bufferAfterMinutes: 240,
      priceAmount: 9000,
      staffIds: [night],
    }).id;
    const quick = s.catalog.createService({
      name: 'Fringe',
      durationMinutes: 15,
      priceAmount: 1000,
      staffIds: [night],
    }).id;
    const at = (time: string) => london('2026-12-01', time);
    const bookQuick = (time: string) => book({ serviceId: quick, staffId: night, start: at(time) });
    // 12:00–12:30 keeps 08:00–16:30 for itself.
    await booked({ serviceId: longPrep, staffId: night, start: at('12:00') });
    for (const time of ['08:00', '16:15']) {
      expect(await bookQuick(time), time).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    for (const time of ['07:45', '16:30']) expect((await bookQuick(time)).ok, time).toBe(true);
    // A colour at 20:45 needs 16:45 onwards free; one at 20:40 reaches the fringe ending 16:45.
    const lateColour = (time: string) =>
      book({ serviceId: longPrep, staffId: night, start: at(time) });
    expect(await lateColour('20:40')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await lateColour('20:45')).ok).toBe(true);
    // Buffer meets buffer: the next day a colour at 12:00 keeps until 16:30, so a second one
    // must start by 20:30 at the earliest, 8 h after the first one's end.
    const nextDay = (time: string) => london('2026-12-02', time);
    await booked({ serviceId: longPrep, staffId: night, start: nextDay('12:00') });
    const colourNextDay = (time: string) =>
      book({ serviceId: longPrep, staffId: night, start: nextDay(time) });
    expect(await colourNextDay('20:25')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await colourNextDay('20:30')).ok).toBe(true);
  });

  it('refuses a time outside working hours and in the lunch break', async () => {
    for (const time of ['08:00', '11:30', '16:30', '12:15']) {
      const result = await book({ staffId: biz.alice, start: london('2026-12-01', time) });
      expect(result, time).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'outside_working_hours' } },
      });
    }
  });

  it('refuses time off', async () => {
    await rpc('timeOff.create', {
      staffId: biz.alice,
      startAt: london('2026-12-01', '00:00'),
      endAt: london('2026-12-02', '00:00'),
      reason: 'Dentist',
    });
    const result = await book({ staffId: biz.alice, start: london('2026-12-01', '10:00') });
    expect(result).toMatchObject({
      ok: false,
      error: { details: { reason: 'time_off' } },
    });
  });

  it('with no staff named, gives the slot to whoever is free', async () => {
    const first = await booked({ start: london('2026-12-01', '09:00') });
    const second = await booked({
      start: london('2026-12-01', '09:00'),
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    expect(new Set([first.staffId, second.staffId])).toEqual(new Set([biz.alice, biz.bob]));
    const third = await book({
      start: london('2026-12-01', '09:00'),
      customer: { name: 'Kim', phone: '07911 111222' },
    });
    expect(third).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a staff member who does not perform the service', async () => {
    const result = await book({
      serviceId: biz.trim,
      staffId: biz.bob,
      start: london('2026-12-01', '09:00'),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'staffId' }] } },
    });
  });

  it('rejects bad input with the field at fault and stores nothing', async () => {
    const badPhone = await book({
      staffId: biz.alice,
      start: london('2026-12-01', '09:00'),
      customer: { name: 'X', phone: '12' },
    });
    expect(badPhone).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'customer.phone' }] } },
    });
    const noContact = await book({
      staffId: biz.alice,
      start: london('2026-12-01', '09:00'),
      customer: { name: 'X' },
    });
    expect(noContact).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'customer.phone' }] } },
    });
    const badStart = await biz.desk.callUnchecked('appointments.create', {
      ...janeBooking(),
      staffId: biz.alice,
      start: 'tomorrow',
    });
    expect(badStart).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'start' }] } },
    });
    const past = await book({ staffId: biz.alice, start: london('2026-11-27', '09:00') });
    expect(past).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'start' }] } },
    });
    const unknownService = await book({
      serviceId: 'svc_nope',
      start: london('2026-12-01', '09:00'),
    });
    expect(unknownService).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await rpc('appointments.list', { from: 0, to: london('2027-01-01', '00:00') });
    expect(list).toEqual({ ok: true, value: [] });
    expect(await rpc('customers.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('applies notice and horizon to public bookings but not to the desk', () => {
    const { bookings } = biz.app.services;
    const customer = { name: 'Web', email: 'web@example.com' };
    const soon = london('2026-11-30', '09:00'); // 60 min ahead is allowed, 09:00 is exactly 60 min
    expect(() =>
      bookings.create({
        serviceId: biz.cut,
        start: london('2026-11-30', '08:45') + 0,
        customer,
        source: 'widget',
        actor: 'customer',
      }),
    ).toThrow(/notice/);
    expect(
      bookings.create({
        serviceId: biz.cut,
        start: soon,
        customer,
        source: 'widget',
        actor: 'customer',
      }).appointment.status,
    ).toBe('confirmed');
    expect(() =>
      bookings.create({
        serviceId: biz.cut,
        start: london('2027-02-01', '09:00'),
        customer,
        source: 'widget',
        actor: 'customer',
      }),
    ).toThrow(/60 days ahead/);
    expect(
      bookings.create({
        serviceId: biz.cut,
        start: london('2027-02-01', '09:00'),
        customer,
        source: 'desk',
        actor: 'desk',
      }).appointment.status,
    ).toBe('confirmed');
  });
});

describe('idempotency keys', () => {
  it('returns the first booking for a retried request and refuses the key for another one', async () => {
    const start = london('2026-12-01', '09:00');
    const first = await booked({ staffId: biz.alice, start, idempotencyKey: 'abc' });
    const again = await booked({ staffId: biz.alice, start, idempotencyKey: 'abc' });
    expect(again.id).toBe(first.id);
    const other = await book({
      staffId: biz.alice,
      start: start + 60 * MIN * 2,
      idempotencyKey: 'abc',
    });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { field: 'idempotencyKey' } },
    });
    const list = await rpc('appointments.list', { from: 0, to: london('2027-01-01', '00:00') });
    expect(list.ok && list.value.length).toBe(1);
  });
});

describe('holds', () => {
  it('blocks the slot until it expires, then frees it with no job running', async () => {
    const start = london('2026-12-01', '09:00');
    const hold = await booked({ staffId: biz.alice, start, hold: true });
    expect(hold.status).toBe('pending_payment');
    const blocked = await book({
      staffId: biz.alice,
      start,
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const freeBefore = await rpc('availability.get', {
      serviceId: biz.cut,
      staffId: biz.alice,
      from: '2026-12-01',
      days: 1,
    });
    expect(freeBefore.ok && JSON.stringify(freeBefore.value)).not.toContain(`"start":${start}`);

    biz.clock.advance(15 * MIN + 1);
    const freeAfter = await rpc('availability.get', {
      serviceId: biz.cut,
      staffId: biz.alice,
      from: '2026-12-01',
      days: 1,
    });
    expect(freeAfter.ok && JSON.stringify(freeAfter.value)).toContain(`"start":${start}`);
    const taken = await booked({
      staffId: biz.alice,
      start,
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    expect(taken.status).toBe('confirmed');
  });
});

describe('changing a booking', () => {
  it('reschedules, keeping the audit trail, and refuses a clash', async () => {
    const a = await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    const b = await booked({
      staffId: biz.alice,
      start: london('2026-12-01', '14:00'),
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    const clash = await rpc('appointments.reschedule', {
      id: a.id,
      start: london('2026-12-01', '13:30'),
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const moved = await rpc('appointments.reschedule', {
      id: a.id,
      start: london('2026-12-01', '15:15'),
    });
    expect(moved).toMatchObject({
      ok: true,
      value: { start: london('2026-12-01', '15:15'), end: london('2026-12-01', '16:15') },
    });
    // Moving onto its own old time (overlapping itself) is fine.
    const nudged = await rpc('appointments.reschedule', {
      id: b.id,
      start: london('2026-12-01', '13:45'),
    });
    expect(nudged.ok).toBe(true);
    const history = await rpc('appointments.history', { id: a.id });
    expect(history).toMatchObject({
      ok: true,
      value: [
        { kind: 'created' },
        {
          kind: 'rescheduled',
          fromStart: london('2026-12-01', '09:00'),
          toStart: london('2026-12-01', '15:15'),
        },
      ],
    });
  });

  it('moves to another staff member when asked', async () => {
    const a = await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    const moved = await rpc('appointments.reschedule', {
      id: a.id,
      start: london('2026-12-01', '09:00'),
      staffId: biz.bob,
    });
    expect(moved).toMatchObject({ ok: true, value: { staffId: biz.bob } });
  });

  it('cancels, keeps the row, frees the slot, and will not cancel twice', async () => {
    const start = london('2026-12-01', '09:00');
    const a = await booked({ staffId: biz.alice, start });
    const cancelled = await rpc('appointments.cancel', { id: a.id, reason: 'Customer called' });
    expect(cancelled).toMatchObject({
      ok: true,
      value: { status: 'cancelled', cancelReason: 'Customer called' },
    });
    expect(await rpc('appointments.cancel', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    expect(await rpc('appointments.reschedule', { id: a.id, start })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    await booked({ staffId: biz.alice, start, customer: { name: 'Sam', phone: '07400 123456' } });
    const history = await rpc('appointments.history', { id: a.id });
    expect(history).toMatchObject({
      ok: true,
      value: [
        { kind: 'created' },
        {
          kind: 'status_changed',
          fromStatus: 'confirmed',
          toStatus: 'cancelled',
          reason: 'Customer called',
        },
      ],
    });
  });

  it('marks no-show and completed only once the appointment has started', async () => {
    const a = await booked({ staffId: biz.alice, start: london('2026-12-01', '09:00') });
    const b = await booked({
      staffId: biz.alice,
      start: london('2026-12-01', '10:15'),
      customer: { name: 'Sam', phone: '07400 123456' },
    });
    expect(await rpc('appointments.markNoShow', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    biz.clock.set(london('2026-12-01', '11:30'));
    expect(await rpc('appointments.markNoShow', { id: a.id })).toMatchObject({
      ok: true,
      value: { status: 'no_show' },
    });
    expect(await rpc('appointments.complete', { id: b.id })).toMatchObject({
      ok: true,
      value: { status: 'completed' },
    });
    expect(await rpc('appointments.complete', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
  });

  it('lets a customer cancel only before the cut-off', () => {
    const { bookings } = biz.app.services;
    const near = bookings.create({
      serviceId: biz.cut,
      staffId: biz.alice,
      start: london('2026-12-01', '09:00'),
      customer: { name: 'A', email: 'a@example.com' },
      source: 'widget',
      actor: 'customer',
    });
    const far = bookings.create({
      serviceId: biz.cut,
      staffId: biz.alice,
      start: london('2026-12-03', '09:00'),
      customer: { name: 'A', email: 'a@example.com' },
      source: 'widget',
      actor: 'customer',
    });
    biz.clock.set(london('2026-12-01', '08:00'));
    expect(() => bookings.cancel(near.appointment.id, 'customer')).toThrow(/1 day before/);
    expect(bookings.get(near.appointment.id).status).toBe('confirmed');
    expect(bookings.cancel(far.appointment.id, 'customer').status).toBe('cancelled');
    // The desk is not bound by the online cut-off.
    expect(bookings.cancel(near.appointment.id, 'desk').status).toBe('cancelled');
  });

  it('finds a booking by its manage token and by nothing else', () => {
    const { bookings } = biz.app.services;
    const made = bookings.create({
      serviceId: biz.cut,
      start: london('2026-12-01', '09:00'),
      customer: { name: 'A', email: 'a@example.com' },
      source: 'widget',
      actor: 'customer',
    });
    expect(made.manageToken.length).toBeGreaterThanOrEqual(32);
    expect(bookings.findByManageToken(made.manageToken)?.id).toBe(made.appointment.id);
    expect(bookings.findByManageToken(made.manageToken.slice(1))).toBeNull();
    const stored = biz.app.db.$client
      .prepare('select manage_token_hash from appointments')
      .pluck()
      .get();
    expect(stored).not.toContain(made.manageToken);
  });
});
