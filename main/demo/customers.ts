// The demo studio's clientele: UK names, valid UK mobiles, example.* emails, and how often each
// person comes back, which is what drives the calendar and the first-visit no-show pattern.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { customers } from '../../db/schema.js';
import type { Random } from '../domain/random.js';
import {
  customerNotes,
  emailDomains,
  menFirstNames,
  mobilePrefixes,
  surnames,
  womenFirstNames,
  type Audience,
} from './data.js';

const CUSTOMER_COUNT = 200;

type CustomerInsert = typeof customers.$inferInsert;

export interface DemoCustomer {
  row: Omit<CustomerInsert, 'createdAt' | 'updatedAt'>;
  audience: Audience;
  /** Day index from which this person books at all: customers join over the months. */
  arrivalDay: number;
  /** Typical days between visits; null for someone who comes once and never again. */
  intervalDays: number | null;
  visits: number;
  lastDay: number | null;
  firstBookedAt: number | null;
}

export function createCustomers(
  rng: Random,
  newId: (prefix: string) => string,
  totalDays: number,
): DemoCustomer[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const emails = new Set<string>();
  const people: DemoCustomer[] = [];
  while (people.length < CUSTOMER_COUNT) {
    const audience: Audience = rng.chance(0.6) ? 'women' : 'men';
    const first = rng.pick(audience === 'women' ? womenFirstNames : menFirstNames);
    const last = rng.pick(surnames);
    const name = `${first} ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    const email = rng.chance(0.85) ? uniqueEmail(rng, first, last, emails) : null;
    people.push({
      row: {
        id: newId('cus'),
        name,
        phone: ukMobile(rng, phones),
        email,
        notes: rng.chance(0.12) ? rng.pick(customerNotes) : '',
        smsConsent: rng.chance(0.6),
        emailConsent: email !== null && rng.chance(0.9),
      },
      audience,
      // Four in ten are the studio's established clients; the rest find it over the months.
      arrivalDay: rng.chance(0.4) ? rng.int(0, 10) : rng.int(0, totalDays - 1),
      intervalDays: rng.chance(0.15)
        ? null
        : audience === 'women'
          ? rng.int(21, 56)
          : rng.int(14, 35),
      visits: 0,
      lastDay: null,
      firstBookedAt: null,
    });
  }
  return people;
}

/** A GB mobile that libphonenumber accepts: not every block in the 07 range is allocated. */
function ukMobile(rng: Random, used: Set<string>): string {
  for (;;) {
    const [low, high] = rng.chance(0.3) ? mobilePrefixes.low : mobilePrefixes.high;
    const subscriber = String(rng.int(0, 999_999)).padStart(6, '0');
    const parsed = parsePhoneNumberFromString(`+44${rng.int(low, high)}${subscriber}`);
    if (parsed?.isValid() && parsed.country === 'GB' && !used.has(parsed.number)) {
      used.add(parsed.number);
      return parsed.number;
    }
  }
}

function uniqueEmail(rng: Random, first: string, last: string, used: Set<string>): string {
  const f = first.toLowerCase().replace(/[^a-z]/g, '');
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const local = rng.pick([
    `${f}.${l}`,
    `${f}${l}`,
    `${f.charAt(0)}${l}`,
    `${f}.${l}${rng.int(1, 99)}`,
  ]);
  const domain = rng.pick(emailDomains);
  for (let n = 1; ; n++) {
    const email = `${local}${n === 1 ? '' : n}@${domain}`;
    if (!used.has(email)) {
      used.add(email);
      return email;
    }
  }
}

export function pickCustomer(
  rng: Random,
  people: DemoCustomer[],
  audience: Audience,
  day: number,
  bookedToday: Set<DemoCustomer>,
): DemoCustomer | undefined {
  return rng.weighted(people, (c) => {
    if (c.audience !== audience || c.arrivalDay > day || bookedToday.has(c)) return 0;
    // Someone new has just rung up: they get the next suitable slot.
    if (c.lastDay === null) return 4;
    if (c.intervalDays === null) return 0;
    const gap = day - c.lastDay;
    if (gap < 7) return 0;
    const due = gap / c.intervalDays;
    return due < 0.7 ? 0.05 : due * due;
  });
}
