// The connection settings over the contract: bad input refused by field with nothing saved,
// secrets never answered in full, and the composition root sending through Twilio and SMTP (the
// real clients, pointed at the wire-level fakes) once they are saved — demo mode before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createApp, type App } from '../../main/app.js';
import { startSmtpFake, type SmtpFake } from '../fakes/smtp.js';
import { startTwilioFake, type TwilioFake } from '../fakes/twilio.js';
import { london, seedTestSalon, tempDir, testClock, type TestSalon } from '../support/app.js';
import { manualTimers } from '../support/manual-timers.js';
import { JANE, SALON_FROM, SALON_NUMBER } from '../support/messaging.js';
import { rpcClient } from '../support/rpc.js';

let app: App;
let salon: TestSalon;
let twilio: TwilioFake;
let smtp: SmtpFake;
let dir: { path: string; remove(): void };

beforeEach(async () => {
  dir = tempDir();
  const clock = testClock(london('2026-11-30', '08:00'));
  twilio = await startTwilioFake({ now: () => clock.now() });
  smtp = await startSmtpFake();
  app = createApp({
    dbPath: join(dir.path, 'business.sqlite'),
    clock,
    log: () => {},
    messaging: { timers: manualTimers(clock), twilioBaseUrl: twilio.baseUrl },
  });
  salon = seedTestSalon(app);
});
afterEach(async () => {
  await app.reminderLoop.stop();
  app.close();
  await Promise.all([twilio.close(), smtp.close()]);
  dir.remove();
});

const dispatch = rpcClient(() => app.router).call;

function bookJane(start: number) {
  return app.services.bookings.create({
    serviceId: salon.cut,
    staffId: salon.alice,
    start,
    customer: JANE,
    smsConsent: true,
    source: 'desk',
    actor: 'desk',
  }).appointment;
}

describe('connections over the contract', () => {
  it('names each bad field and saves nothing', async () => {
    const refused = await dispatch('connections.update', {
      publicBaseUrl: 'ftp://book.example.com',
      trustedProxies: '10.0.0.1, loopback',
      twilio: { accountSid: 'SK123', fromNumber: '07700 900123' },
      smtp: { host: 'smtp example com', from: 'not an address' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (refused.ok) throw new Error('expected a refusal');
    const fields = refused.error.details?.fields as { field: string }[];
    expect(fields.map((f) => f.field)).toEqual([
      'publicBaseUrl',
      'trustedProxies',
      'twilio.accountSid',
      'twilio.fromNumber',
      'smtp.host',
      'smtp.from',
    ]);
    const port = await dispatch('connections.update', { smtp: { port: 70000 } });
    expect(port).toMatchObject({
      ok: false,
      error: { details: { fields: [{ field: 'smtp.port' }] } },
    });
    expect(await dispatch('connections.get', {})).toMatchObject({
      ok: true,
      value: {
        publicBaseUrl: null,
        trustedProxies: null,
        twilio: { accountSid: null, configured: false },
      },
    });
  });

  it('answers whether a secret is set and its last four characters, never the secret', async () => {
    const saved = await dispatch('connections.update', {
      publicBaseUrl: 'https://book.salon.example/',
      twilio: {
        accountSid: twilio.accountSid,
        authToken: 'secret-token-9876',
        fromNumber: SALON_NUMBER,
      },
      smtp: {
        host: '127.0.0.1',
        port: 2525,
        user: 'bookings',
        password: 'pa55-word-4321',
        from: SALON_FROM,
      },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        publicBaseUrl: 'https://book.salon.example',
        twilio: { authToken: { set: true, last4: '9876' }, configured: true },
        smtp: { password: { set: true, last4: '4321' }, configured: true },
      },
    });
    const read = JSON.stringify(await dispatch('connections.get', {}));
    expect(read).not.toContain('secret-token');
    expect(read).not.toContain('pa55-word');
    // Leaving a secret out keeps it; null clears it.
    await dispatch('connections.update', { twilio: { fromNumber: '+447700900123' } });
    expect(app.services.connections.get().twilio.authToken).toEqual({ set: true, last4: '9876' });
    await dispatch('connections.update', { smtp: { password: null } });
    expect(app.services.connections.get().smtp.password).toEqual({ set: false, last4: null });
  });
});

describe('senders from the connection settings', () => {
  it('records in demo mode, then sends through Twilio and SMTP once they are saved', async () => {
    await app.reminderLoop.start();
    bookJane(london('2026-12-02', '10:00'));
    await app.reminderLoop.idle();
    const demo = app.services.outbox.list({ status: 'sent' }).messages;
    expect(demo.map((m) => [m.channel, m.demo]).sort()).toEqual([
      ['email', true],
      ['sms', true],
    ]);
    expect(twilio.messages).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);

    app.services.connections.update({
      twilio: {
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        fromNumber: SALON_NUMBER,
      },
      smtp: {
        host: smtp.host,
        port: smtp.port,
        user: smtp.user,
        password: smtp.pass,
        from: SALON_FROM,
      },
    });
    bookJane(london('2026-12-03', '10:00'));
    await app.reminderLoop.idle();
    expect(twilio.messages.map((m) => [m.to, m.from])).toEqual([[JANE.phone, SALON_NUMBER]]);
    expect(smtp.received.map((r) => r.parsed.subject)).toEqual([
      'Booking confirmed: Cut, Thu 3 Dec, 10:00',
    ]);
    expect(smtp.received[0]?.parsed.from?.text).toContain('bookings@salon.example');

    // The Message-ID names the domain of the From just saved, not the placeholder the app
    // started with: nobody restarts the desk after filling in the settings.
    expect(smtp.received[0]?.parsed.messageId).toMatch(/@salon\.example>$/);

    // Back to demo when the credentials are cleared.
    app.services.connections.update({ twilio: { authToken: null }, smtp: { host: null } });
    bookJane(london('2026-12-04', '10:00'));
    await app.reminderLoop.idle();
    expect(twilio.messages).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});
