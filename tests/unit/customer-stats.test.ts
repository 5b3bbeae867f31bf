// The customer panel's numbers: what counts as a visit, what the no-show rate is out of, which
// appointment is "next", and the total spent (completed visits only).
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../preload/contract/index.js';
import { customerStats } from '../../renderer/src/screens/customers/stats.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const HOUR = 3_600_000;

function appointment(status: Appointment['status'], start: number, price = 1000): Appointment {
  return {
    id: `apt_${status}_${start}`,
    staffId: 'stf_1',
    serviceId: 'svc_1',
    customerId: 'cus_1',
    start,
    end: start + HOUR,
    status,
    source: 'desk',
    holdExpiresAt: null,
    priceAmount: price,
    currency: 'GBP',
    note: '',
    cancelReason: null,
    customerConfirmedAt: null,
    anyStaff: false,
    createdAt: start - 24 * HOUR,
    updatedAt: start,
  };
}

describe('customerStats', () => {
  it('has no rate and no dates before any appointment', () => {
    expect(customerStats([], NOW)).toEqual({
      visits: 0,
      noShows: 0,
      cancellations: 0,
      noShowRate: null,
      lastVisit: null,
      nextVisit: null,
      totalSpent: 0,
    });
  });

  it('counts visits, no-shows and cancellations; the rate is out of the due ones', () => {
    const stats = customerStats(
      [
        appointment('completed', NOW - 72 * HOUR, 4800),
        appointment('completed', NOW - 48 * HOUR, 2400),
        appointment('completed', NOW - 96 * HOUR, 1800),
        appointment('no_show', NOW - 24 * HOUR, 9500),
        appointment('cancelled', NOW - 12 * HOUR, 9500),
        appointment('confirmed', NOW + 48 * HOUR),
        appointment('pending_payment', NOW + 24 * HOUR),
        appointment('cancelled', NOW + 2 * HOUR),
      ],
      NOW,
    );
    expect(stats.visits).toBe(3);
    expect(stats.noShows).toBe(1);
    expect(stats.cancellations).toBe(2);
    expect(stats.noShowRate).toBe(0.25);
    expect(stats.lastVisit).toBe(NOW - 48 * HOUR);
    // The cancelled one in two hours is not a next visit; the unpaid hold tomorrow is.
    expect(stats.nextVisit).toBe(NOW + 24 * HOUR);
    expect(stats.totalSpent).toBe(4800 + 2400 + 1800);
  });

  it('does not call a confirmed appointment in the past the next visit', () => {
    const stats = customerStats([appointment('confirmed', NOW - HOUR)], NOW);
    expect(stats.nextVisit).toBeNull();
    expect(stats.noShowRate).toBeNull();
  });
});
