// The public REST API as the widget sees it (DESIGN.md §5): a thin fetch wrapper that turns every
// answer into ok/error, so screens switch on `code` instead of catching.

export interface Money {
  amount: number;
  currency: string;
}

export interface PublicService {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  price: Money;
  deposit: Money | null;
  /** The deposit, refund and no-show terms in plain words. */
  payment_policy?: string[];
  staff_ids: string[];
  staff?: { id: string; name: string }[];
}

export interface Slot {
  start: string;
  end: string;
  staff_id: string;
  /** The start's time of day in the business's zone, in the widget's language. */
  label: string;
}

/** Whom the customer calls when the widget cannot do it. */
export interface BusinessContact {
  name: string;
  phone: string | null;
}

export interface Availability {
  timezone: string;
  business: BusinessContact & { cancellation_cutoff_minutes: number };
  /** The last day bookings open on: paging stops there. */
  bookable_until: string;
  days: { date: string; label: string; label_long: string; slots: Slot[] }[];
}

/** Where a booking's money stands (GET /api/bookings/{token}); null without payment terms. */
export interface BookingPayment {
  state: 'none' | 'awaiting_deposit' | 'paid' | 'part_refunded' | 'refunded';
  currency: string;
  deposit_required: boolean;
  deposit: number;
  paid: number;
  refunded: number;
  refund_pending: number;
  balance_due: number;
  refund_if_cancelled_now: number;
  policy: {
    full_refund_until: string;
    late_refund_percent: number;
    no_show: 'none' | 'keep_deposit' | 'charge_card';
    no_show_max_charge: number | null;
    /** The agreed terms with their dates, in plain words. */
    terms: string;
  };
}

export interface Booking {
  id: string;
  status: string;
  start: string;
  end: string;
  service_id: string;
  service_name: string;
  staff_id: string;
  staff_name: string;
  /** The customer asked for anyone free rather than this person. */
  any_staff: boolean;
  price: Money;
  changes_allowed_until: string;
  /** Moving or cancelling online is open now (the server's clock, the server's rule). */
  can_change_online: boolean;
  business: BusinessContact;
  customer: { first_name: string };
  payment?: BookingPayment | null;
  /** The UID the booking emails' .ics use; the widget's file must use it too. */
  calendar_uid: string;
}

export interface BookingRequest {
  service_id: string;
  staff_id?: string;
  start: string;
  customer: { name: string; phone?: string; email?: string };
  note?: string;
  sms_consent?: boolean;
}

export interface ApiError {
  /** The API's code (CONFLICT, VALIDATION, POLICY, …), or NETWORK when no answer came. */
  code: string;
  status: number;
  message: string;
  fields: { field: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

interface ErrorShape {
  error?: { code?: string; message?: string; details?: { fields?: unknown } };
}

function fieldsOf(details: { fields?: unknown } | undefined): ApiError['fields'] {
  if (!details || !Array.isArray(details.fields)) return [];
  return details.fields.filter(
    (f): f is { field: string; message: string } =>
      typeof f === 'object' && f !== null && typeof (f as { field?: unknown }).field === 'string',
  );
}

/** A random key that works outside secure contexts too (crypto.randomUUID does not). */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface AvailabilityQuery {
  service: string;
  staff?: string | undefined;
  from?: string;
  days: number;
}

/** Older than this, a prefetched answer is not shown: others may have booked meanwhile. */
const PREFETCH_FRESH_MS = 5_000;

/** `locale`: the language the API words slot labels in (the widget's own). */
export function createApi(base: string, locale: string) {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'NETWORK',
          status: 0,
          message: 'Could not reach the booking service. Check your connection and try again.',
          fields: [],
        },
      };
    }
    const json = (await response.json().catch(() => ({}))) as T & ErrorShape;
    if (response.ok) return { ok: true, value: json };
    return {
      ok: false,
      error: {
        code: json.error?.code ?? 'HTTP',
        status: response.status,
        message: json.error?.message ?? `The booking service answered ${response.status}.`,
        fields: fieldsOf(json.error?.details),
      },
    };
  }

  function availabilityPath(q: AvailabilityQuery): string {
    const params = new URLSearchParams({
      service_id: q.service,
      days_ahead: String(q.days),
      locale,
    });
    if (q.staff) params.set('staff_id', q.staff);
    if (q.from) params.set('from', q.from);
    return `/api/availability?${params}`;
  }

  // An answer asked for ahead of need (prefetch), handed to the first matching call
  // while it is fresh; later calls always ask the server again. `settled` is the answer once it
  // has arrived, so the first screen can show it without waiting a turn for the promise.
  let early: {
    path: string;
    at: number;
    answer: Promise<Result<Availability>>;
    settled?: Result<Availability>;
  } | null = null;
  let earlyServices: Promise<Result<{ services: PublicService[] }>> | null = null;

  function takeEarly(q: AvailabilityQuery) {
    const path = availabilityPath(q);
    const taken = early;
    if (taken?.path !== path) return null;
    early = null;
    return Date.now() - taken.at < PREFETCH_FRESH_MS ? taken : null;
  }

  return {
    services: () => {
      const taken = earlyServices;
      earlyServices = null;
      return taken ?? request<{ services: PublicService[] }>('GET', '/api/services');
    },
    availability: (q: AvailabilityQuery) =>
      takeEarly(q)?.answer ?? request<Availability>('GET', availabilityPath(q)),
    /** The prefetched answer for `q` when it has already arrived (and is fresh), else null. */
    settledAvailability: (q: AvailabilityQuery): Availability | null => {
      if (early?.path !== availabilityPath(q) || !early.settled?.ok) return null;
      const taken = takeEarly(q);
      return taken?.settled?.ok ? taken.settled.value : null;
    },
    /**
     * A site that presets the service shows its slots first: asking for them, and for the
     * services list, before the widget has even drawn saves the round trips a visitor would
     * otherwise wait through one after the other.
     */
    prefetch: (q: AvailabilityQuery) => {
      const path = availabilityPath(q);
      const entry: NonNullable<typeof early> = {
        path,
        at: Date.now(),
        answer: request<Availability>('GET', path).then((answer) => {
          entry.settled = answer;
          return answer;
        }),
      };
      early = entry;
      earlyServices = request<{ services: PublicService[] }>('GET', '/api/services');
    },
    book: (body: BookingRequest, idempotencyKey: string) =>
      request<{ booking: Booking; manage_token: string; checkout_url?: string }>(
        'POST',
        '/api/bookings',
        body,
        {
          'idempotency-key': idempotencyKey,
        },
      ),
    booking: (token: string) =>
      request<{ booking: Booking }>('GET', `/api/bookings/${encodeURIComponent(token)}`),
    /** staff_id "any": whoever does the service and is free then; omitted: the same person. */
    reschedule: (token: string, body: { start: string; staff_id?: string }) =>
      request<{ booking: Booking }>('PATCH', `/api/bookings/${encodeURIComponent(token)}`, body),
    cancel: (token: string) =>
      request<{ booking: Booking }>('DELETE', `/api/bookings/${encodeURIComponent(token)}`, {}),
  };
}

export type Api = ReturnType<typeof createApi>;
