// A template draft filled in with a real appointment's details, as the customer would read it:
// the desk checks its wording before saving. Bad placeholders are refused as on save.
import { asc, desc, gt } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import type { ChannelInput, ChannelOutput } from '../../preload/contract/index.js';
import { ValidationError } from '../core/errors.js';
import type { BookingService } from '../appointments/index.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { CustomerService } from '../customers/index.js';
import { renderText, templateData, type MessageLinks } from './render.js';
import { templateIssues, type TemplateStore, type TemplateText } from './templates.js';
import type { PaymentTermsReader } from '../payments/index.js';
import type { ReminderPlanner } from './planner.js';

export interface PreviewDeps {
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  bookings: BookingService;
  templates: TemplateStore;
  planner: ReminderPlanner;
  paymentTerms: PaymentTermsReader;
}

/** What {payment_terms} reads like for a £10 deposit, when there is no booking to show. */
const SAMPLE_TERMS =
  'Deposit £10.00 paid. Cancel by Mon 1 Dec, 10:00 for a full refund; after that the deposit ' +
  'is kept. If you miss the appointment, the deposit is kept.';

export function createTemplatePreview(core: Core, deps: PreviewDeps) {
  const { db, clock } = core;

  /** The given appointment, else the next one coming up, else the latest there is. */
  function sampleAppointment(appointmentId: string | undefined) {
    if (appointmentId) return deps.bookings.row(appointmentId);
    return (
      db
        .select()
        .from(appointments)
        .where(gt(appointments.startAt, clock.now()))
        .orderBy(asc(appointments.startAt))
        .limit(1)
        .get() ??
      db.select().from(appointments).orderBy(desc(appointments.startAt)).limit(1).get() ??
      null
    );
  }

  return (input: ChannelInput<'templates.preview'>): ChannelOutput<'templates.preview'> => {
    const saved = deps.templates.view(input.kind, input.channel);
    const draft = {
      kind: input.kind,
      channel: input.channel,
      subject: input.subject ?? saved.subject,
      body: input.body ?? saved.body,
    };
    const issues = templateIssues(draft);
    if (issues.length > 0) throw new ValidationError(issues);
    const template: TemplateText =
      draft.channel === 'sms'
        ? { channel: 'sms', body: draft.body }
        : { channel: 'email', email: { subject: draft.subject ?? '', text: draft.body } };

    const appointment = sampleAppointment(input.appointmentId);
    const business = deps.settings.get();
    if (!appointment) {
      // A new business with no bookings yet: made-up details, so the wording can still be read.
      const links: MessageLinks = {
        manage: 'https://book.example.com/book/manage/sample-token',
        rebook: 'https://book.example.com/book',
      };
      const data = {
        customerName: 'Jane Doe',
        serviceName: 'Haircut',
        staffName: 'Sam',
        start: clock.now() + 24 * 3_600_000,
        timeZone: business.timeZone,
        businessName: business.name,
        manageLink: links.manage ?? '',
        rebookLink: links.rebook ?? '',
        paymentTerms: SAMPLE_TERMS,
      };
      return { ...renderText(draft.kind, template, data, links), appointmentId: null };
    }
    const links = deps.planner.linksOf(appointment);
    const customer = deps.customers.row(appointment.customerId);
    const data = templateData(deps, appointment, customer.name, links);
    return { ...renderText(draft.kind, template, data, links), appointmentId: appointment.id };
  };
}

export type TemplatePreview = ReturnType<typeof createTemplatePreview>;
