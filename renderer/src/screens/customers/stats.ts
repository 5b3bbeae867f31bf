// A customer's history in numbers, from their appointments. Pure, so the rules (what counts as
// a visit, what the no-show rate is out of) are stated once and the panel only shows them.
import type { Appointment } from '../../../../preload/contract/index.js';

export interface CustomerStats {
  /** Completed appointments. */
  visits: number;
  noShows: number;
  cancellations: number;
  /** No-shows out of the appointments that were due (completed + no-show); null before any. */
  noShowRate: number | null;
  /** Start of the latest completed visit. */
  lastVisit: number | null;
  /** Start of the earliest appointment still ahead and not cancelled. */
  nextVisit: number | null;
  /** Sum of priceAmount (minor units) over completed visits. */
  totalSpent: number;
}

export function customerStats(appointments: readonly Appointment[], now: number): CustomerStats {
  let visits = 0;
  let noShows = 0;
  let cancellations = 0;
  let lastVisit: number | null = null;
  let nextVisit: number | null = null;
  let totalSpent = 0;
  for (const a of appointments) {
    switch (a.status) {
      case 'completed':
        visits++;
        totalSpent += a.priceAmount;
        if (lastVisit === null || a.start > lastVisit) lastVisit = a.start;
        break;
      case 'no_show':
        noShows++;
        break;
      case 'cancelled':
        cancellations++;
        break;
      case 'confirmed':
      case 'pending_payment':
        if (a.start >= now && (nextVisit === null || a.start < nextVisit)) nextVisit = a.start;
        break;
      default: {
        const never: never = a.status;
        throw new Error(`Unknown status ${String(never)}`);
      }
    }
  }
  const due = visits + noShows;
  return {
    visits,
    noShows,
    cancellations,
    noShowRate: due === 0 ? null : noShows / due,
    lastVisit,
    nextVisit,
    totalSpent,
  };
}

/** Prices are stored in minor units (pence, cents); shown in the business's currency. */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}
