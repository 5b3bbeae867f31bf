// The widget's booking routes: booking a slot, then viewing, moving and cancelling it with the
// manage token. Everything here acts as the customer, so the service applies the business's
// notice, horizon and cancellation cut-off.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Appointment } from '../../preload/contract/index.js';
import type { App } from '../app.js';
import { AppError, NotFoundError, ValidationError } from '../core/errors.js';
import { HttpBadRequestError } from './errors.js';
import {
  ANY_STAFF,
  bookingCreated,
  bookingRequest,
  bookingResponse,
  cancelRequest,
  failure,
  idempotencyKey,
  manageTokenParams,
  rescheduleRequest,
} from './public-schemas.js';
import { bookingJson } from './booking-json.js';
import { defineRoute, type AnyRoute, type ResponseSpec } from './route-spec.js';

const open = { cors: true, adminKey: false, bookingWrite: false };
const write = { cors: true, adminKey: false, bookingWrite: true };

/** Manage tokens are base64url, ≥ 128 bits; anything else cannot name a booking. */
const MANAGE_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

class UnknownManageToken extends AppError {
  override readonly name = 'UnknownManageToken';
  readonly code = 'NOT_FOUND';
  constructor() {
    // The token is not echoed: it is a secret, and the client knows what it sent. Customers read
    // this on the manage page, where the token is simply "the link".
    super('This link does not match a booking. Please use the link in your confirmation message.', {
      entity: 'booking',
    });
  }
}

const rateLimited: ResponseSpec = {
  ...failure('Too many booking writes from this client; wait and retry'),
  headers: { 'Retry-After': 'Seconds until the client may write again' },
};

/** The service names fields as the desk spells them; the client sent them in snake_case. */
function asBadInput(error: unknown): unknown {
  if (error instanceof NotFoundError && error.entity === 'service') {
    return ValidationError.field('service_id', 'no service has this id');
  }
  if (error instanceof NotFoundError && error.entity === 'staff member') {
    return ValidationError.field('staff_id', 'no staff member has this id');
  }
  return error;
}

function instantOf(iso: string): number {
  return Date.parse(iso);
}

/**
 * Browsers send Origin on every cross-origin or POST request, so a booking that carries one came
 * through the widget or the hosted page; anything else is a program calling the API. Only used to
 * tell the business where its bookings come from, never to decide anything.
 */
function sourceOf(request: FastifyRequest): 'widget' | 'api' {
  return request.headers.origin ? 'widget' : 'api';
}

