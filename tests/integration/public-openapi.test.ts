// /docs/openapi.json held to what the listener really answers: every route is asked the ways a
// client can ask it (good, refused by a rule, malformed, too large, wrong content type, over the
// limit, without a key), over real sockets, and each answer's status must be declared for that
// route and its body must validate against the declared schema (JSON Schema 2020-12, as OpenAPI
// 3.1 has it, checked by ajv). Every declared status must be one the listener was seen to give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import twilio from 'twilio';
import { startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { startPublicHost } from '../support/public-host.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Schema = Record<string, unknown>;
interface Operation {
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

interface Exchange {
  /** "POST /api/bookings", as the document names the operation. */
  operation: string;
  /** What was sent, to say which request a mismatch came from. */
  label: string;
  status: number;
  mediaType: string;
  body: unknown;
}

let server: PaymentsHost;
let doc: Document;
const exchanges: Exchange[] = [];
// Strict, so a keyword the document misspells fails here; but anyOf: [{ required: [phone] }, …]
// names properties declared beside it, not inside it, which is sound JSON Schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);

const TWILIO = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'a'.repeat(32) };

interface Request {
  method?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
}

/** Sends one request, records the answer against `operation`, and returns it. */
async function ask(
  base: string,
  operation: string,
  label: string,
  path: string,
  request: Request = {},
): Promise<Exchange> {
  const method = operation.split(' ')[0]!;
  const json = request.body !== undefined && typeof request.body !== 'string';
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers },
    ...(request.body === undefined
      ? {}
      : { body: json ? JSON.stringify(request.body) : (request.body as string) }),
  });
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const text = await response.text();
  const body: unknown = mediaType === 'application/json' ? JSON.parse(text) : text;
  const exchange = { operation, label, status: response.status, mediaType, body };
  exchanges.push(exchange);
  return exchange;
}

const call = (operation: string, label: string, path: string, request?: Request) =>
  ask(server.url, operation, label, path, request);

/** The refusals every route with a JSON body can give before its handler runs. */
async function malformedBodies(operation: string, path: string, headers = {}): Promise<void> {
  await call(operation, 'not JSON', path, {
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"service_id":',
  });
  await call(operation, 'over the size limit', path, {
    headers,
    body: { note: 'x'.repeat(100 * 1024) },
  });
  await call(operation, 'XML', path, {
    headers: { 'content-type': 'application/xml', ...headers },
    body: '<booking/>',
  });
}

