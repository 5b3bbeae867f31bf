// Pieces every part of the contract uses: the error envelope, ids, instants and their sane range,
// dates, money and names.
import { z } from 'zod';

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY',
  'INTEGRATION',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type ErrorBody = z.infer<typeof errorBody>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const id = z.string().min(1).max(64);

export const epochMs = z.int().nonnegative();

/**
 * Instants a request may carry: years 2000 to 2200 (UTC). Far wider than any booking needs, and
 * far inside the ±8.64e15 ms a Date can hold, beyond which zone offsets are NaN.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);

export const LATEST_INSTANT = Date.UTC(2201, 0, 1) - 1;

/** The same range as calendar dates, for the days a request asks about. */
export const EARLIEST_DATE = '2000-01-01';

export const LATEST_DATE = '2200-12-31';

const outOfRange = `must be between ${EARLIEST_DATE} and ${LATEST_DATE} (UTC epoch milliseconds)`;

/** An instant a request places something at: an appointment's start, time off. */
export const instant = epochMs.min(EARLIEST_INSTANT, outOfRange).max(LATEST_INSTANT, outOfRange);

/** One end of a period a request lists; 0 still means "from the beginning". */
export const periodBound = epochMs.max(LATEST_INSTANT, outOfRange);

/** A calendar day a request asks about, in the same range as the instants. */
export const dateInRange = <T extends z.ZodType<string>>(schema: T): T =>
  schema.refine(
    // A malformed date is the format check's to name.
    (date) => !/^\d{4}-\d\d-\d\d$/.test(date) || (date >= EARLIEST_DATE && date <= LATEST_DATE),
    `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
  );

export const minuteOfDay = z.int().min(0).max(1440);

export const localDate = z.iso.date();

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as GBP');

export const timeZone = z
  .string()
  .refine(isIanaZone, 'must be an IANA time zone such as Europe/London');

export const name = z.string().trim().min(1, 'must not be empty').max(200);

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4c6ef5');

function isIanaZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const messageChannel = z.enum(['sms', 'email']);

export const phoneInput = z.string().trim().min(3).max(40);

export const emailInput = z.email().max(254);

export const empty = z.object({}).strict();

export const byId = z.object({ id });

export const ok = z.object({ ok: z.literal(true) });
