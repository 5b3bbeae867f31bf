// The seed's customer API: the business's own systems (a CRM, a spreadsheet export) reading and
// adding customers. Every route here needs an admin API key; nothing else on the public listener
// says anything about customers beyond the one booking a manage token names.
import { z } from 'zod';
import type { Appointment, Customer } from '../../preload/contract/index.js';
import type { App } from '../app.js';
import { formatInstantInZone } from '../domain/time.js';
import { appointmentSource } from '../../preload/contract/index.js';
import { bookingJson } from './booking-json.js';
import { bookingFields, failure, id, instant } from './public-schemas.js';
import { defineRoute, type AnyRoute } from './route-spec.js';

const admin = { cors: false, adminKey: true, bookingWrite: false };

export const adminCustomer = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable().meta({ description: 'E.164' }),
  email: z.string().nullable(),
  notes: z.string(),
  sms_consent: z.boolean(),
  email_consent: z.boolean(),
  created_at: instant,
});

export const adminBooking = bookingFields.extend({
  source: appointmentSource,
  note: z.string(),
  cancel_reason: z.string().nullable(),
  created_at: instant,
});

const listQuery = z.object({
  search: z.string().max(200).optional().meta({ description: 'Part of a name, email or phone' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const newCustomer = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  phone: z.string().trim().min(3).max(40).optional(),
  email: z.email().max(254).optional(),
  notes: z.string().max(5000).optional(),
  sms_consent: z.boolean().optional(),
  email_consent: z.boolean().optional(),
});

const customerParams = z.object({ id });

const unauthorised = failure(
  'No valid admin API key (code POLICY); send Authorization: Bearer <key>',
);

export function customerRoutes(app: App): AnyRoute[] {
  const { services } = app;
  const at = (ms: number) => formatInstantInZone(ms, services.settings.get().timeZone);

  const toAdminCustomer = (c: Customer): z.output<typeof adminCustomer> => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    notes: c.notes,
    sms_consent: c.smsConsent,
    email_consent: c.emailConsent,
    created_at: at(c.createdAt),
  });

  const json = bookingJson(services, () => app.core.clock.now());
  const toAdminBooking = (a: Appointment): z.output<typeof adminBooking> => {
    // The admin answer has always named the source right after the status.
    const { id: bookingId, status, ...rest } = json.shared(a);
    return {
      id: bookingId,
      status,
      source: a.source,
      ...rest,
      note: a.note,
      cancel_reason: a.cancelReason,
      created_at: at(a.createdAt),
    };
  };

  return [
    defineRoute({
      operationId: 'listCustomers',
      method: 'GET',
      path: '/api/customers',
      tag: 'Customers (admin API key)',
      summary: 'Customers, by name',
      access: admin,
      query: listQuery,
      responses: {
        200: {
          description: 'A page of customers and the total that match',
          schema: z.object({ customers: z.array(adminCustomer), total: z.int() }),
        },
        401: unauthorised,
        422: failure('A query parameter is malformed'),
      },
      handle: ({ query }) => {
        const page = services.customers.list(query);
        return {
          status: 200,
          body: { customers: page.customers.map(toAdminCustomer), total: page.total },
        };
      },
    }),

    defineRoute({
      operationId: 'createCustomer',
      method: 'POST',
      path: '/api/customers',
      tag: 'Customers (admin API key)',
      summary: 'Add a customer',
      access: admin,
      body: newCustomer,
      responses: {
        201: { description: 'Added', schema: z.object({ customer: adminCustomer }) },
        401: unauthorised,
        409: failure('Another customer has this phone or email (details.customer_id)'),
        422: failure('Bad input; details.fields names the field'),
      },
      handle: ({ body }) => {
        const created = services.customers.create(
          {
            name: body.name,
            phone: body.phone,
            email: body.email,
            notes: body.notes,
            smsConsent: body.sms_consent,
            emailConsent: body.email_consent,
          },
          'api',
        );
        return { status: 201, body: { customer: toAdminCustomer(created) } };
      },
    }),

    defineRoute({
      operationId: 'getCustomer',
      method: 'GET',
      path: '/api/customers/{id}',
      tag: 'Customers (admin API key)',
      summary: 'One customer',
      access: admin,
      params: customerParams,
      responses: {
        200: { description: 'The customer', schema: z.object({ customer: adminCustomer }) },
        401: unauthorised,
        404: failure('No customer has this id'),
      },
      handle: ({ params }) => ({
        status: 200,
        body: { customer: toAdminCustomer(services.customers.get(params.id)) },
      }),
    }),

    defineRoute({
      operationId: 'listCustomerBookings',
      method: 'GET',
      path: '/api/customers/{id}/bookings',
      tag: 'Customers (admin API key)',
      summary: "A customer's bookings, oldest first",
      access: admin,
      params: customerParams,
      responses: {
        200: {
          description: 'Every booking of the customer, whatever its status',
          schema: z.object({ bookings: z.array(adminBooking) }),
        },
        401: unauthorised,
        404: failure('No customer has this id'),
      },
      handle: ({ params }) => {
        const customer = services.customers.get(params.id);
        const bookings = services.bookings.list({
          from: 0,
          to: Number.MAX_SAFE_INTEGER,
          customerId: customer.id,
        });
        return { status: 200, body: { bookings: bookings.map(toAdminBooking) } };
      },
    }),
  ];
}
