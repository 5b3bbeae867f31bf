// The Messages screen's outbox through the typed desk client, on a real SQLite file: the whole
// outbox a page at a time (no row lost or repeated across pages), in the desk's order (today's and
// the next due first, then earlier ones newest first), searched on the server over every row by
// customer name, address, text and a phone number as people say it, with names instead of ids.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskMessage } from '../../preload/contract/index.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../main/domain/time.js';
import { createTestBusiness, london, type TestBusiness } from '../support/app.js';

/** Wednesday 2 December 2026, 12:00 in London. */
const NOW = london('2026-12-02', '12:00');
const TODAY = london('2026-12-02', '00:00');

let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness(NOW);
});

afterEach(() => {
  biz.dispose();
});

/** 300 rows from 30 days back to 30 days ahead, one customer each 10, plus a booking's own. */
function fillOutbox(): { appointmentId: string } {
  const s = biz.app.services;
  const booked = s.bookings.create({
    serviceId: biz.cut,
    staffId: biz.alice,
    start: london('2026-12-04', '10:00'),
    customer: { name: 'Jane Doe', phone: '+447911123456', email: 'jane@example.com' },
    smsConsent: true,
    source: 'desk',
    actor: 'desk',
  }).appointment;
  const people = Array.from({ length: 30 }, (_, i) =>
    s.customers.create(
      { name: `Customer ${String(i).padStart(2, '0')}`, email: `c${i}@example.com` },
      'desk',
    ),
  );
  s.outbox.plan(
    Array.from({ length: 300 }, (_, i) => {
      const person = people[i % people.length]!;
      return {
        appointmentId: null,
        customerId: person.id,
        channel: 'email' as const,
        kind: 'rebook' as const,
        to: person.email ?? '',
        subject: 'Time for your next visit?',
        body: `Hello ${person.name}, message number ${i}.`,
        // A prime step scatters the rows over the two months, several on some minutes.
        dueAt: NOW - 30 * DAY_MS + ((i * 7919) % (60 * 24 * 60)) * MINUTE_MS,
        dedupeKey: `test:${i}`,
      };
    }),
  );
  return { appointmentId: booked.id };
}

async function allPages(limit: number, input: { search?: string } = {}): Promise<DeskMessage[]> {
  const seen: DeskMessage[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await biz.desk.value('outbox.page', {
      ...input,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    expect(page.messages.length).toBeLessThanOrEqual(limit);
    seen.push(...page.messages);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('outbox.page', () => {
  it("pages every row once: from today's start in due order, then earlier ones newest first", async () => {
    fillOutbox();
    const first = await biz.desk.value('outbox.page', { limit: 40 });
    const total = biz.app.services.outbox.list({ limit: 1 }).total;
    expect(total).toBeGreaterThan(300);
    expect(first.total).toBe(total);
    expect(first.pivot).toBe(TODAY);
    // The first row is the first one due today, not the furthest in the future.
    expect(first.messages[0]!.dueAt).toBeGreaterThanOrEqual(TODAY);
    expect(first.messages[0]!.dueAt).toBeLessThan(TODAY + 12 * HOUR_MS);

    const rows = await allPages(40);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((m) => m.id)).size).toBe(total);
    const ahead = rows.filter((m) => m.dueAt >= TODAY);
    const earlier = rows.filter((m) => m.dueAt < TODAY);
    expect(rows).toEqual([...ahead, ...earlier]);
    const byDue = (a: DeskMessage, b: DeskMessage) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1);
    expect(ahead).toEqual([...ahead].sort(byDue));
    expect(earlier).toEqual([...earlier].sort(byDue).reverse());
    expect(earlier.length).toBeGreaterThan(100);
  });

  it('searches every row on the server: customer name, address, text and a spoken phone number', async () => {
    const { appointmentId } = fillOutbox();
    // Customer 07's rows reach back a month: far past the first page in any order.
    const byName = await allPages(25, { search: 'customer 07' });
    expect(byName).toHaveLength(10);
    expect(new Set(byName.map((m) => m.customerName))).toEqual(new Set(['Customer 07']));
    expect(byName.some((m) => m.dueAt < NOW - 20 * DAY_MS)).toBe(true);

    const byAddress = await biz.desk.value('outbox.page', { search: 'C13@EXAMPLE.COM' });
    expect(byAddress.total).toBe(10);
    expect(byAddress.messages.every((m) => m.to === 'c13@example.com')).toBe(true);

    const byText = await biz.desk.value('outbox.page', { search: 'message number 299.' });
    expect(byText.messages.map((m) => m.body)).toEqual(['Hello Customer 29, message number 299.']);

    // Wildcards are characters, not patterns.
    expect((await biz.desk.value('outbox.page', { search: '%' })).total).toBe(0);

    const byPhone = await biz.desk.value('outbox.page', { search: '07911 123456' });
    expect(byPhone.total).toBeGreaterThan(0);
    expect(byPhone.messages.every((m) => m.appointment?.id === appointmentId)).toBe(true);
    const sms = byPhone.messages.find((m) => m.channel === 'sms');
    expect(sms).toMatchObject({
      customerName: 'Jane Doe',
      to: '+447911123456',
      appointment: {
        id: appointmentId,
        startAt: london('2026-12-04', '10:00'),
        status: 'confirmed',
        serviceName: 'Cut',
        staffName: 'Alice',
      },
    });
  });

  it('filters by status and channel with the same order, and refuses a made-up cursor', async () => {
    fillOutbox();
    const sms = await allPages(100);
    const onlySms = sms.filter((m) => m.channel === 'sms');
    const page = await biz.desk.value('outbox.page', { channel: 'sms', status: 'planned' });
    expect(page.messages.map((m) => m.id)).toEqual(
      onlySms.filter((m) => m.status === 'planned').map((m) => m.id),
    );
    const bad = await biz.desk.call('outbox.page', { cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
