// Writes that arrive together share one commit.
//
// A commit is most of what a booking costs: SQLite writes every page the booking touched (the
// appointment, its event, its messages and their indexes) to the WAL again for each transaction.
// When a burst of customers books at once (a newsletter goes out, a slot opens up), their
// bookings, queued within one turn of the event loop, run one after another inside one IMMEDIATE
// transaction, each in its own savepoint, and are answered once that transaction has committed.
//
// Nothing about a single booking changes: each still re-checks its slot inside the write lock and
// sees the bookings before it in the same group; one that fails (a taken slot, bad input) rolls
// back its own savepoint only. No answer is given before the commit that makes it true.
import type { Write } from './events.js';

export interface GroupCommit {
  /** Runs `work` (synchronous, writing through the same connection) in the next group. */
  run<T>(work: () => T): Promise<T>;
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(write: Write): GroupCommit {
  let queue: Job[] = [];
  // Nested in the group's transaction, so better-sqlite3 makes each job a savepoint (and what a
  // job announced is dropped with it when it rolls back).
  const inSavepoint = write((work: () => unknown) => work());
  const group = write((jobs: readonly Job[], outcomes: Outcome[]) => {
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, value: inSavepoint(job.work) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });

  function flush(): void {
    const jobs = queue;
    queue = [];
    const outcomes: Outcome[] = [];
    try {
      group(jobs, outcomes);
    } catch (error) {
      // The commit itself failed (disk full, I/O error): none of the group was written.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
