// The reminder loop: one in-process worker that sleeps until the next due outbox row, then runs
// batches (dispatch.ts) until nothing is due, and sleeps again. One timer, unref'd so it
// never keeps the process alive, re-armed whenever the planner adds rows (wake()). No polling:
// the timer is set for the next due row, capped at MAX_SLEEP_MS because a laptop's timers stand
// still while it sleeps, so a wake-up is at most that late after the lid opens.
//
// Start (the hosts call it once they listen) first recovers rows a crash left in 'sending':
// they go back to 'planned', and the dispatcher's "tried before" rule decides — SMS asks the
// provider whether it went out, email is resent with the same Message-ID. Then it catches up on
// everything that fell due while the app was closed (the dispatcher drops what is stale).
import { MINUTE_MS } from '../domain/time.js';
import {
  DEFAULT_RETRY,
  createDispatcher,
  type DispatchDeps,
  type DispatchStats,
  type RetryPolicy,
} from './dispatch.js';
import type { MessageChannel } from '../domain/message-kinds.js';

/** The timer functions, injectable so tests move time without sleeping. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  // The handle came from setTimeout above; Node's clearTimeout accepts nothing else.
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const MAX_SLEEP_MS = 5 * MINUTE_MS;
const DEFAULT_BATCH_SIZE = 20;

export interface ReminderLoopOptions extends Omit<DispatchDeps, 'retry' | 'batchSize'> {
  timers?: Timers;
  retry?: Partial<RetryPolicy>;
  batchSize?: number;
}

export interface RecoveryReport {
  /** Rows found in 'sending' at start, per channel. */
  sms: number;
  email: number;
}

export interface ReminderLoop {
  /** Recovers, catches up, then sleeps until the next due row. Calling it again is harmless. */
  start(): Promise<RecoveryReport>;
  /** Clears the timer and waits for a batch in flight. Calling it again is harmless. */
  stop(): Promise<void>;
  /** The plan changed: run now if something is due, else re-arm the timer for the next row. */
  wake(): void;
  /** Resolves when no batch is running (tests, and stop()). */
  idle(): Promise<void>;
  /** Lifts the pause of a channel whose credentials were refused (after the desk fixed them). */
  resume(channel: MessageChannel): void;
  readonly stats: DispatchStats;
}

export function createReminderLoop(options: ReminderLoopOptions): ReminderLoop {
  const { core, outbox, log } = options;
  const { clock } = core;
  const timers = options.timers ?? systemTimers;
  const dispatcher = createDispatcher({
    ...options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
  });

  let state: 'idle' | 'started' | 'stopped' = 'idle';
  let starting: Promise<RecoveryReport> | undefined;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;

  function disarm(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function arm(): void {
    disarm();
    if (state !== 'started') return;
    const next = outbox.nextDueAt([...dispatcher.paused]);
    if (next === null) return;
    const delay = Math.min(Math.max(next - clock.now(), 0), MAX_SLEEP_MS);
    timer = timers.setTimeout(() => {
      timer = null;
      wake();
    }, delay);
    // Node's timers have unref(); an injected test timer may not.
    (timer as { unref?: () => void } | null)?.unref?.();
  }

  async function runUntilIdle(): Promise<void> {
    // Start on the next turn of the event loop: a wake() comes from inside the booking that
    // planned the rows, and that booking's answer should not wait for the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    do {
      again = false;
      while (state === 'started' && (await dispatcher.runBatch()) > 0) {
        // keep going: a full batch may leave more due rows behind it
      }
    } while (again && state === 'started');
  }

  function wake(): void {
    if (state !== 'started') return;
    if (running) {
      again = true;
      return;
    }
    disarm();
    running = runUntilIdle()
      .catch((error: unknown) => log('reminder loop batch failed', error))
      .finally(() => {
        running = null;
        // A wake() that arrived after the last batch looked, but before this ran, must not be
        // lost: run again rather than sleep past the rows it announced.
        if (again && state === 'started') {
          wake();
          return;
        }
        try {
          arm();
        } catch (error) {
          // The database closed under us (the host is shutting down): nothing left to arm.
          log('reminder loop could not re-arm', error);
        }
      });
  }

  /** Rows a crash left in 'sending' go back to 'planned'; the dispatcher's rules take over. */
  function recover(): RecoveryReport {
    const report: RecoveryReport = { sms: 0, email: 0 };
    for (const row of outbox.byStatus('sending')) {
      report[row.channel]++;
      if (row.channel === 'email') dispatcher.stats.emailUnknownOutcomes++;
      outbox.update(row.id, { status: 'planned' });
    }
    if (report.sms + report.email > 0) {
      log(`reminder loop: ${report.sms} SMS and ${report.email} email left in 'sending' recovered`);
    }
    return report;
  }

  return {
    start() {
      if (state === 'stopped') return Promise.resolve({ sms: 0, email: 0 });
      starting ??= (async () => {
        state = 'started';
        const report = recover();
        wake();
        return report;
      })();
      return starting;
    },
    async stop() {
      state = 'stopped';
      disarm();
      await running;
    },
    wake,
    async idle() {
      while (running) await running;
    },
    resume(channel) {
      dispatcher.paused.delete(channel);
      wake();
    },
    stats: dispatcher.stats,
  };
}
