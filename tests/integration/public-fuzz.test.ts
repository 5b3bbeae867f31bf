// Whatever the internet sends — broken JSON, wrong types, huge strings, impossible dates, any
// Unicode — the public listener answers with a 4xx in the error shape (or books, when the input
// happens to be good), never a 5xx, and the bookings that were already there stay as they were.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../preload/contract/index.js';
import { london } from '../support/app.js';
import { startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
let before: { ids: string[]; digest: string };
/** A booking the fuzzer may move or cancel: made after the digest, so not part of it. */
let fuzzToken: string;

function digestOf(ids: string[]): string {
  const db = server.host.app.db.$client;
  const list = JSON.stringify(ids);
  const rows = db
    .prepare('select * from appointments where id in (select value from json_each(?)) order by id')
    .all(list);
  const events = db
    .prepare(
      'select * from appointment_events where appointment_id in (select value from json_each(?)) order by id',
    )
    .all(list);
  return createHash('sha256').update(JSON.stringify({ rows, events })).digest('hex');
}

beforeAll(async () => {
  // The fuzzer is one client sending hundreds of writes: lift the per-client limit.
  server = await startPublicHost({ bookingWriteLimit: { max: 1_000_000, windowMs: 60_000 } });
  const { bookings } = server.host.app.services;
  const ids = ['09:00', '11:00', '14:00'].map(
    (time, i) =>
      bookings.create({
        serviceId: server.cut,
        staffId: server.alice,
        start: london('2026-12-01', time),
        customer: { name: `Existing ${i}`, email: `existing${i}@example.com` },
        source: 'widget',
        actor: 'customer',
      }).appointment.id,
  );
  before = { ids, digest: digestOf(ids) };
  fuzzToken = bookings.create({
    serviceId: server.trim,
    staffId: server.alice,
    start: london('2026-12-03', '10:00'),
    customer: { name: 'Fuzz target', email: 'fuzz@example.com' },
    source: 'api',
    actor: 'customer',
  }).manageToken;
});

afterAll(async () => {
  const db = server.host.app.db.$client;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(digestOf(before.ids)).toBe(before.digest);
  await server.close();
});

// ── what the fuzzer sends ────────────────────────────────────────────────────

const huge = fc.constantFrom('x'.repeat(5_000), 'é'.repeat(40_000), '\u0000'.repeat(70_000));
const unicode = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }), // any code point, lone surrogates included
  fc.constantFrom('😀‍🔥', 'Zoë Ångström', 'مرحبا', '\u202eevil', 'a\u0000b', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'),
);
const badDate = fc.oneof(
  fc.constantFrom(
    '2026-02-30T09:00:00+00:00',
    '2026-12-01T24:00:00+00:00',
    '2026-12-01T09:00:00',
    '2026-12-01',
    '2026-12-01T09:00+00:00',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59+23:59',
    '+275760-09-13T00:00:00Z',
    '2026-12-01T09:00:00.1234567890123+00:00',
    'Tue, 01 Dec 2026 09:00:00 GMT',
    'NaN',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer().map(String),
);
/** Slots that can really be booked, so some runs take the success path too. */
const goodStart = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 9 * 4, max: 16 * 4 }))
  .map(([day, quarter]) => {
    const hh = String(Math.floor(quarter / 4)).padStart(2, '0');
    const mm = String((quarter % 4) * 15).padStart(2, '0');
    return `2026-12-0${day}T${hh}:${mm}:00+00:00`;
  });
const anyValue = fc.oneof(fc.anything(), unicode, huge, badDate, fc.double(), fc.constant(null));
/** Mostly the right thing, so that whole bodies are sometimes good and the write path runs too. */
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, anyValue);
/** Now and then a field no route knows. */
const strayFields = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  fc.dictionary(fc.string({ maxLength: 20 }), anyValue, { maxKeys: 3 }),
);

function bookingBody(): fc.Arbitrary<Record<string, unknown>> {
  const fields = fc.record(
    {
      service_id: field(fc.constantFrom(server.cut, server.trim, 'svc_nope')),
      staff_id: field(fc.constantFrom(server.alice, server.bob)),
      start: fc.oneof({ weight: 4, arbitrary: goodStart }, badDate, anyValue),
      customer: field(
        fc.record(
          {
            name: field(
              fc.oneof(fc.constantFrom('Jane Doe', 'Zoë', '李小龍'), fc.string(), unicode),
            ),
            phone: field(fc.constantFrom('07911 123456', '+44 20 7946 0000', '12', '٠٧٩١١')),
            email: field(fc.oneof(fc.constantFrom('jane@example.com'), fc.emailAddress())),
          },
          { requiredKeys: ['name'] },
        ),
      ),
      note: field(fc.oneof({ weight: 4, arbitrary: unicode }, huge)),
      sms_consent: field(fc.boolean()),
    },
    { requiredKeys: ['service_id', 'start', 'customer'] },
  );
  const chaotic = fc.tuple(fields, strayFields).map(([known, stray]) => ({ ...stray, ...known }));
  const good = fc.record(
    {
      service_id: fc.constantFrom(server.cut, server.trim),
      start: goodStart,
      customer: fc.record({
        name: fc.constantFrom('Jane Doe', 'Zoë Ångström', '李小龍'),
        email: fc.constantFrom('jane@example.com', 'zoe@example.org'),
      }),
      note: unicode,
      sms_consent: fc.boolean(),
    },
    { requiredKeys: ['service_id', 'start', 'customer'] },
  );
  // A good body with one field replaced: the likeliest way a real client gets it wrong.
  const oneFieldOff = fc
    .tuple(good, fc.constantFrom('service_id', 'staff_id', 'start', 'customer', 'note'), anyValue)
    .map(([body, name, value]) => ({ ...body, [name]: value }));
  return fc.oneof(good, oneFieldOff, { weight: 2, arbitrary: chaotic });
}

