// Two-way SMS: Twilio posts a customer's text to POST /webhooks/twilio/sms on the public listener,
// signed with our auth token. The real twilio package signs the test requests
// (getExpectedTwilioSignature) exactly as Twilio does; the reply to a refused cancel goes through
// the outbox and the real twilio client to the wire-level fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import twilio from 'twilio';
import { startHost, type RunningHost } from '../../main/host.js';
import { createTwilioSmsSender } from '../../main/integrations/sms/twilio.js';
import {
  london,
  seedTestSalon,
  tempDir,
  testClock,
  type TestClock,
  type TestSalon,
} from '../support/app.js';
import { manualTimers } from '../support/manual-timers.js';
import { JANE, SALON_NUMBER } from '../support/messaging.js';
import { startTwilioFake, type TwilioFake } from '../fakes/twilio.js';

const PATH = '/webhooks/twilio/sms';

let host: RunningHost;
let clock: TestClock;
let salon: TestSalon;
let fake: TwilioFake;
let dir: { path: string; remove(): void };
let sid = 0;

beforeEach(async () => {
  dir = tempDir();
  clock = testClock(london('2026-11-30', '08:00'));
  fake = await startTwilioFake({ now: () => clock.now() });
  host = await startHost({
    dbPath: join(dir.path, 'business.sqlite'),
    clock,
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    log: () => {},
    messaging: {
      timers: manualTimers(clock),
      sms: createTwilioSmsSender({
        accountSid: fake.accountSid,
        authToken: fake.authToken,
        from: SALON_NUMBER,
        baseUrl: fake.baseUrl,
      }),
    },
  });
  salon = seedTestSalon(host.app);
  host.app.services.connections.update({
    twilio: { accountSid: fake.accountSid, authToken: fake.authToken, fromNumber: SALON_NUMBER },
  });
});
afterEach(async () => {
  await host.close();
  await fake.close();
  dir.remove();
});

function bookJane(start: number) {
  return host.app.services.bookings.create({
    serviceId: salon.cut,
    staffId: salon.alice,
    start,
    customer: JANE,
    smsConsent: true,
    source: 'desk',
    actor: 'desk',
  }).appointment;
}

interface Sent {
  status: number;
  text: string;
}

/** Posts an inbound SMS as Twilio would; `sign` says against which URL (false: unsigned). */
async function textUs(
  body: string,
  options: {
    from?: string;
    messageSid?: string;
    signUrl?: string | false;
    token?: string;
    host?: string;
  } = {},
): Promise<Sent> {
  const url = `${host.publicUrl}${PATH}`;
  const params: Record<string, string> = {
    MessageSid: options.messageSid ?? `SMin${(++sid).toString().padStart(30, '0')}`,
    AccountSid: fake.accountSid,
    From: options.from ?? JANE.phone,
    To: SALON_NUMBER,
    Body: body,
    NumMedia: '0',
  };
  const headers: Record<string, string> = {
    // As Twilio sends it.
    'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
  };
  if (options.signUrl !== false) {
    headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(
      options.token ?? fake.authToken,
      options.signUrl ?? url,
      params,
    );
  }
  if (options.host) headers.host = options.host;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, text: await response.text() };
}

const inbox = () => host.app.services.inbox.list({});

