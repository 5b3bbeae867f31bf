// The words of planned messages, written when they are planned (not when sent), so the outbox the
// desk reads is exactly what the customer will receive.
//
// Links: manage tokens are stored hashed, so the customer's manage link cannot be rebuilt here,
// and there is no public base-URL setting yet for a /book link. Until there is, the template lines
// carrying {manage_link} / {rebook_link} are left out of the rendered text (they stand on their
// own lines in the default templates for this reason) — the SMS reminder still says "Reply C to
// confirm or CANCEL to cancel".
import type { appointments } from '../../db/schema.js';
import type { PlannedMessage } from '../domain/message-kinds.js';
import type { Recipient } from '../domain/reminder-plan.js';
import { DEFAULT_TEMPLATES, render, type TemplateData } from '../domain/templates.js';
import type { CatalogService } from './catalog.js';
import type { NewOutboxMessage } from './outbox.js';
import type { SettingsService } from './settings.js';

export type RenderRecipient = Recipient & { name: string };

const LINK_LINE = /\{(manage_link|rebook_link)\}/;

/** The template without its link lines (see the header: no links can be rendered yet). */
function withoutLinks(template: string): string {
  return template
    .split('\n')
    .filter((line) => !LINK_LINE.test(line))
    .join('\n');
}

/** A removed link line can leave two blank lines in a row, or one at the end. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** Outbox rows for `planned`, each with its words; a channel the customer lacks gets none. */
export function renderPlanned(
  deps: { settings: SettingsService; catalog: CatalogService },
  appointment: typeof appointments.$inferSelect,
  planned: readonly PlannedMessage[],
  recipient: RenderRecipient,
): NewOutboxMessage[] {
  if (planned.length === 0) return [];
  const business = deps.settings.get();
  const data: TemplateData = {
    customerName: recipient.name,
    serviceName: deps.catalog.serviceRow(appointment.serviceId).name,
    staffName: deps.catalog.staffRow(appointment.staffId).name,
    start: appointment.startAt,
    timeZone: business.timeZone,
    businessName: business.name,
    manageLink: '',
    rebookLink: '',
  };
  return planned.flatMap((m): NewOutboxMessage[] => {
    const templates = DEFAULT_TEMPLATES[m.kind];
    const base = {
      appointmentId: appointment.id,
      customerId: appointment.customerId,
      channel: m.channel,
      kind: m.kind,
      dueAt: m.dueAt,
      dedupeKey: m.dedupeKey,
    };
    if (m.channel === 'sms') {
      if (!recipient.phone) return [];
      const sms = render(m.kind, 'sms', data, withoutLinks(templates.sms));
      return [{ ...base, to: recipient.phone, subject: null, body: tidy(sms.body) }];
    }
    if (!recipient.email) return [];
    const email = render(m.kind, 'email', data, {
      subject: templates.email.subject,
      text: withoutLinks(templates.email.text),
    });
    return [{ ...base, to: recipient.email, subject: email.subject, body: tidy(email.text) }];
  });
}
