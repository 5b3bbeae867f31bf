// The widget's REST routes over real sockets: booking, viewing, moving and
// cancelling with the manage token, and the field names of every refusal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { london } from '../support/app.js';
import {
  appointmentCount,
  call,
  fieldsOf,
  startPublicHost,
  type Failure,
  type PublicHost,
} from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost({ bookingWriteLimit: { max: 1000, windowMs: 60_000 } });
});
afterEach(() => server.close());

interface Booking {
  id: string;
  status: string;
  start: string;
  end: string;
  service_id: string;
  service_name: string;
  staff_id: string;
  staff_name: string;
  any_staff: boolean;
  changes_allowed_until: string;
  customer: Record<string, unknown>;
}
interface Created {
  booking: Booking;
  manage_token: string;
}

const nine = '2026-12-01T09:00:00+00:00';

function bookingBody(overrides: Record<string, unknown> = {}) {
  return {
    service_id: server.cut,
    staff_id: server.alice,
    start: nine,
    customer: { name: 'Jane Doe', phone: '07911 123456', email: 'jane@example.com' },
    ...overrides,
  };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return call<Created & Failure>(`${server.url}/api/bookings`, { method: 'POST', body, headers });
}

async function book(overrides: Record<string, unknown> = {}): Promise<Created> {
  const answer = await post(bookingBody(overrides));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

describe('finding a slot', () => {
  it('lists services and free slots in the business zone, with offsets', async () => {
    const services = await call<{ services: { id: string; staff_ids: string[] }[] }>(
      `${server.url}/api/services`,
    );
    expect(services.body.services.map((s) => s.id).sort()).toEqual(
      [server.cut, server.trim].sort(),
    );
    const free = await call<{
      timezone: string;
      days: { date: string; slots: { start: string }[] }[];
    }>(
      `${server.url}/api/availability?service_id=${server.cut}&staff_id=${server.alice}&from=2026-12-01&days_ahead=1`,
    );
    expect(free.status).toBe(200);
    expect(free.body.timezone).toBe('Europe/London');
    expect(free.body.days[0]?.slots[0]).toEqual({
      start: nine,
      end: '2026-12-01T10:00:00+00:00',
      staff_id: server.alice,
      label: '9:00',
    });
  });

  it("words each day and time in the language asked for, else the business country's English", async () => {
    type Worded = {
      locale: string;
      days: { date: string; label: string; label_long: string; slots: { label: string }[] }[];
    };
    const ask = (locale?: string) =>
      call<Worded & Failure>(
        `${server.url}/api/availability?service_id=${server.cut}&staff_id=${server.alice}` +
          `&from=2026-12-01&days_ahead=1${locale === undefined ? '' : `&locale=${locale}`}`,
      );
    const words = (a: Worded) => {
      const day = a.days[0]!;
      // ICU versions differ on which space goes before AM: any space will do.
      return [
        a.locale,
        day.label,
        day.label_long,
        day.slots[0]?.label,
        day.slots.at(-1)?.label,
      ].map((w) => w?.replace(/\s/gu, ' '));
    };
    // Asked one after another: each language is its own kept answer, not the first one's.
    const us = await ask('en-US');
    const german = await ask('de-DE');
    const unasked = await ask();
    expect(words(us.body)).toEqual([
      'en-US',
      'Tue, Dec 1',
      'Tuesday, December 1',
      '9:00 AM',
      '4:00 PM',
    ]);
    expect(words(german.body)).toEqual([
      'de-DE',
      'Di., 1. Dez.',
      'Dienstag, 1. Dezember',
      '9:00',
      '16:00',
    ]);
    // The test salon is in GB.
    expect(words(unasked.body).slice(0, 3)).toEqual(['en-GB', 'Tue 1 Dec', 'Tuesday 1 December']);
    // A language ICU has nothing for reads as English; the tag itself must still be one.
    expect((await ask('tlh-Latn')).body.locale).toBe('en');
    const bad = await ask(encodeURIComponent('english please'));
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(['locale']);

    // The time is the business's wall clock, not UTC's: 09:00 in Kolkata is 03:30 UTC.
    server.host.app.services.settings.update({ timeZone: 'Asia/Kolkata' });
    const kolkata = await call<{ days: { slots: { start: string; label: string }[] }[] }>(
      `${server.url}/api/availability?service_id=${server.cut}&staff_id=${server.alice}` +
        '&from=2026-12-01&days_ahead=1&locale=en-GB',
    );
    expect(kolkata.body.days[0]?.slots[0]).toMatchObject({
      start: '2026-12-01T09:00:00+05:30',
      label: '9:00',
    });
  });
});

describe('POST /api/bookings', () => {
  it('books: 201 with the booking and a manage token, made by the customer', async () => {
    const made = await book();
    expect(made.booking).toMatchObject({
      status: 'confirmed',
      start: nine,
      end: '2026-12-01T10:00:00+00:00',
      service_id: server.cut,
      service_name: 'Cut',
      staff_id: server.alice,
      staff_name: 'Alice',
      changes_allowed_until: '2026-11-30T09:00:00+00:00',
      customer: { first_name: 'Jane' },
    });
    // ≥ 128 bits of randomness in base64url is at least 22 characters.
    expect(made.manage_token).toMatch(/^[\w-]{22,}$/);
    const { bookings } = server.host.app.services;
    expect(bookings.get(made.booking.id).source).toBe('api');
    expect(bookings.history(made.booking.id)[0]).toMatchObject({
      kind: 'created',
      actor: 'customer',
    });
  });

  it('marks a booking from a browser page as the widget’s', async () => {
    const answer = await post(bookingBody(), { origin: 'https://salon.example' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(server.host.app.services.bookings.get(answer.body.booking.id).source).toBe('widget');
  });

  it('answers 409 CONFLICT when the slot is gone', async () => {
    await book();
    const late = await post(
      bookingBody({
        customer: { name: 'Sam', email: 'sam@example.com' },
        start: '2026-12-01T09:30:00+00:00',
      }),
    );
    expect(late.status).toBe(409);
    // The reason as a code a program can branch on; the message says it to people.
    expect(late.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'start', reason: 'overlaps_appointment' },
    });
    expect(late.body.error.message).toMatch(/no longer free/);
  });

  it('answers 422 naming each field as the client spelled it, and stores nothing', async () => {
    const cases: [unknown, string[]][] = [
      [bookingBody({ customer: { name: 'X', phone: '12' } }), ['customer.phone']],
      [bookingBody({ customer: { name: 'X' } }), ['customer.phone']],
      [bookingBody({ start: '2026-12-01T09:00:00' }), ['start']],
      [bookingBody({ start: 'tomorrow at nine' }), ['start']],
      [bookingBody({ start: '2026-02-30T09:00:00+00:00' }), ['start']],
      [bookingBody({ start: '2026-11-27T09:00:00+00:00' }), ['start']],
      [bookingBody({ staffId: server.alice }), ['staffId']],
      [bookingBody({ service_id: 'svc_nope' }), ['service_id']],
      [bookingBody({ staff_id: 'stf_nope' }), ['staff_id']],
      [bookingBody({ service_id: server.trim, staff_id: server.bob }), ['staff_id']],
      [bookingBody({ note: 'x'.repeat(2001), sms_consent: 'yes' }), ['note', 'sms_consent']],
      [[], ['body']],
    ];
    for (const [body, fields] of cases) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(answer.body.error.code).toBe('VALIDATION');
      expect(fieldsOf(answer.body)?.sort()).toEqual(fields);
    }
    expect(appointmentCount(server)).toBe(0);
  });

  it('keeps the business’s notice and horizon for public bookings (422 POLICY)', async () => {
    const soon = await post(bookingBody({ start: '2026-11-30T08:30:00+00:00' }));
    expect(soon.status).toBe(422);
    expect(soon.body.error).toMatchObject({ code: 'POLICY', details: { rule: 'minimum_notice' } });
    const far = await post(bookingBody({ start: '2027-03-01T09:00:00+00:00' }));
    expect(far.body.error).toMatchObject({ code: 'POLICY', details: { rule: 'horizon' } });
  });

  it('takes only starts availability offers: on the slot grid, on the minute (422 naming start)', async () => {
    const offGrid = [
      '2026-12-01T09:07:13.123+00:00',
      '2026-12-01T09:07:00+00:00',
      '2026-12-01T09:15:30+00:00',
      '2026-12-01T09:15:00.001Z',
    ];
    for (const start of offGrid) {
      for (const staff of [{ staff_id: server.alice }, { staff_id: undefined }]) {
        const answer = await post(bookingBody({ start, ...staff }));
        expect(answer.status, `${start} ${staff.staff_id ?? 'anyone'}`).toBe(422);
        expect(answer.body.error).toMatchObject({
          code: 'VALIDATION',
          details: {
            fields: [
              { field: 'start', message: expect.stringContaining('not a start time on offer') },
            ],
          },
        });
      }
    }
    expect(appointmentCount(server)).toBe(0);

    const free = await call<{ days: { slots: { start: string }[] }[] }>(
      `${server.url}/api/availability?service_id=${server.cut}&staff_id=${server.alice}&from=2026-12-01&days_ahead=1`,
    );
    const offered = free.body.days[0]?.slots.map((slot) => slot.start) ?? [];
    expect(offered).toContain('2026-12-01T09:15:00+00:00');
    expect((await book({ start: '2026-12-01T09:15:00+00:00' })).booking.start).toBe(
      '2026-12-01T09:15:00+00:00',
    );
    // The desk places a booking where it likes, on purpose.
    const desk = await server.host.app.router.dispatch('appointments.create', {
      serviceId: server.trim,
      staffId: server.alice,
      start: london('2026-12-01', '14:07') + 13_123,
      customer: { name: 'Walk In', email: 'walk.in@example.com' },
    });
    expect(desk).toMatchObject({ ok: true });
  });

  it('accepts the same instant written with another offset', async () => {
    const made = await book({ start: '2026-12-01T10:00:00+01:00' });
    expect(made.booking.start).toBe(nine);
  });
});

