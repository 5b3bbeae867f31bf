// Merging a duplicate customer into the kept one, in one transaction: appointments, messages and
// SMS replies move (payments hang off appointments and move with them), planned messages are
// re-addressed to the merged contact details, the details combine (domain/customer-merge.ts) and
// the duplicate is removed. The preview runs the same reads without writing.
import { and, count, eq, inArray } from 'drizzle-orm';
import { appointments, customers, messages, payments, smsReplies } from '../../db/schema.js';
import type { Customer, CustomerMergePreview } from '../../preload/contract/index.js';
import { mergeCustomers } from '../domain/customer-merge.js';
import type { AppointmentStore } from '../appointments/index.js';
import type { Core } from '../core/context.js';
import { toCustomer, type CustomerService } from './customers.js';

export function createCustomerMerge(
  core: Core,
  customerService: CustomerService,
  appointmentStore: AppointmentStore,
) {
  const { db, clock, events, write } = core;

  function moves(duplicateId: string): CustomerMergePreview['moves'] {
    const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
    return {
      appointments: n(
        db
          .select({ n: count() })
          .from(appointments)
          .where(eq(appointments.customerId, duplicateId))
          .get(),
      ),
      messages: n(
        db.select({ n: count() }).from(messages).where(eq(messages.customerId, duplicateId)).get(),
      ),
      smsReplies: n(
        db
          .select({ n: count() })
          .from(smsReplies)
          .where(eq(smsReplies.customerId, duplicateId))
          .get(),
      ),
      payments: n(
        db
          .select({ n: count() })
          .from(payments)
          .innerJoin(appointments, eq(payments.appointmentId, appointments.id))
          .where(eq(appointments.customerId, duplicateId))
          .get(),
      ),
    };
  }

  const mergeInside = write((keepId: string, duplicateId: string) => {
    const keep = customerService.row(keepId);
    const duplicate = customerService.row(duplicateId);
    const result = mergeCustomers(keep, duplicate);
    const now = clock.now();
    appointmentStore.moveToCustomer(duplicateId, keepId);
    db.update(messages)
      .set({ customerId: keepId })
      .where(eq(messages.customerId, duplicateId))
      .run();
    db.update(smsReplies)
      .set({ customerId: keepId })
      .where(eq(smsReplies.customerId, duplicateId))
      .run();
    // Reminders not yet sent go where the merged customer is reached now.
    const readdress = (channel: 'sms' | 'email', to: string | null) => {
      if (to === null) return;
      db.update(messages)
        .set({ toAddress: to, updatedAt: now })
        .where(
          and(
            eq(messages.customerId, keepId),
            eq(messages.channel, channel),
            inArray(messages.status, ['planned']),
          ),
        )
        .run();
    };
    readdress('sms', result.phone);
    readdress('email', result.email);
    // The duplicate goes first: its phone or email may move to the kept customer, and both
    // columns are unique.
    db.delete(customers).where(eq(customers.id, duplicateId)).run();
    const merged = db
      .update(customers)
      .set({
        name: result.name,
        phone: result.phone,
        email: result.email,
        notes: result.notes,
        smsConsent: result.smsConsent,
        emailConsent: result.emailConsent,
        phoneInvalidAt: result.phoneInvalidAt,
        createdAt: result.createdAt,
        updatedAt: now,
      })
      .where(eq(customers.id, keepId))
      .returning()
      .get();
    if (!merged) throw new Error(`customer ${keepId} vanished during a merge`);
    events.emit('customers.changed', { change: 'merged', customerIds: [keepId, duplicateId] });
    return merged;
  });

  return {
    preview(keepId: string, duplicateId: string): CustomerMergePreview {
      const keep = customerService.row(keepId);
      const duplicate = customerService.row(duplicateId);
      return {
        keep: toCustomer(keep),
        duplicate: toCustomer(duplicate),
        result: toCustomer(mergeCustomers(keep, duplicate)),
        moves: moves(duplicateId),
      };
    },

    merge(keepId: string, duplicateId: string): Customer {
      return toCustomer(mergeInside(keepId, duplicateId));
    },
  };
}

export type CustomerMerge = ReturnType<typeof createCustomerMerge>;
