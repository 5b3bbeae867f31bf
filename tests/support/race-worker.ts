// A separate process with its own SQLite connection, booking the same slot as its siblings.
// Waits for "go" on stdin so every process fires at once; prints one JSON line of outcomes.
import { createInterface } from 'node:readline';
import { createApp } from '../../main/app.js';
import type { ChannelInput } from '../../preload/contract/index.js';
import { rpcClient } from './rpc.js';

const [dbPath, count, input] = process.argv.slice(2);
if (!dbPath || !count || !input) throw new Error('usage: race-worker DB COUNT INPUT_JSON');
const app = createApp({ dbPath, log: () => {} });
// The parent's booking, as concurrency.test.ts wrote it; each call adds its own customer.
const request = JSON.parse(input) as Omit<ChannelInput<'appointments.create'>, 'customer'>;
const desk = rpcClient(() => app.router);
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  void (async () => {
    const results = await Promise.all(
      Array.from({ length: Number(count) }, (_, i) =>
        desk.call('appointments.create', {
          ...request,
          customer: {
            name: `Racer ${process.pid}-${i}`,
            email: `racer-${process.pid}-${i}@example.com`,
          },
        }),
      ),
    );
    process.stdout.write(`${JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.error.code)))}\n`);
    app.close();
    lines.close();
  })();
});
