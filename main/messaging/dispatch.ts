// One batch of the reminder loop: claim what is due, send it, record what happened. The loop
// (loop.ts) decides when; this decides what and how.
//
// The rules:
//   - Claim in one IMMEDIATE transaction: each due row is either dropped (no longer useful, or a
//     later reminder on its channel is due too), deferred (quiet hours), or moved planned →
//     sending with its attempt counted and timed — all BEFORE any provider call, so a crash
//     leaves a trace of every attempt.
//   - Catch-up after downtime is the same claim: an overdue row goes out only if isStillUseful
//     (domain/follow-ups.ts) says so — a reminder for an appointment that already started is
//     cancelled with reason 'expired' — and of several overdue reminders per channel only the
//     latest is sent ('superseded').
//   - Quiet hours at send time: a row due inside them waits for their end when that is still
//     useful (before the appointment, less the minimum lead); otherwise news of a booking
//     (isTransactional) goes now and anything else is dropped ('quiet_hours').
//   - SMS "never twice": a row attempted before (a crash in 'sending', or a failure whose outcome
//     is unknown) first asks the provider's findSentSince for a message to the same number with
//     the same body since shortly before the last attempt; found → recorded sent, not resent.
//   - Email after an unknown outcome: resent with the same Message-ID (stableMessageId). SMTP has
//     no "did you get it?" question, and a duplicate reminder beats a missing one; the duplicate
//     is possible only if the crash fell between the server's 250 and our 'sent' write, and
//     services that collapse messages sharing a Message-ID hide it. Counted in
//     stats.emailUnknownOutcomes (the upper bound on duplicates).
//   - Retries: transient failures (429, 5xx, network, SMTP 4xx) go back to 'planned' after
//     1, 2, 4, 8 … minutes (capped at an hour), up to 5 attempts in all, then 'failed'.
//   - Failures for good: invalid number → failed, customer flagged (customers.phone_invalid_at)
//     and their other SMS cancelled; unsubscribed → failed, SMS consent off; any other refusal
//     → failed. Bad credentials ('auth') pause the channel (the row waits, planned) and emit
//     reminders.failed so the desk can fix the settings.
import {
  stableMessageId,
  EmailError,
  type CalendarAttachment,
  type EmailSender,
} from '../integrations/email/email-sender.js';
import { SmsError, type SmsReceipt, type SmsSender } from '../integrations/sms/sms-sender.js';
import { isStillUseful, type SendContext } from '../domain/follow-ups.js';
import { isTransactional, type MessageChannel } from '../domain/message-kinds.js';
import { deferForQuietHours, isInQuietHours } from '../domain/quiet-hours.js';
import { DEFAULT_MINIMUM_LEAD_MINUTES } from '../domain/reminder-plan.js';
import { MINUTE_MS } from '../domain/time.js';
import { textToHtml } from '../domain/templates.js';
import type { EventPayload } from '../../preload/contract/index.js';
import type { Core } from '../core/context.js';
import type { MessageRow, Outbox } from './outbox.js';
import type { ReminderPlanner } from './planner.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: MINUTE_MS,
  maxDelayMs: 60 * MINUTE_MS,
};

/** The provider's clock is not ours: look this far before the last attempt for the SMS. */
const PROVIDER_CLOCK_SKEW_MS = 5 * MINUTE_MS;

export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(attempts - 1, 0), policy.maxDelayMs);
}

export interface DispatchDeps {
  core: Core;
  outbox: Outbox;
  planner: ReminderPlanner;
  sms: SmsSender;
  email: EmailSender;
  /** Our sending address now, whose domain goes into stable Message-IDs. */
  emailFrom: () => string;
  retry: RetryPolicy;
  batchSize: number;
  /** The .ics a booking email carries (invites.ts); none when absent. */
  invite?: (row: MessageRow) => CalendarAttachment | undefined;
  log: (message: string, error?: unknown) => void;
}

/** A claimed row and the moment of its previous attempt (for the findSentSince question). */
interface Claimed {
  row: MessageRow;
  previousAttemptAt: number | null;
}

type FailureReason = EventPayload<'reminders.failed'>['reason'];

export interface DispatchStats {
  /** SMS found at the provider after an unknown outcome: recorded, not resent. */
  smsFoundAlreadySent: number;
  /**
   * Emails whose outcome was unknown (a dropped connection after DATA, a crash while 'sending')
   * and that are therefore sent again: the upper bound on duplicates the rule above allows.
   */
  emailUnknownOutcomes: number;
}

