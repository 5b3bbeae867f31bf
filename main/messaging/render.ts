// The words of planned messages, written when they are planned (not when sent), so the outbox the
// desk reads is exactly what the customer will receive. The wording is the business's own
// template when it saved one (templates.ts), else the default.
//
// Links: {manage_link} and {rebook_link} start with the public base URL (connection settings).
// Without one — or without the manage token (see planner.ts manageLinkOf) — the template lines
// carrying that placeholder are left out of the text (they stand on their own lines in the
// default templates for this reason), so a customer never reads "undefined" or a bare path.
import type { appointments } from '../../db/schema.js';
import type { MessageChannel, MessageKind, PlannedMessage } from '../domain/message-kinds.js';
import type { Recipient } from '../domain/reminder-plan.js';
import { render, type TemplateData } from '../domain/templates.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { PaymentTermsReader } from '../payments/index.js';
import type { TemplateText, TemplateStore } from './templates.js';
import type { NewOutboxMessage } from './outbox.js';

export type RenderRecipient = Recipient & { name: string };

export interface MessageLinks {
  /** {public base}/book/manage/{token}; null when it cannot be built. */
  manage: string | null;
  /** {public base}/book?service={id}; null without a public base URL. */
  rebook: string | null;
}

export interface RenderDeps {
  settings: SettingsService;
  catalog: CatalogService;
  templates: TemplateStore;
  paymentTerms: PaymentTermsReader;
}

type AppointmentRow = typeof appointments.$inferSelect;

/** The template without the lines of links that cannot be built. */
function withoutMissingLinks(template: string, links: MessageLinks): string {
  const missing = [
    ...(links.manage === null ? ['{manage_link}'] : []),
    ...(links.rebook === null ? ['{rebook_link}'] : []),
  ];
  if (missing.length === 0) return template;
  return template
    .split('\n')
    .filter((line) => !missing.some((p) => line.includes(p)))
    .join('\n');
}

/** A removed link line can leave two blank lines in a row, or one at the end. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export function templateData(
  deps: Pick<RenderDeps, 'settings' | 'catalog' | 'paymentTerms'>,
  appointment: AppointmentRow,
  customerName: string,
  links: MessageLinks,
): TemplateData {
  const business = deps.settings.get();
  return {
    customerName,
    serviceName: deps.catalog.serviceRow(appointment.serviceId).name,
    staffName: deps.catalog.staffRow(appointment.staffId).name,
    start: appointment.startAt,
    timeZone: business.timeZone,
    businessName: business.name,
    manageLink: links.manage ?? '',
    rebookLink: links.rebook ?? '',
    paymentTerms: deps.paymentTerms(appointment),
  };
}

export interface RenderedText {
  subject: string | null;
  body: string;
  segments: number | null;
}

/** One message's words from `template` (throws TemplateError on an unknown placeholder). */
export function renderText(
  kind: MessageKind,
  template: TemplateText,
  data: TemplateData,
  links: MessageLinks,
): RenderedText {
  if (template.channel === 'sms') {
    const sms = render(kind, 'sms', data, withoutMissingLinks(template.body, links));
    return { subject: null, body: tidy(sms.body), segments: sms.size.segments };
  }
  const email = render(kind, 'email', data, {
    subject: template.email.subject,
    text: withoutMissingLinks(template.email.text, links),
  });
  return { subject: email.subject, body: tidy(email.text), segments: null };
}

/** Outbox rows for `planned`, each with its words; a channel the customer lacks gets none. */
export function renderPlanned(
  deps: RenderDeps,
  appointment: AppointmentRow,
  planned: readonly PlannedMessage[],
  recipient: RenderRecipient,
  links: MessageLinks,
): NewOutboxMessage[] {
  if (planned.length === 0) return [];
  const data = templateData(deps, appointment, recipient.name, links);
  const addressOf = (channel: MessageChannel) =>
    channel === 'sms' ? recipient.phone : recipient.email;
  return planned.flatMap((m): NewOutboxMessage[] => {
    const to = addressOf(m.channel);
    if (!to) return [];
    const text = renderText(m.kind, deps.templates.text(m.kind, m.channel), data, links);
    return [
      {
        appointmentId: appointment.id,
        customerId: appointment.customerId,
        channel: m.channel,
        kind: m.kind,
        dueAt: m.dueAt,
        dedupeKey: m.dedupeKey,
        to,
        subject: text.subject,
        body: text.body,
      },
    ];
  });
}
