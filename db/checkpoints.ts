// Moves WAL checkpoints off the thread that answers the desk and the widget.
//
// SQLite's automatic checkpoint runs inside whichever commit crosses the threshold (1,000 pages,
// about every hundred bookings), and it syncs the files to disk: that one booking waits tens of
// milliseconds, and under load the checkpoints cost about half of all commit time. Here a worker
// thread with its own connection checkpoints every second instead, PASSIVE so it never waits for
// or blocks the writer. The main connection keeps a far higher automatic threshold as a backstop,
// so the WAL stays bounded even if the worker stops.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open.js';

/** Pages (4 KiB) the WAL may reach before a commit checkpoints it itself: about 80 MB. */
const BACKSTOP_PAGES = 20_000;
const SQLITE_DEFAULT_PAGES = 1_000;

// Plain CommonJS evaluated in the worker, so there is no second bundle to build and ship: it only
// needs the driver, which it loads from the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message ? error.message : error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Stops the worker and gives checkpoints back to the main connection; safe to call twice. */
  stop(): Promise<void>;
}

export function startBackgroundCheckpoints(
  db: Db,
  path: string,
  options: { intervalMs?: number; log?: (message: string, error?: unknown) => void } = {},
): BackgroundCheckpoints {
  const client = db.$client;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, intervalMs: options.intervalMs ?? 1000 },
  });
  // Never what keeps the process alive: closing the app stops it, and so does exiting.
  worker.unref();
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let stopped = false;
  const restore = () => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  };
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) options.log?.('background checkpoint failed', message.failed);
  });
  worker.on('error', (error) => {
    options.log?.('background checkpoints stopped; commits checkpoint again', error);
    restore();
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        // Held while it stops: a caller awaiting the exit (a host shutting down after a failed
        // start) must not see the process end with nothing else left to run.
        worker.ref();
        worker.postMessage('stop');
        restore();
      }
      return exited;
    },
  };
}
