// Webhooks get lost. On start and every few minutes this asks the provider about every movement
// still pending (a deposit whose checkout we have not seen paid, a refund not yet confirmed or
// never sent) and applies what it says, through the same code the webhooks use: applying the
// same answer twice changes nothing. Each pass first cancels held bookings whose hold lapsed
// with no checkout left to pay (a phone booking the desk held and sent no link for).
import type { Timers } from '../messaging/index.js';
import type { PaymentService } from './deposits.js';

export interface PaymentReconciler {
  /** One pass now; resolves with what happened to each pending row. */
  runOnce(): Promise<Record<string, string>>;
  /** A pass now and then every intervalMs; the timer never keeps the process alive. */
  start(): void;
  /** Stops the timer and waits for a pass in progress; calling it twice is harmless. */
  stop(): Promise<void>;
  /** Resolves once the pass started by start() or the timer has finished and re-armed. */
  idle(): Promise<void>;
}

export function createPaymentReconciler(options: {
  payments: PaymentService;
  timers: Timers;
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
}): PaymentReconciler {
  const { payments, timers, log } = options;
  let timer: unknown = null;
  let running: Promise<Record<string, string>> | null = null;
  let stopped = true;

  async function pass(): Promise<Record<string, string>> {
    const results: Record<string, string> = {};
    try {
      for (const id of payments.releaseLapsedHolds()) results[id] = 'hold_released';
    } catch (error) {
      log('releasing lapsed holds failed', error);
    }
    for (const row of payments.unsettled()) {
      try {
        results[row.id] = await payments.reconcileRow(row);
      } catch (error) {
        // One unreachable row (the provider down, a session it forgot) must not stop the rest.
        results[row.id] = 'error';
        log(`reconciling payment ${row.id} failed`, error);
      }
    }
    await payments.idle();
    return results;
  }

  function runOnce(): Promise<Record<string, string>> {
    // Two passes at once would ask the provider twice for the same rows; the second waits.
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  let cycling: Promise<void> | null = null;

  /** A pass, then the timer for the next: a failed pass (logged inside) still re-arms. */
  function cycle(): void {
    cycling = runOnce().then(
      () => arm(),
      () => arm(),
    );
  }

  function arm(): void {
    if (stopped) return;
    const handle = timers.setTimeout(() => {
      timer = null;
      cycle();
    }, options.intervalMs);
    (handle as { unref?: () => void } | null)?.unref?.();
    timer = handle;
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      cycle();
    },
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    idle: async () => {
      await cycling;
    },
  };
}
