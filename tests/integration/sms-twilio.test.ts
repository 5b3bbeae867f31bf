// The real twilio client against the Twilio fake on loopback: what goes over the wire, and how
// each answer Twilio can give becomes an SmsError the loop can act on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { createTwilioSmsSender } from '../../main/integrations/sms/twilio.js';
import { createDemoSmsSender } from '../../main/integrations/sms/demo.js';
import { SmsError, type SmsSender } from '../../main/integrations/sms/sms-sender.js';
import { startTwilioFake, type TwilioFake } from '../fakes/twilio.js';

const FROM = '+15005550006';
const ADA = '+447700900123';
const BOB = '+447700900456';

let fake: TwilioFake;
let sms: SmsSender;
let clock = Date.UTC(2026, 11, 1, 9, 0);

beforeAll(async () => {
  fake = await startTwilioFake({ now: () => clock });
  sms = createTwilioSmsSender({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: FROM,
    baseUrl: fake.baseUrl,
  });
});
afterAll(() => fake.close());

/** The SmsError a failing send rejects with. */
async function failure(promise: Promise<unknown>): Promise<SmsError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsError);
  return error as SmsError;
}

describe('sending through Twilio', () => {
  it('posts To, From and Body form-encoded with Basic auth, and returns the message SID', async () => {
    const receipt = await sms.send({
      to: ADA,
      body: 'Reminder: Cut & blow-dry, Tue 1 Dec, 09:00',
      idempotencyKey: 'k1',
    });
    expect(receipt.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(receipt.status).toBe('queued');
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${fake.accountSid}/Messages.json`);
    expect(request.authorized).toBe(true);
    expect(request.form).toEqual({
      To: ADA,
      From: FROM,
      Body: 'Reminder: Cut & blow-dry, Tue 1 Dec, 09:00',
    });
  });

  it('sends through a Messaging Service when the sender is an MG… SID', async () => {
    const viaService = createTwilioSmsSender({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: 'MG00000000000000000000000000000001',
      baseUrl: fake.baseUrl,
    });
    await viaService.send({ to: ADA, body: 'Hi', idempotencyKey: 'k2' });
    expect(fake.requests.at(-1)!.form).toEqual({
      To: ADA,
      MessagingServiceSid: 'MG00000000000000000000000000000001',
      Body: 'Hi',
    });
  });
});

describe('Twilio errors', () => {
  it('21211 invalid number: permanent, flagged invalid_number', async () => {
    const error = await failure(sms.send({ to: '+1234', body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('invalid_number');
    expect(error.retryable).toBe(false);
    expect(error.provider).toMatchObject({ code: 21211, httpStatus: 400 });
    expect(error.code).toBe('INTEGRATION');

    fake.failNext({ status: 400, code: 21211, message: 'Invalid To' });
    expect((await failure(sms.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }))).kind).toBe(
      'invalid_number',
    );
  });

  it('21610 unsubscribed: the customer texted STOP', async () => {
    fake.unsubscribe(BOB);
    const error = await failure(sms.send({ to: BOB, body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('unsubscribed');
    expect(error.provider.code).toBe(21610);
  });

  it('429 is transient and certainly not sent', async () => {
    fake.failNext({ status: 429, message: 'Too Many Requests' });
    const error = await failure(sms.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.retryable).toBe(true);
    expect(error.deliveryUnknown).toBe(false);
    expect(error.provider).toMatchObject({ code: 20429, httpStatus: 429 });
  });

  it('500 is transient, but may have been sent: check before retrying', async () => {
    fake.failNext({ status: 500 });
    const error = await failure(sms.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.deliveryUnknown).toBe(true);
  });

  it('a dropped connection is transient with an unknown outcome', async () => {
    fake.failNext('drop-connection');
    const error = await failure(sms.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.deliveryUnknown).toBe(true);
  });

  it('a refused connection is transient and certainly not sent', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const offline = createTwilioSmsSender({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: FROM,
      baseUrl: `http://127.0.0.1:${closedPort}`,
    });
    const error = await failure(offline.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.deliveryUnknown).toBe(false);
  });

  it('a wrong auth token is an auth failure, not a reason to give up on the message', async () => {
    const wrong = createTwilioSmsSender({
      accountSid: fake.accountSid,
      authToken: 'not-the-token',
      from: FROM,
      baseUrl: fake.baseUrl,
    });
    const error = await failure(wrong.send({ to: ADA, body: 'Hi', idempotencyKey: 'k' }));
    expect(fake.requests.at(-1)!.authorized).toBe(false);
    expect(error.kind).toBe('auth');
    expect(error.provider.code).toBe(20003);
  });
});

describe('finding what went out (crash recovery)', () => {
  it('lists messages to a number since an instant, across pages, newest first', async () => {
    const local = await startTwilioFake({ now: () => clock, maxPageSize: 2 });
    try {
      const sender = createTwilioSmsSender({
        accountSid: local.accountSid,
        authToken: local.authToken,
        from: FROM,
        baseUrl: local.baseUrl,
      });
      clock = Date.UTC(2026, 11, 1, 8, 0);
      await sender.send({ to: ADA, body: 'before', idempotencyKey: 'a0' });
      const since = Date.UTC(2026, 11, 1, 9, 0);
      for (let i = 1; i <= 5; i++) {
        clock = since + i * 60_000;
        await sender.send({ to: ADA, body: `reminder ${i}`, idempotencyKey: `a${i}` });
      }
      await sender.send({ to: BOB, body: 'someone else', idempotencyKey: 'b1' });

      const found = await sender.findSentSince({ to: ADA, since });
      expect(found.map((m) => m.body)).toEqual([
        'reminder 5',
        'reminder 4',
        'reminder 3',
        'reminder 2',
        'reminder 1',
      ]);
      expect(found[0]!.providerId).toBe(local.messages.at(-2)!.sid);
      expect(found[0]!.dateCreated).toBe(since + 5 * 60_000);

      const lists = local.requests.filter((r) => r.method === 'GET');
      expect(lists.length).toBe(3); // two per page over 6 of Ada's messages that day
      expect(lists[0]!.query).toMatchObject({
        To: ADA,
        From: FROM,
        'DateSent>': '2026-12-01T00:00:00Z',
      });
      expect(lists[1]!.query.Page).toBe('1');
      expect(lists.every((r) => r.authorized)).toBe(true);
    } finally {
      await local.close();
    }
  });
});

describe('demo SMS', () => {
  it('answers like a provider without sending anything', async () => {
    const demo = createDemoSmsSender();
    expect(await demo.send({ to: ADA, body: 'Hi', idempotencyKey: 'msg_1' })).toEqual({
      providerId: 'demo_msg_1',
      status: 'demo',
    });
    expect(await demo.findSentSince({ to: ADA, since: 0 })).toEqual([]);
    const error = await failure(demo.send({ to: '07700', body: 'Hi', idempotencyKey: 'k' }));
    expect(error.kind).toBe('invalid_number');
  });
});
