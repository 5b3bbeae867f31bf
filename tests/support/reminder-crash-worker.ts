// The process the SIGKILL crash test (tests/integration/reminders-crash.test.ts) kills over and
// over: the real core on the test's SQLite file, its reminder loop sending with the real twilio
// client and nodemailer to the fakes living in the test process. Its clock is the wall clock
// shifted by a fixed offset, the same in every incarnation, so time moves on across restarts
// exactly as it would for the app.
//
// Loading the code (twilio's client is most of a 10 MB bundle) takes far longer than a kill
// window, so the test starts the next incarnation early: it loads, prints "loaded" and waits for
// "go" on stdin, sent once its predecessor is dead. Only then does it open the database and start
// the loop, as a restarted app would. It prints "ready" once the app is open, "sent" after its
// first delivery (the test times its kill from one or the other) and "idle" when nothing due is
// left; with exitWhenIdle it then stops cleanly.
import { once } from 'node:events';
import { createApp } from '../../main/app.js';
import { createSmtpEmailSender } from '../../main/integrations/email/smtp.js';
import { createTwilioSmsSender } from '../../main/integrations/sms/twilio.js';

export interface CrashWorkerConfig {
  dbPath: string;
  /** Added to Date.now(): puts "now" where the test wants the reminders due. */
  clockOffsetMs: number;
  emailFrom: string;
  twilio: { baseUrl: string; accountSid: string; authToken: string; from: string };
  smtp: { host: string; port: number; user: string; pass: string };
  exitWhenIdle: boolean;
}

const config = JSON.parse(process.argv[2] ?? 'null') as CrashWorkerConfig | null;
if (!config) throw new Error('usage: reminder-crash-worker CONFIG_JSON');

process.stdout.write('loaded\n');
await once(process.stdin, 'data');
process.stdin.pause();

const clock = { now: () => Date.now() + config.clockOffsetMs };
const app = createApp({
  dbPath: config.dbPath,
  clock,
  log: (message, error) => process.stderr.write(`${message} ${String(error ?? '')}\n`),
  messaging: {
    emailFrom: config.emailFrom,
    sms: createTwilioSmsSender({ ...config.twilio }),
    email: createSmtpEmailSender({ ...config.smtp, secure: false, from: config.emailFrom }),
  },
});
process.stdout.write('ready\n');
let announced = false;
app.events.subscribe((name) => {
  if (name !== 'reminders.sent' || announced) return;
  announced = true;
  process.stdout.write('sent\n');
});

const loop = app.reminderLoop;
await loop.start();
await loop.idle();
// The loop re-arms for the next due row; anything still due now means a batch is yet to run.
while ((app.services.outbox.nextDueAt() ?? Infinity) <= clock.now()) {
  loop.wake();
  await new Promise<void>((resolve) => setImmediate(resolve));
  await loop.idle();
}
process.stdout.write('idle\n');
if (config.exitWhenIdle) {
  await loop.stop();
  app.close();
}
