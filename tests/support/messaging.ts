// The salon of createTestBusiness with the reminder loop wired to the real twilio client and
// nodemailer, pointed at the wire-level fakes, on a test clock and manual timers.
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../main/app.js';
import { createSmtpEmailSender } from '../../main/integrations/email/smtp.js';
import { createTwilioSmsSender } from '../../main/integrations/sms/twilio.js';
import type { EventName } from '../../preload/contract/index.js';
import { startSmtpFake, type SmtpFake } from '../fakes/smtp.js';
import { startTwilioFake, type TwilioFake } from '../fakes/twilio.js';
import {
  london,
  seedTestSalon,
  tempDir,
  testClock,
  type TestClock,
  type TestSalon,
} from './app.js';
import { manualTimers, type ManualTimers } from './manual-timers.js';
import { rpcClient, type RpcClient } from './rpc.js';

export const SALON_FROM = '"Test Salon" <bookings@salon.example>';
export const SALON_NUMBER = '+15005550006';
export const JANE = { name: 'Jane Doe', phone: '+447911123456', email: 'jane@example.com' };

/** The salon's real twilio client and nodemailer transport, pointed at the fakes. */
export function sendersFor(
  twilio: TwilioFake,
  smtp: SmtpFake,
): Required<Pick<NonNullable<AppOptions['messaging']>, 'emailFrom' | 'sms' | 'email'>> {
  return {
    emailFrom: SALON_FROM,
    sms: createTwilioSmsSender({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: SALON_NUMBER,
      baseUrl: twilio.baseUrl,
    }),
    email: createSmtpEmailSender({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      user: smtp.user,
      pass: smtp.pass,
      from: SALON_FROM,
    }),
  };
}

export interface MessagingWorld {
  clock: TestClock;
  timers: ManualTimers;
  twilio: TwilioFake;
  smtp: SmtpFake;
  dbPath: string;
  /** The running app; replaced by reopen(). */
  app: App;
  /** The running app's RPC, as the desk calls it (after reopen(), the new app's). */
  desk: RpcClient;
  salon: TestSalon;
  events: { name: EventName; payload: unknown }[];
  /** Opens the same database again, as a restart after a crash or a closed laptop would. */
  reopen(options?: { demo?: boolean }): App;
  /** Moves time to `ms`, firing the loop's timer on the way and waiting for each batch. */
  advanceTo(ms: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function startMessagingWorld(
  options: { demo?: boolean; now?: number } = {},
): Promise<MessagingWorld> {
  const clock = testClock(options.now ?? london('2026-11-30', '08:00'));
  const timers = manualTimers(clock);
  const twilio = await startTwilioFake({ now: () => clock.now() });
  const smtp = await startSmtpFake();
  const dir = tempDir();
  const dbPath = join(dir.path, 'business.sqlite');
  const events: MessagingWorld['events'] = [];

  function open(demo: boolean): App {
    const messaging: AppOptions['messaging'] = demo
      ? { timers }
      : {
          timers,
          ...sendersFor(twilio, smtp),
        };
    const app = createApp({ dbPath, clock, log: () => {}, messaging });
    app.events.subscribe((name, payload) => events.push({ name, payload }));
    return app;
  }

  const app = open(options.demo ?? false);
  const world: MessagingWorld = {
    clock,
    timers,
    twilio,
    smtp,
    dbPath,
    app,
    desk: rpcClient(() => world.app.router),
    salon: seedTestSalon(app),
    events,
    reopen(reopenOptions = {}) {
      world.app = open(reopenOptions.demo ?? options.demo ?? false);
      return world.app;
    },
    advanceTo: (ms) => timers.advanceTo(ms, () => world.app.reminderLoop.idle()),
    async dispose() {
      await world.app.reminderLoop.stop();
      world.app.close();
      await Promise.all([twilio.close(), smtp.close()]);
      dir.remove();
    },
  };
  return world;
}

/** Books Jane (phone with SMS consent, email) for a Cut at the desk. */
export function bookJane(world: MessagingWorld, start: number, staffId = world.salon.alice) {
  return world.app.services.bookings.create({
    serviceId: world.salon.cut,
    staffId,
    start,
    customer: JANE,
    smsConsent: true,
    source: 'desk',
    actor: 'desk',
  }).appointment;
}

/** The outbox rows of one appointment, oldest due first, in the contract's shape. */
export function outboxOf(world: MessagingWorld, appointmentId: string) {
  return world.app.services.outbox
    .list({ appointmentId, limit: 500 })
    .messages.sort((a, b) => a.dueAt - b.dueAt || a.channel.localeCompare(b.channel));
}

/** SMS POSTs the Twilio fake answered with a message (list calls excluded). */
export function smsSent(world: MessagingWorld) {
  return world.twilio.messages;
}
