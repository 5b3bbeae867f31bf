// The business's own wording per message kind and channel (message_templates); a kind without a
// saved row uses the default of domain/default-templates.ts. Placeholders are checked on save,
// so a typo is refused with its name instead of reaching a customer as "{servcie}".
import { and, eq, sql } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema.js';
import type { MessageTemplateView } from '../../preload/contract/index.js';
import {
  messageChannels,
  messageKinds,
  type MessageChannel,
  type MessageKind,
} from '../domain/message-kinds.js';
import { DEFAULT_TEMPLATES, validateTemplate, type EmailTemplate } from '../domain/templates.js';
import { ValidationError, type FieldIssue } from '../core/errors.js';
import type { Core } from '../core/context.js';

export interface TemplateDraft {
  kind: MessageKind;
  channel: MessageChannel;
  subject?: string | null | undefined;
  body: string;
}

/** What the renderer needs for one kind on one channel. */
export type TemplateText =
  { channel: 'sms'; body: string } | { channel: 'email'; email: EmailTemplate };

/** Every problem with a draft, by field (subject, body); empty when it can be saved. */
export function templateIssues(draft: TemplateDraft): FieldIssue[] {
  const issues: FieldIssue[] = validateTemplate(draft.body).map((i) => ({
    field: 'body',
    message: i.message,
  }));
  if (draft.body.trim() === '') issues.push({ field: 'body', message: 'must not be empty' });
  if (draft.channel === 'email') {
    const subject = draft.subject ?? '';
    if (subject.trim() === '')
      issues.push({ field: 'subject', message: 'an email needs a subject' });
    if (/[\r\n]/.test(subject)) issues.push({ field: 'subject', message: 'must be one line' });
    issues.push(
      ...validateTemplate(subject).map((i) => ({ field: 'subject', message: i.message })),
    );
  }
  return issues;
}

export function createTemplateStore(core: Core) {
  const { db, clock } = core;
  // Read for every message planned: prepared once rather than rebuilt by drizzle on each call.
  const readStatement = db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.kind, sql.placeholder('kind')),
        eq(messageTemplates.channel, sql.placeholder('channel')),
      ),
    )
    .prepare();
  const readOne = (kind: MessageKind, channel: MessageChannel) =>
    readStatement.get({ kind, channel });

  function view(kind: MessageKind, channel: MessageChannel): MessageTemplateView {
    const saved = readOne(kind, channel);
    const defaults = DEFAULT_TEMPLATES[kind];
    if (saved) {
      return {
        kind,
        channel,
        subject: channel === 'email' ? (saved.subject ?? defaults.email.subject) : null,
        body: saved.body,
        isDefault: false,
      };
    }
    return channel === 'sms'
      ? { kind, channel, subject: null, body: defaults.sms, isDefault: true }
      : {
          kind,
          channel,
          subject: defaults.email.subject,
          body: defaults.email.text,
          isDefault: true,
        };
  }

  return {
    view,
    list: (): MessageTemplateView[] =>
      messageKinds.flatMap((kind) => messageChannels.map((channel) => view(kind, channel))),

    /** The wording the planner renders with. */
    text(kind: MessageKind, channel: MessageChannel): TemplateText {
      const v = view(kind, channel);
      return channel === 'sms'
        ? { channel, body: v.body }
        : { channel, email: { subject: v.subject ?? '', text: v.body } };
    },

    save(draft: TemplateDraft): MessageTemplateView {
      const issues = templateIssues(draft);
      if (issues.length > 0) throw new ValidationError(issues);
      const values = {
        subject: draft.channel === 'email' ? (draft.subject ?? '').trim() : null,
        body: draft.body,
        updatedAt: clock.now(),
      };
      db.insert(messageTemplates)
        .values({ kind: draft.kind, channel: draft.channel, ...values })
        .onConflictDoUpdate({
          target: [messageTemplates.kind, messageTemplates.channel],
          set: values,
        })
        .run();
      return view(draft.kind, draft.channel);
    },

    reset(kind: MessageKind, channel: MessageChannel): MessageTemplateView {
      db.delete(messageTemplates)
        .where(and(eq(messageTemplates.kind, kind), eq(messageTemplates.channel, channel)))
        .run();
      return view(kind, channel);
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