describe('POST /webhooks/twilio/sms', () => {
  it('C confirms the next appointment for the customer and thanks them in TwiML', async () => {
    const later = bookJane(london('2026-12-04', '10:00'));
    const next = bookJane(london('2026-12-02', '10:00'));
    const answer = await textUs(' c ');
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /^<\?xml.*<Response><Message>Thank you, your Cut on Wed 2 Dec, 10:00 is confirmed/,
    );
    const confirmed = host.app.services.bookings.get(next.id);
    expect(confirmed.customerConfirmedAt).toBe(london('2026-11-30', '08:00'));
    expect(confirmed.status).toBe('confirmed');
    expect(host.app.services.bookings.get(later.id).customerConfirmedAt).toBeNull();
    expect(
      host.app.services.bookings.history(next.id).map((e) => [e.kind, e.actor]),
    ).toContainEqual(['customer_confirmed', 'customer']);
    expect(inbox().replies.map((r) => [r.outcome, r.appointmentId, r.customerName])).toEqual([
      ['confirmed', next.id, JANE.name],
    ]);
  });

  it.each(['YES', 'Confirm.'])('%s confirms too', async (word) => {
    const next = bookJane(london('2026-12-02', '10:00'));
    await textUs(word);
    expect(host.app.services.bookings.get(next.id).customerConfirmedAt).not.toBeNull();
  });

  it('refuses a forged signature with 403 and changes nothing', async () => {
    const next = bookJane(london('2026-12-02', '10:00'));
    const forged = await textUs('CANCEL', { token: 'not-our-auth-token' });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text)).toMatchObject({
      error: { details: { reason: 'bad_signature' } },
    });
    const unsigned = await textUs('CANCEL', { signUrl: false });
    expect(unsigned.status).toBe(403);
    const otherUrl = await textUs('CANCEL', {
      signUrl: 'https://elsewhere.example/webhooks/twilio/sms',
    });
    expect(otherUrl.status).toBe(403);
    expect(host.app.services.bookings.get(next.id).status).toBe('confirmed');
    expect(inbox().total).toBe(0);
  });

  it('refuses every request while no Twilio auth token is saved', async () => {
    host.app.services.connections.update({ twilio: { authToken: null } });
    const answer = await textUs('C');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({
      error: { details: { reason: 'not_configured' } },
    });
    expect(inbox().total).toBe(0);
  });

  it('checks the signature against the public base URL Twilio called, not the Host header', async () => {
    host.app.services.connections.update({ publicBaseUrl: 'https://book.salon.example/' });
    const next = bookJane(london('2026-12-02', '10:00'));
    const local = await textUs('C');
    expect(local.status).toBe(403);
    const viaProxy = await textUs('C', { signUrl: `https://book.salon.example${PATH}` });
    expect(viaProxy.status).toBe(200);
    expect(host.app.services.bookings.get(next.id).customerConfirmedAt).not.toBeNull();
  });

  it('CANCEL before the cut-off cancels; the cancellation SMS from the outbox is the answer', async () => {
    const next = bookJane(london('2026-12-02', '10:00'));
    const answer = await textUs('cancel');
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/<Response\/>$/);
    expect(host.app.services.bookings.get(next.id).status).toBe('cancelled');
    const cancellation = host.app.services.outbox
      .list({ appointmentId: next.id, channel: 'sms' })
      .messages.filter((m) => m.kind === 'cancellation');
    expect(cancellation).toHaveLength(1);
    expect(inbox().replies[0]?.outcome).toBe('cancelled');
  });

  it('CANCEL inside the cut-off is refused, recorded, and answered by SMS through the outbox', async () => {
    const soon = bookJane(london('2026-11-30', '15:00'));
    await host.app.reminderLoop.idle();
    const before = fake.messages.length;
    const answer = await textUs('NO');
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/<Response\/>$/);
    expect(host.app.services.bookings.get(soon.id).status).toBe('confirmed');
    expect(inbox().replies.map((r) => r.outcome)).toEqual(['cancel_refused']);
    const replies = host.app.services.outbox
      .list({ appointmentId: soon.id })
      .messages.filter((m) => m.kind === 'reply');
    expect(replies).toHaveLength(1);
    await host.app.reminderLoop.idle();
    const sent = fake.messages.slice(before);
    expect(sent.map((m) => [m.to, m.body])).toEqual([
      [JANE.phone, expect.stringMatching(/too close to cancel by text\. Please call Test Salon\./)],
    ]);
  });

  it('STOP turns SMS consent off and cancels the planned SMS; START turns it back on', async () => {
    const next = bookJane(london('2026-12-02', '10:00'));
    const customerId = next.customerId;
    expect((await textUs('STOP')).text).toMatch(/<Response\/>$/);
    expect(host.app.services.customers.get(customerId).smsConsent).toBe(false);
    const sms = host.app.services.outbox.list({ appointmentId: next.id, channel: 'sms' }).messages;
    expect(sms.filter((m) => m.status === 'planned')).toEqual([]);
    await textUs('start');
    expect(host.app.services.customers.get(customerId).smsConsent).toBe(true);
    expect(
      inbox()
        .replies.map((r) => r.outcome)
        .sort(),
    ).toEqual(['opted_in', 'opted_out']);
  });

  it('leaves anything else, and texts from unknown numbers, for a human in the inbox', async () => {
    bookJane(london('2026-12-02', '10:00'));
    await textUs('Can I bring my dog?');
    clock.advance(60_000);
    await textUs('C', { from: '+447700900999' });
    const listed = inbox();
    expect(listed.unhandled).toBe(2);
    expect(listed.replies.map((r) => [r.outcome, r.customerName, r.fromPhone])).toEqual([
      ['needs_reply', null, '+447700900999'],
      ['needs_reply', JANE.name, JANE.phone],
    ]);
    const handled = host.app.services.inbox.markHandled(listed.replies[0]!.id);
    expect(handled.handledAt).not.toBeNull();
    expect(host.app.services.inbox.list({ needsReplyOnly: true }).replies).toHaveLength(1);
    expect(inbox().replies.at(-1)?.handledAt).not.toBeNull();
  });

  it('answers 422 to a signed request without a MessageSid, recording nothing', async () => {
    const url = `${host.publicUrl}${PATH}`;
    const params = { From: JANE.phone, Body: 'C' };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION', details: { fields: [{ field: 'MessageSid' }] } },
    });
    expect(inbox().total).toBe(0);
  });

  it('records a MessageSid delivered twice once, and acts on it once', async () => {
    const first = bookJane(london('2026-12-02', '10:00'));
    const second = bookJane(london('2026-12-03', '10:00'));
    const messageSid = 'SM0123456789abcdef0123456789abcdef';
    expect((await textUs('CANCEL', { messageSid })).status).toBe(200);
    const again = await textUs('CANCEL', { messageSid });
    expect(again.status).toBe(200);
    expect(again.text).toMatch(/<Response\/>$/);
    expect(host.app.services.bookings.get(first.id).status).toBe('cancelled');
    expect(host.app.services.bookings.get(second.id).status).toBe('confirmed');
    expect(inbox().total).toBe(1);
  });
});
