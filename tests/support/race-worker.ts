// A separate process with its own SQLite connection, booking the same slot as its siblings.
// Waits for "go" on stdin so every process fires at once; prints one JSON line of outcomes.
import { createInterface } from 'node:readline';
import { createApp } from '../../main/app.js';

const [dbPath, count, input] = process.argv.slice(2);
if (!dbPath || !count || !input) throw new Error('usage: race-worker DB COUNT INPUT_JSON');
const app = createApp({ dbPath, log: () => {} });
const request = JSON.parse(input) as Record<string, unknown>;
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  void (async () => {
    const results = await Promise.all(
      Array.from({ length: Number(count) }, (_, i) =>
        app.router.dispatch('appointments.create', {
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