beforeAll(async () => {
  server = await startPaymentsHost();
  server.host.app.services.connections.update({
    twilio: { ...TWILIO, fromNumber: null },
  });
  doc = (await (await fetch(`${server.url}/docs/openapi.json`)).json()) as Document;
  const { key } = server.host.app.services.apiKeys.create({ name: 'crm' });
  const admin = { authorization: `Bearer ${key}` };

  // Liveness and the catalogue.
  await call('GET /healthz', 'alive', '/healthz');
  await call('GET /api/services', 'list', '/api/services');
  const availability = 'GET /api/availability';
  await call(availability, 'a week', `/api/availability?service_id=${server.cut}`);
  await call(availability, 'unknown service', '/api/availability?service_id=svc_nope');
  await call(availability, 'no service', '/api/availability?days_ahead=3');

  // Booking, then viewing, moving and cancelling it.
  const create = 'POST /api/bookings';
  const booking = (start: string, customer: object = { name: 'Jane', phone: '07911 123456' }) => ({
    service_id: server.cut,
    staff_id: server.alice,
    start,
    customer,
  });
  const made = await call(create, 'a free slot', '/api/bookings', {
    body: booking('2026-12-01T09:00:00+00:00'),
  });
  const token = (made.body as { manage_token: string }).manage_token;
  await call(create, 'the same slot again', '/api/bookings', {
    body: booking('2026-12-01T09:00:00+00:00'),
  });
  await call(create, 'neither phone nor email', '/api/bookings', {
    body: booking('2026-12-01T11:00:00+00:00', { name: 'Jane' }),
  });
  await malformedBodies(create, '/api/bookings');
  // A deposit needs a checkout; with Stripe failing, the booking is not made.
  server.stripe.failNext(20);
  await call(create, 'deposit while Stripe fails', '/api/bookings', {
    body: { ...booking('2026-12-02T09:00:00+00:00'), service_id: server.colour },
  });
  server.stripe.failNext(0);

  const one = `/api/bookings/${token}`;
  const view = 'GET /api/bookings/{manage_token}';
  await call(view, 'by its token', one);
  await call(view, 'unknown token', '/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA');
  await call(view, 'bad %-escape', '/api/bookings/%zz');
  await call(view, 'token over 100 characters', `/api/bookings/${'A'.repeat(120)}`);

  const move = 'PATCH /api/bookings/{manage_token}';
  await call(create, 'a second booking', '/api/bookings', {
    body: booking('2026-12-01T14:00:00+00:00'),
  });
  await call(move, 'to a free time', one, { body: { start: '2026-12-01T10:30:00+00:00' } });
  await call(move, 'onto the second booking', one, {
    body: { start: '2026-12-01T14:00:00+00:00' },
  });
  await call(move, 'an unknown staff member', one, {
    body: { start: '2026-12-01T10:30:00+00:00', staff_id: 'stf_nope' },
  });
  await call(move, 'unknown token', '/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA', {
    body: { start: '2026-12-01T10:30:00+00:00' },
  });
  await call(move, 'bad %-escape', '/api/bookings/%zz', { body: { start: 'x' } });
  await call(move, 'token over 100 characters', `/api/bookings/${'A'.repeat(120)}`, {
    body: { start: 'x' },
  });
  await malformedBodies(move, one);

  const cancel = 'DELETE /api/bookings/{manage_token}';
  await call(cancel, 'with a reason', one, { body: { reason: 'ill' } });
  await call(cancel, 'again', one);
  await call(cancel, 'unknown token', '/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA');
  await call(cancel, 'bad %-escape', '/api/bookings/%zz');
  await call(cancel, 'token over 100 characters', `/api/bookings/${'A'.repeat(120)}`);
  await malformedBodies(cancel, one);

  // The customer API, with and without a key.
  const customers = 'GET /api/customers';
  await call(customers, 'with a key', '/api/customers?search=Jane', { headers: admin });
  await call(customers, 'without a key', '/api/customers');
  await call(customers, 'limit 0', '/api/customers?limit=0', { headers: admin });
  const add = 'POST /api/customers';
  const added = await call(add, 'a new customer', '/api/customers', {
    headers: admin,
    body: { name: 'Sam', email: 'sam@example.com' },
  });
  const customerId = (added.body as { customer: { id: string } }).customer.id;
  await call(add, 'the same email again', '/api/customers', {
    headers: admin,
    body: { name: 'Sam', email: 'sam@example.com' },
  });
  await call(add, 'without a key', '/api/customers', { body: { name: 'Sam' } });
  await call(add, 'no name', '/api/customers', { headers: admin, body: { email: 'a@b.example' } });
  await malformedBodies(add, '/api/customers', admin);
  for (const [operation, suffix] of [
    ['GET /api/customers/{id}', ''],
    ['GET /api/customers/{id}/bookings', '/bookings'],
  ] as const) {
    await call(operation, 'by id', `/api/customers/${customerId}${suffix}`, { headers: admin });
    await call(operation, 'without a key', `/api/customers/${customerId}${suffix}`);
    await call(operation, 'unknown id', `/api/customers/cus_nope${suffix}`, { headers: admin });
    await call(operation, 'bad %-escape', `/api/customers/%zz${suffix}`, { headers: admin });
    await call(operation, 'id over 100 characters', `/api/customers/${'c'.repeat(120)}${suffix}`, {
      headers: admin,
    });
  }

  // The providers' webhooks: signed, forged, malformed.
  const sms = 'POST /webhooks/twilio/sms';
  const smsUrl = `${server.url}/webhooks/twilio/sms`;
  const form = { MessageSid: `SM${'1'.repeat(32)}`, From: '+447700900123', Body: 'Hello' };
  const signed = (params: Record<string, string>) => ({
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, smsUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  await call(sms, 'signed', '/webhooks/twilio/sms', signed(form));
  await call(sms, 'signed without MessageSid', '/webhooks/twilio/sms', signed({ From: form.From }));
  await call(sms, 'unsigned', '/webhooks/twilio/sms', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  await malformedBodies(sms, '/webhooks/twilio/sms', { 'x-twilio-signature': 'AAAA' });

  const stripe = 'POST /webhooks/stripe';
  const event = server.stripe.event('customer.created', { id: 'cus_1', object: 'customer' });
  await call(stripe, 'signed', '/webhooks/stripe', {
    headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
    body: event.body,
  });
  await call(stripe, 'forged', '/webhooks/stripe', {
    headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
    body: event.body,
  });
  await malformedBodies(stripe, '/webhooks/stripe', { 'stripe-signature': 't=1,v1=00' });

  // Over the booking-write limit: a listener that allows one write a minute.
  const strict = await startPublicHost({ bookingWriteLimit: { max: 1, windowMs: 60_000 } });
  try {
    // The one allowed write, then one of each kind over the limit.
    await ask(strict.url, create, 'within the limit', '/api/bookings', { body: {} });
    for (const operation of [create, move, cancel]) {
      const path =
        operation === create ? '/api/bookings' : '/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAA';
      await ask(strict.url, operation, 'over the limit', path, { body: { start: 'x' } });
    }
  } finally {
    await strict.close();
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function schemaOf(operation: string, status: number, mediaType: string): Schema | undefined {
  const [method, path] = operation.split(' ') as [string, string];
  return doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.[mediaType]
    ?.schema;
}

describe('/docs/openapi.json against real answers', () => {
  it('declares every status each route gave, and every answer matches its schema', () => {
    const problems: string[] = [];
    for (const e of exchanges) {
      const [method, path] = e.operation.split(' ') as [string, string];
      const operation = doc.paths[path]?.[method.toLowerCase()];
      const where = `${e.operation} (${e.label}) → ${e.status}`;
      if (!operation) {
        problems.push(`${where}: the operation is not in the document`);
        continue;
      }
      const declared = operation.responses[String(e.status)];
      if (!declared) {
        problems.push(`${where}: status not declared`);
        continue;
      }
      if (!declared.content?.[e.mediaType]) {
        problems.push(`${where}: ${e.mediaType} not declared`);
        continue;
      }
      const schema = schemaOf(e.operation, e.status, e.mediaType);
      if (schema && !ajv.validate(schema, e.body)) {
        problems.push(`${where}: ${ajv.errorsText(ajv.errors)} in ${JSON.stringify(e.body)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares no operation or status that the listener was not seen to give', () => {
    const seen = new Set(exchanges.map((e) => `${e.operation} ${e.status}`));
    const declared = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) =>
        Object.keys(op.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(declared.filter((d) => !seen.has(d))).toEqual([]);
    // The answers Fastify gives before a booking handler runs, named in the issue.
    for (const status of [400, 413, 415]) expect(seen).toContain(`POST /api/bookings ${status}`);
  });

  it('says in the booking schema what the handler requires of the customer', () => {
    const body =
      doc.paths['/api/bookings']!.post!.requestBody!.content['application/json']!.schema!;
    const valid = ajv.compile(body);
    const base = {
      service_id: 'svc_1',
      start: '2026-12-01T09:00:00+00:00',
    };
    expect(valid({ ...base, customer: { name: 'Jane', phone: '07911 123456' } })).toBe(true);
    expect(valid({ ...base, customer: { name: 'Jane', email: 'jane@example.com' } })).toBe(true);
    // Refused by the handler (422 above), so refused by the document too.
    expect(valid({ ...base, customer: { name: 'Jane' } })).toBe(false);
    const refused = exchanges.find((e) => e.label === 'neither phone nor email');
    expect(refused?.status).toBe(422);
  });
});