describe('/api/bookings/{manage_token}', () => {
  it('shows the booking to its token holder: first name at most, no contact details', async () => {
    const made = await book();
    const seen = await call<{ booking: Booking }>(
      `${server.url}/api/bookings/${made.manage_token}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.booking).toEqual(made.booking);
    const text = JSON.stringify(seen.body);
    for (const secret of ['Doe', 'jane@example.com', '7911', 'cus_']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers 404 for an unknown or malformed token, without echoing it', async () => {
    await book();
    for (const token of ['A'.repeat(32), 'short', '..%2F..', 'x'.repeat(100)]) {
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const answer = await call<Failure>(`${server.url}/api/bookings/${token}`, {
          method,
          ...(method === 'PATCH' ? { body: { start: nine } } : {}),
        });
        expect(answer.status, `${method} ${token}`).toBe(404);
        expect(answer.body.error.code).toBe('NOT_FOUND');
        if (token.length > 8) expect(JSON.stringify(answer.body)).not.toContain(token);
      }
    }
    const huge = await call<Failure>(`${server.url}/api/bookings/${'x'.repeat(500)}`);
    expect(huge.status).toBe(414);
    expect(huge.body.error.code).toBe('VALIDATION');
  });

  it('remembers whether the customer asked for anyone, as they themselves last said it', async () => {
    const anyone = await book({ staff_id: undefined });
    expect(anyone.booking.any_staff).toBe(true);
    const named = await book({
      start: '2026-12-01T11:00:00+00:00',
      customer: { name: 'Sam', email: 'sam@example.com' },
    });
    expect(named.booking.any_staff).toBe(false);
    const url = `${server.url}/api/bookings/${named.manage_token}`;
    const move = (start: string, staff_id: string) =>
      call<{ booking: Booking }>(url, { method: 'PATCH', body: { start, staff_id } });

    // Asking for anyone when moving it says so from then on…
    const toAnyone = await move('2026-12-02T11:00:00+00:00', 'any');
    expect(toAnyone.status).toBe(200);
    expect(toAnyone.body.booking.any_staff).toBe(true);
    // …a move at the desk does not speak for the customer…
    server.host.app.services.bookings.reschedule(
      { id: named.booking.id, start: Date.parse('2026-12-02T13:00:00Z'), staffId: server.bob },
      'desk',
    );
    expect((await call<{ booking: Booking }>(url)).body.booking).toMatchObject({
      staff_id: server.bob,
      any_staff: true,
    });
    // …and naming a person again does.
    const toAlice = await move('2026-12-03T11:00:00+00:00', server.alice);
    expect(toAlice.body.booking).toMatchObject({ staff_id: server.alice, any_staff: false });
  });

  it('reschedules within the rules, as the customer', async () => {
    const made = await book();
    await book({
      start: '2026-12-01T14:00:00+00:00',
      customer: { name: 'Sam', email: 'sam@example.com' },
    });
    const url = `${server.url}/api/bookings/${made.manage_token}`;

    const clash = await call<Failure>(url, {
      method: 'PATCH',
      body: { start: '2026-12-01T13:30:00+00:00' },
    });
    expect(clash.status).toBe(409);
    const bad = await call<Failure>(url, {
      method: 'PATCH',
      body: { start: 'soon', staffId: 'x' },
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)?.sort()).toEqual(['staffId', 'start']);

    const moved = await call<{ booking: Booking }>(url, {
      method: 'PATCH',
      body: { start: '2026-12-02T11:00:00+00:00', staff_id: server.bob },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({
      start: '2026-12-02T11:00:00+00:00',
      staff_id: server.bob,
      staff_name: 'Bob',
    });
    const history = server.host.app.services.bookings.history(made.booking.id);
    expect(history.at(-1)).toMatchObject({ kind: 'rescheduled', actor: 'customer' });
  });

  it('moves only to a start availability offers (422 naming start); the desk may move off-grid', async () => {
    const made = await book();
    const url = `${server.url}/api/bookings/${made.manage_token}`;
    for (const staff_id of [undefined, 'any', server.bob]) {
      const off = await call<Failure>(url, {
        method: 'PATCH',
        body: { start: '2026-12-02T10:07:13.123+00:00', staff_id },
      });
      expect(off.status, staff_id).toBe(422);
      expect(off.body.error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'start' }] },
      });
    }
    const onGrid = await call<{ booking: Booking }>(url, {
      method: 'PATCH',
      body: { start: '2026-12-02T10:15:00+00:00' },
    });
    expect(onGrid.status).toBe(200);

    const desk = await server.host.app.router.dispatch('appointments.reschedule', {
      id: made.booking.id,
      start: london('2026-12-02', '10:37') + 13_123,
    });
    expect(desk).toMatchObject({ ok: true });
  });

  describe('moving to another staff member', () => {
    const move = (token: string, body: Record<string, unknown>) =>
      call<{ booking: Booking } & Failure>(`${server.url}/api/bookings/${token}`, {
        method: 'PATCH',
        body,
      });
    const elevenOnTheSecond = '2026-12-02T11:00:00+00:00';

    it('with staff_id "any", takes whoever performs the service and is free, the same person first', async () => {
      const jane = await book();
      await book({ start: elevenOnTheSecond, customer: { name: 'Sam', email: 'sam@example.com' } });

      // Alice is busy at eleven; Bob is free and performs a Cut.
      const moved = await move(jane.manage_token, { start: elevenOnTheSecond, staff_id: 'any' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.booking).toMatchObject({
        start: elevenOnTheSecond,
        staff_id: server.bob,
        staff_name: 'Bob',
      });
      // Where Bob is free too, Jane stays with him rather than being handed on again.
      const again = await move(jane.manage_token, {
        start: '2026-12-03T15:00:00+00:00',
        staff_id: 'any',
      });
      expect(again.body.booking.staff_id).toBe(server.bob);
      const history = server.host.app.services.bookings.history(jane.booking.id);
      expect(history.at(-2)).toMatchObject({
        kind: 'rescheduled',
        actor: 'customer',
        fromStaffId: server.alice,
        toStaffId: server.bob,
      });
      // Without staff_id the booking keeps its person: Alice's time at eleven is not offered.
      const fresh = await book({ start: '2026-12-04T09:00:00+00:00' });
      const kept = await move(fresh.manage_token, { start: elevenOnTheSecond });
      expect(kept.status).toBe(409);
    });

    it('answers 409 when the time is taken for everyone, or for the person asked for', async () => {
      const jane = await book();
      const ten = '2026-12-03T10:00:00+00:00';
      await book({ start: ten, customer: { name: 'Sam', email: 'sam@example.com' } });
      await book({
        start: ten,
        staff_id: server.bob,
        customer: { name: 'Pat', email: 'pat@example.com' },
      });
      for (const staff_id of ['any', server.bob]) {
        const refused = await move(jane.manage_token, { start: ten, staff_id });
        expect(refused.status, staff_id).toBe(409);
        expect(refused.body.error.code).toBe('CONFLICT');
      }
      const view = await call<{ booking: Booking }>(
        `${server.url}/api/bookings/${jane.manage_token}`,
      );
      expect(view.body.booking).toMatchObject({ start: nine, staff_id: server.alice });
    });

    it('answers 422 naming staff_id for someone who does not perform the service', async () => {
      // Only Alice does a Trim.
      const trim = await book({ service_id: server.trim });
      const refused = await move(trim.manage_token, {
        start: elevenOnTheSecond,
        staff_id: server.bob,
      });
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(['staff_id']);
      expect(refused.body.error.message).toMatch(/Bob does not perform Trim/);
      // "any" never hands a Trim to Bob, even when Alice is busy and Bob is free.
      await book({
        service_id: server.trim,
        start: elevenOnTheSecond,
        customer: { name: 'Sam', email: 'sam@example.com' },
      });
      const busy = await move(trim.manage_token, { start: elevenOnTheSecond, staff_id: 'any' });
      expect(busy.status).toBe(409);
      const unknown = await move(trim.manage_token, {
        start: elevenOnTheSecond,
        staff_id: 'stf_x',
      });
      expect(unknown.status).toBe(422);
      expect(fieldsOf(unknown.body)).toEqual(['staff_id']);
    });
  });

  it('cancels before the cut-off, frees the slot, and will not cancel twice', async () => {
    const made = await book();
    const url = `${server.url}/api/bookings/${made.manage_token}`;
    const cancelled = await call<{ booking: Booking }>(url, {
      method: 'DELETE',
      body: { reason: 'Ill' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
    expect(server.host.app.services.bookings.get(made.booking.id).cancelReason).toBe('Ill');
    const again = await call<Failure>(url, { method: 'DELETE' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('POLICY');
    await book({ customer: { name: 'Sam', email: 'sam@example.com' } });
  });

  it('refuses to move or cancel after the cut-off, with the reason', async () => {
    const made = await book();
    const url = `${server.url}/api/bookings/${made.manage_token}`;
    server.clock.set(london('2026-11-30', '09:01'));
    for (const [method, body] of [
      ['PATCH', { start: '2026-12-02T11:00:00+00:00' }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await call<Failure>(url, { method, body });
      expect(refused.status, method).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'POLICY',
        details: { rule: 'cancellation_cutoff', cutoff_minutes: 1440 },
      });
      expect(refused.body.error.message).toMatch(/1 day before the appointment/);
    }
    expect(server.host.app.services.bookings.get(made.booking.id)).toMatchObject({
      status: 'confirmed',
      start: london('2026-12-01', '09:00'),
    });
  });
});
