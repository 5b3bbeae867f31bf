// A server-mode process for the HTTP bench: a salon open around the clock (so thousands of
// distinct slots exist), the booking-write rate limit lifted so throughput is what is measured.
// Prints one JSON line when ready; stops on SIGTERM.
import { startHost } from '../../main/host.js';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: http-server DB');

const host = await startHost({
  dbPath,
  host: '127.0.0.1',
  port: 0,
  adminPort: 0,
  log: () => {},
  publicApi: { bookingWriteLimit: { max: 1_000_000_000, windowMs: 60_000 } },
});
const s = host.app.services;
s.settings.update({
  name: 'Bench Salon',
  timeZone: 'Europe/London',
  country: 'GB',
  currency: 'GBP',
  minimumNoticeMinutes: 0,
  horizonDays: 730,
});
const staffIds = ['A', 'B', 'C'].map((n) => s.catalog.createStaff({ name: `Staff ${n}` }).id);
const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 9 * 60, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60, endMinute: 17 * 60 },
]);
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startMinute: 0,
  endMinute: 1440,
}));
for (const id of staffIds) s.catalog.setHours(id, hours);
const hourService = s.catalog.createService({
  name: 'Consultation',
  durationMinutes: 60,
  priceAmount: 5000,
  staffIds,
}).id;
// A separate member open around the clock takes the booking writes, one 15-minute slot each.
const writer = s.catalog.createStaff({ name: 'Night and day' }).id;
s.catalog.setHours(writer, allDay);
const quickService = s.catalog.createService({
  name: 'Quick check',
  durationMinutes: 15,
  priceAmount: 1000,
  staffIds: [writer],
}).id;

process.stdout.write(
  `${JSON.stringify({ publicUrl: host.publicUrl, hourService, quickService, writer })}\n`,
);
process.once('SIGTERM', () => {
  void host.close().then(() => process.exit(0));
});