export function createDispatcher(deps: DispatchDeps) {
  const { core, outbox, planner, sms, email, retry, log } = deps;
  const { clock, events, write } = core;
  const paused = new Set<MessageChannel>();
  const stats: DispatchStats = { smsFoundAlreadySent: 0, emailUnknownOutcomes: 0 };

  /** null: send now; a number: wait until then; 'drop': no useful moment is left. */
  function quietHoursVerdict(row: MessageRow, now: number, context: SendContext | null) {
    // A reply answers a text the customer has just sent: they are awake, answer now.
    if (row.kind === 'reply') return null;
    const rules = planner.messagingRules();
    if (!isInQuietHours(now, rules.quietHours, rules.timeZone)) return null;
    const tiedToStart = isTransactional(row.kind) || row.kind === 'reminder';
    const lead = (rules.minimumLeadMinutes ?? DEFAULT_MINIMUM_LEAD_MINUTES) * MINUTE_MS;
    const latest = tiedToStart && context ? context.appointment.start - lead : null;
    const deferred = deferForQuietHours(now, { ...rules, earliest: now, latest });
    if (deferred !== null && deferred > now) return deferred;
    return isTransactional(row.kind) ? null : 'drop';
  }

  function claim(now: number): { claimed: Claimed[]; touched: number } {
    return write(() => {
      const rows = outbox.due(now, deps.batchSize, [...paused]);
      const claimed: Claimed[] = [];
      for (const row of rows) {
        const context = row.appointmentId ? planner.sendContext(row.appointmentId, now) : null;
        const cancel = (reason: string) =>
          outbox.update(row.id, { status: 'cancelled', cancelReason: reason });
        if (context && !isStillUseful(row.kind, context)) {
          cancel('expired');
          continue;
        }
        if (outbox.hasLaterDueReminder(row, now)) {
          cancel('superseded');
          continue;
        }
        const verdict = quietHoursVerdict(row, now, context);
        if (verdict === 'drop') {
          cancel('quiet_hours');
          continue;
        }
        if (verdict !== null) {
          outbox.update(row.id, { dueAt: verdict });
          continue;
        }
        const attempt = { status: 'sending' as const, attempts: row.attempts + 1 };
        outbox.update(row.id, { ...attempt, lastAttemptAt: now });
        claimed.push({
          row: { ...row, ...attempt, lastAttemptAt: now },
          previousAttemptAt: row.lastAttemptAt,
        });
      }
      return { claimed, touched: rows.length };
    })();
  }

  function recordSent(row: MessageRow, receipt: SmsReceipt): void {
    const demo = receipt.status === 'demo';
    outbox.update(row.id, {
      status: 'sent',
      sentAt: clock.now(),
      providerId: receipt.providerId,
      error: null,
      demo,
    });
    events.emit('reminders.sent', {
      messageId: row.id,
      appointmentId: row.appointmentId,
      customerId: row.customerId,
      channel: row.channel,
      kind: row.kind,
      demo,
    });
  }

  function fail(row: MessageRow, reason: FailureReason, error: string): void {
    outbox.update(row.id, { status: 'failed', error });
    events.emit('reminders.failed', {
      messageId: row.id,
      appointmentId: row.appointmentId,
      customerId: row.customerId,
      channel: row.channel,
      kind: row.kind,
      reason,
      error,
    });
  }

  function recordFailure(row: MessageRow, error: unknown): void {
    if (!(error instanceof SmsError) && !(error instanceof EmailError)) {
      log(`sending message ${row.id} failed unexpectedly`, error);
      fail(row, 'internal', error instanceof Error ? error.message : String(error));
      return;
    }
    const message = error.message;
    switch (error.kind) {
      case 'transient':
        if (row.channel === 'email' && error.deliveryUnknown) stats.emailUnknownOutcomes++;
        if (row.attempts < retry.maxAttempts) {
          const dueAt = clock.now() + backoffMs(row.attempts, retry);
          outbox.update(row.id, { status: 'planned', dueAt, error: message });
        } else {
          fail(row, 'transient', message);
        }
        return;
      case 'auth':
        paused.add(row.channel);
        log(`${row.channel} paused: the provider refused our credentials`, error);
        outbox.update(row.id, { status: 'planned', error: message });
        events.emit('reminders.failed', {
          messageId: row.id,
          appointmentId: row.appointmentId,
          customerId: row.customerId,
          channel: row.channel,
          kind: row.kind,
          reason: 'auth',
          error: message,
        });
        return;
      case 'invalid_number':
        fail(row, 'invalid_number', message);
        if (row.customerId) planner.flagInvalidPhone(row.customerId);
        return;
      case 'unsubscribed':
        fail(row, 'unsubscribed', message);
        if (row.customerId) planner.withdrawSmsConsent(row.customerId);
        return;
      case 'invalid_address':
      case 'permanent':
        fail(row, error.kind, message);
        return;
      default: {
        const never: never = error;
        throw new Error(`Unknown failure ${String(never)}`);
      }
    }
  }

  async function send({ row, previousAttemptAt }: Claimed): Promise<void> {
    const triedBefore = row.attempts > 1;
    try {
      if (row.channel === 'sms') {
        if (triedBefore) {
          const since = (previousAttemptAt ?? row.createdAt) - PROVIDER_CLOCK_SKEW_MS;
          const earlier = await sms.findSentSince({ to: row.toAddress, since });
          const match = earlier.find((m) => m.body === row.body);
          if (match) {
            stats.smsFoundAlreadySent++;
            recordSent(row, { providerId: match.providerId, status: match.status });
            return;
          }
        }
        recordSent(
          row,
          await sms.send({ to: row.toAddress, body: row.body, idempotencyKey: row.id }),
        );
        return;
      }
      recordSent(
        row,
        await email.send({
          to: row.toAddress,
          subject: row.subject ?? '',
          text: row.body,
          html: textToHtml(row.body),
          messageId: stableMessageId(row.id, deps.emailFrom()),
          icalEvent: deps.invite?.(row),
        }),
      );
    } catch (error) {
      recordFailure(row, error);
    }
  }

  return {
    stats,
    paused,
    /** Claims and sends one batch; returns how many due rows it acted on (0: nothing is due). */
    async runBatch(): Promise<number> {
      const { claimed, touched } = claim(clock.now());
      // One at a time: a batch is small, and it keeps "stop waits for the batch" simple.
      for (const item of claimed) await send(item);
      return touched;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