/** The body as bytes on the wire: valid JSON, JSON cut short, or not JSON at all. */
function rawBody(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: body.map((b) => JSON.stringify(b)) },
    fc.json(),
    body.chain((b) => {
      const text = JSON.stringify(b);
      return fc.nat(text.length).map((n) => text.slice(0, n));
    }),
    fc.string(),
    unicode,
    fc.constantFrom('{"a":' + '['.repeat(5_000), '{"__proto__":{"admin":true}}', 'null', '""'),
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
);
const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,250}$/);

// ── what must hold for every answer ─────────────────────────────────────────

async function expectSafeAnswer(response: Response, sent: string): Promise<void> {
  const text = await response.text();
  const context = `${response.status} for ${sent.slice(0, 300)}\n→ ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  const body = JSON.parse(text) as { error?: { code: string; message: string } };
  if (response.status >= 400) {
    expect(errorCodes, context).toContain(body.error?.code);
    expect(typeof body.error?.message, context).toBe('string');
  }
  expect(text, context).not.toMatch(/\n\s+at |\.ts:\d|SQLITE_|sqlite|select |insert into/i);
}

/** Counterexamples hold 70 KB strings: report the failure, not the whole value. */
function briefly<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const example = JSON.stringify(details.counterexample) ?? '';
  throw new Error(
    `Property failed (seed ${details.seed}, path ${details.counterexamplePath ?? ''}) on ` +
      `${example.slice(0, 400)}${example.length > 400 ? '…' : ''}\n` +
      `${String(details.errorInstance).slice(0, 1_000)}`,
  );
}

const runs = { numRuns: 250, endOnFailure: true, reporter: briefly };

describe('fuzzing the public API', () => {
  it('POST /api/bookings never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawBody(bookingBody()),
        contentType,
        fc.option(headerValue, { nil: undefined }),
        async (body, type, key) => {
          const response = await fetch(`${server.url}/api/bookings`, {
            method: 'POST',
            headers: {
              'content-type': type,
              ...(key === undefined ? {} : { 'idempotency-key': key }),
            },
            body,
          });
          await expectSafeAnswer(response, `POST ${type} ${body}`);
        },
      ),
      runs,
    );
  });

  it('PATCH and DELETE /api/bookings/{token} never answer 5xx', async () => {
    const token = fc.oneof(
      fc.constant(fuzzToken),
      fc.string({ unit: 'grapheme' }).map(encodeURIComponent),
      headerValue.map(encodeURIComponent),
    );
    const reschedule = fc.record(
      { start: fc.oneof(goodStart, badDate, anyValue), staff_id: field(fc.constant(server.bob)) },
      { requiredKeys: ['start'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PATCH', 'PATCH', 'PATCH', 'DELETE'),
        token,
        rawBody(reschedule),
        contentType,
        async (method, t, body, type) => {
          const response = await fetch(`${server.url}/api/bookings/${t}`, {
            method,
            headers: { 'content-type': type },
            body,
          });
          await expectSafeAnswer(response, `${method} ${t} ${type} ${body}`);
        },
      ),
      runs,
    );
  });

  it('GET /api/availability never answers 5xx', async () => {
    const query = fc.record(
      {
        service_id: field(fc.constantFrom(server.cut, server.trim)),
        staff_id: field(fc.constantFrom(server.alice, server.bob)),
        from: fc.oneof(fc.constantFrom('2026-12-01', '2026-11-29'), badDate, unicode),
        days_ahead: field(fc.integer({ min: -5, max: 100 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, fc.option(fc.string(), { nil: undefined }), async (q, raw) => {
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(q)) {
          params.append(name, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
        }
        // Hand-written query text too: repeated keys, stray % escapes, brackets.
        const tail = raw === undefined ? '' : `&${raw.replace(/[#\s]/g, '')}`;
        const url = `${server.url}/api/availability?${params.toString()}${tail}`;
        await expectSafeAnswer(await fetch(url), `GET ${url}`);
      }),
      runs,
    );
  });
});
