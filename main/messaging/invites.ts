// The .ics each booking email carries (integrations/email/calendar.ts), built when the email is
// sent from the appointment as it stands then: a confirmation or "moved" email is cancelled by
// any later change before it goes, so the current start and SEQUENCE are the ones it announces.
// The planner bumps appointments.calendar_sequence on every move and on the cancel.
import { eq, sql } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import { buildAppointmentInvite } from '../integrations/email/calendar.js';
import type { CalendarAttachment } from '../integrations/email/email-sender.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { CustomerService } from '../customers/index.js';
import type { MessageRow } from './outbox.js';

export interface InviteDeps {
  core: Core;
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  /** Our sending address ('"Studio" <a@b.example>' or a bare address): the organizer. */
  emailFrom: () => string;
}

function addressOf(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

export type InviteBuilder = (row: MessageRow) => CalendarAttachment | undefined;

export function createInviteBuilder(deps: InviteDeps): InviteBuilder {
  const { db, clock } = deps.core;
  // Prepared once: every booking's confirmation email asks.
  const appointmentById = db
    .select()
    .from(appointments)
    .where(eq(appointments.id, sql.placeholder('id')))
    .prepare();
  return (row) => {
    if (row.channel !== 'email' || row.appointmentId === null) return undefined;
    let cancelled: boolean;
    switch (row.kind) {
      case 'confirmation':
      case 'rescheduled':
        cancelled = false;
        break;
      case 'cancellation':
        cancelled = true;
        break;
      case 'reminder':
      case 'thank_you':
      case 'rebook':
      case 'no_show':
      case 'reply':
      case 'payment_link':
      case 'payment_refunded':
        return undefined;
      default: {
        const never: never = row.kind;
        throw new Error(`Unknown message kind ${String(never)}`);
      }
    }
    const appointment = appointmentById.get({ id: row.appointmentId });
    if (!appointment) return undefined;
    const business = deps.settings.get();
    const service = deps.catalog.serviceRow(appointment.serviceId).name;
    const staff = deps.catalog.staffRow(appointment.staffId).name;
    return buildAppointmentInvite({
      appointmentId: appointment.id,
      sequence: appointment.calendarSequence,
      start: appointment.startAt,
      end: appointment.endAt,
      summary: `${service} with ${staff}`,
      location: business.name,
      organizer: { name: business.name, email: addressOf(deps.emailFrom()) },
      attendee: { name: deps.customers.row(appointment.customerId).name, email: row.toAddress },
      stamp: clock.now(),
      cancelled,
    });
  };
}
