// Issue 5's figures: how fast the reminder loop finds its next due row among 100,000 planned
// ones, and how fast it dispatches 1,000 due reminders through the real twilio client and
// nodemailer to the wire-level fakes on loopback.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../main/app.js';
import { startSmtpFake } from '../fakes/smtp.js';
import { startTwilioFake } from '../fakes/twilio.js';
import { london, testClock } from '../support/app.js';
import { sendersFor } from '../support/messaging.js';

export interface BenchRow {
  figure: string;
  value: string;
  goal: string;
  met: boolean;
}

const MIN = 60_000;
const NOW = london('2026-12-01', '10:00');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
}

/** 100,000 planned rows spread over the next 90 days, plus 100,000 already sent or cancelled. */
function seedOutbox(dbPath: string): void {
  const app = createApp({ dbPath, clock: testClock(NOW), log: () => {} });
  const insert = app.db.$client.prepare(
    `insert into messages (id, channel, kind, to_address, body, status, due_at, dedupe_key,
       created_at, updated_at)
     values (?, ?, 'reminder', ?, 'Reminder', ?, ?, ?, 0, 0)`,
  );
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  app.db.$client.transaction(() => {
    for (let i = 0; i < 200_000; i++) {
      const status = i % 2 === 0 ? 'planned' : i % 4 === 1 ? 'sent' : 'cancelled';
      const dueAt = NOW + Math.floor(random() * 90 * 24 * 60) * MIN;
      const channel = i % 3 === 0 ? 'email' : 'sms';
      insert.run(`msg_${i}`, channel, `+447911${100_000 + (i % 800_000)}`, status, dueAt, `k${i}`);
    }
  })();
  app.db.$client.exec('analyze');
  app.close();
}

export function benchNextDue(dir: string): BenchRow[] {
  const dbPath = join(dir, 'outbox.sqlite');
  seedOutbox(dbPath);
  const app = createApp({ dbPath, clock: testClock(NOW), log: () => {} });
  const { outbox } = app.services;
  const run = (fn: () => void) => {
    for (let i = 0; i < 200; i++) fn();
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  const next = run(() => outbox.nextDueAt());
  const paused = run(() => outbox.nextDueAt(['sms']));
  const plan = app.db.$client
    .prepare(
      `explain query plan select due_at from messages where status = 'planned'
       order by due_at limit 1`,
    )
    .all() as { detail: string }[];
  const usesIndex = plan.some((p) => p.detail.includes('messages_due'));
  app.close();
  const figure = (samples: number[]) =>
    `${(median(samples) * 1000).toFixed(0)} us median, ${(p95(samples) * 1000).toFixed(0)} us p95`;
  return [
    {
      figure: `reminder loop next-due lookup, 100,000 planned rows (plan: ${usesIndex ? 'messages_due' : 'NO INDEX'})`,
      value: figure(next),
      goal: '≤ 1 ms',
      met: median(next) <= 1 && usesIndex,
    },
    {
      figure: 'next-due lookup with SMS paused (credentials refused)',
      value: figure(paused),
      goal: '≤ 1 ms',
      met: median(paused) <= 1,
    },
  ];
}

/** 1,000 due reminders (half SMS, half email) through one loop run, to the fakes. */
export async function benchDispatch(dir: string): Promise<BenchRow[]> {
  const clock = testClock(NOW);
  const [twilio, smtp] = await Promise.all([
    startTwilioFake({ now: () => clock.now() }),
    startSmtpFake(),
  ]);
  const app = createApp({
    dbPath: join(dir, 'dispatch.sqlite'),
    clock,
    log: () => {},
    messaging: sendersFor(twilio, smtp),
  });
  try {
    app.services.settings.update({ timeZone: 'Europe/London', country: 'GB' });
    const count = 1000;
    app.services.outbox.plan(
      Array.from({ length: count }, (_, i) => {
        const sms = i % 2 === 0;
        return {
          appointmentId: null,
          customerId: null,
          channel: sms ? ('sms' as const) : ('email' as const),
          kind: 'reminder' as const,
          to: sms ? `+447911${100_000 + i}` : `customer-${i}@example.com`,
          subject: sms ? null : 'Your appointment tomorrow',
          body: `Hi, a reminder of your appointment tomorrow at 10:00 (${i}).`,
          dueAt: NOW - (count - i),
          dedupeKey: `bench-${i}`,
        };
      }),
    );
    const t0 = performance.now();
    await app.reminderLoop.start();
    await app.reminderLoop.idle();
    const ms = performance.now() - t0;
    const sent = app.services.outbox.list({ status: 'sent', limit: 1 }).total;
    const delivered = twilio.messages.length + smtp.received.length;
    return [
      {
        figure: `dispatch ${count} due reminders (500 SMS via twilio, 500 email via nodemailer, to the fakes)`,
        value: `${ms.toFixed(0)} ms, ${((count / ms) * 1000).toFixed(0)} messages/s (${sent} sent, ${delivered} received)`,
        goal: '(information)',
        met: sent === count && delivered === count,
      },
    ];
  } finally {
    await app.reminderLoop.stop();
    app.close();
    await Promise.all([twilio.close(), smtp.close()]);
  }
}