export function bookingRoutes(app: App): AnyRoute[] {
  const { services } = app;

  const toPublicBooking = bookingJson(services, () => app.core.clock.now()).forCustomer;

  /**
   * Looked up by the token's SHA-256 (see bookings.findByManageToken): comparing hashes in the
   * index reveals nothing usable about the token itself.
   */
  function bookingOf(token: string): Appointment {
    const found = MANAGE_TOKEN.test(token) ? services.bookings.findByManageToken(token) : null;
    if (!found) throw new UnknownManageToken();
    return found;
  }

  function idempotencyKeyOf(request: FastifyRequest): string | undefined {
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return undefined;
    // Node joins repeated lines into one value ("a, b"), which would book under a key the client
    // never sent: the header's lines are counted instead.
    const lines = request.raw.rawHeaders.filter(
      (name, i) => i % 2 === 0 && name.toLowerCase() === 'idempotency-key',
    ).length;
    if (lines > 1) {
      throw new HttpBadRequestError([
        { field: 'Idempotency-Key', message: `is sent once per request, not ${lines} times` },
      ]);
    }
    const parsed = idempotencyKey.safeParse(raw);
    if (!parsed.success) {
      throw ValidationError.field('Idempotency-Key', 'must be 1 to 200 characters, sent once');
    }
    return parsed.data;
  }

  const tokenResponses = {
    404: failure('No booking has this manage token'),
  };

  return [
    defineRoute({
      operationId: 'createBooking',
      method: 'POST',
      path: '/api/bookings',
      tag: 'Booking',
      summary: 'Book a slot',
      description:
        'Send an Idempotency-Key to retry safely: the same key with the same body answers the ' +
        'first booking again (with Idempotent-Replayed: true), with another body 409.',
      access: write,
      body: bookingRequest,
      headers: [
        { name: 'Idempotency-Key', description: 'Makes retries safe', schema: idempotencyKey },
      ],
      responses: {
        201: { description: 'Booked', schema: bookingCreated },
        409: failure(
          'The slot was taken meanwhile, or the Idempotency-Key was used for another body',
        ),
        422: failure('Bad input (details.fields names the field) or a booking rule (POLICY)'),
        429: rateLimited,
        502: failure(
          'A deposit is due but the payment provider cannot be reached (INTEGRATION); the booking was not made',
        ),
      },
      handle: async ({ body, request }) => {
        const key = idempotencyKeyOf(request);
        let answer;
        try {
          answer = await services.groupCommit.run(() => {
            const made = services.bookings.create({
              // Held unpaid until checkout when the policy it freezes asks a deposit.
              holdForDeposit: true,
              serviceId: body.service_id,
              staffId: body.staff_id,
              start: instantOf(body.start),
              customer: body.customer,
              note: body.note,
              smsConsent: body.sms_consent,
              idempotencyKey: key,
              source: sourceOf(request),
              actor: 'customer',
            });
            // The answer is read inside the same write: it shows exactly what is committed, and
            // the lock is already held. A read on its own takes and drops SQLite's shared locks,
            // which on this path cost more than the reads themselves.
            const stored = made.stored ?? services.bookings.row(made.appointment.id);
            return { made, stored, booking: toPublicBooking(made.appointment, stored) };
          });
        } catch (error) {
          throw asBadInput(error);
        }
        const { made, stored, booking } = answer;
        const checkout = await services.payments.checkoutForNewBooking(made, stored);
        const created: z.output<typeof bookingCreated> = {
          booking,
          manage_token: made.manageToken,
          ...checkout,
        };
        const headers: Record<string, string> = made.replayed
          ? { 'idempotent-replayed': 'true' }
          : {};
        return { status: 201, body: created, headers };
      },
    }),

    defineRoute({
      operationId: 'getBooking',
      method: 'GET',
      path: '/api/bookings/{manage_token}',
      tag: 'Booking',
      summary: 'View a booking',
      access: open,
      params: manageTokenParams,
      responses: {
        200: { description: 'The booking', schema: bookingResponse },
        ...tokenResponses,
      },
      handle: ({ params }) => ({
        status: 200,
        body: { booking: toPublicBooking(bookingOf(params.manage_token)) },
      }),
    }),

    defineRoute({
      operationId: 'rescheduleBooking',
      method: 'PATCH',
      path: '/api/bookings/{manage_token}',
      tag: 'Booking',
      summary: 'Move a booking',
      description: 'Allowed until changes_allowed_until, to a time that is free.',
      access: write,
      params: manageTokenParams,
      body: rescheduleRequest,
      responses: {
        200: { description: 'Moved', schema: bookingResponse },
        ...tokenResponses,
        409: failure('The new time is not free (for the staff member asked for, or for anyone)'),
        422: failure(
          'Bad input (a staff member who does not perform the service), past the cut-off, or the booking can no longer be moved (POLICY)',
        ),
        429: rateLimited,
      },
      handle: ({ params, body }) => {
        const current = bookingOf(params.manage_token);
        let moved;
        try {
          const anyStaff = body.staff_id === ANY_STAFF;
          moved = services.bookings.reschedule(
            {
              id: current.id,
              start: instantOf(body.start),
              ...(anyStaff ? { anyStaff } : { staffId: body.staff_id }),
            },
            'customer',
          );
        } catch (error) {
          throw asBadInput(error);
        }
        return { status: 200, body: { booking: toPublicBooking(moved) } };
      },
    }),

    defineRoute({
      operationId: 'cancelBooking',
      method: 'DELETE',
      path: '/api/bookings/{manage_token}',
      tag: 'Booking',
      summary: 'Cancel a booking',
      description: "Allowed until changes_allowed_until (the business's cancellation cut-off).",
      access: write,
      params: manageTokenParams,
      body: cancelRequest,
      responses: {
        200: { description: 'Cancelled; the slot is free again', schema: bookingResponse },
        ...tokenResponses,
        422: failure('Past the cut-off, or already cancelled (POLICY, with a reason)'),
        429: rateLimited,
      },
      handle: ({ params, body }) => {
        const current = bookingOf(params.manage_token);
        const cancelled = services.bookings.cancel(current.id, 'customer', body?.reason);
        return { status: 200, body: { booking: toPublicBooking(cancelled) } };
      },
    }),
  ];
}
