// The words of every message: a default template per kind and channel, placeholders checked when
// the business saves its own, and rendering — SMS kept within two segments, email as text plus
// HTML built from that same text.
//
// SMS shortening, in order, stopping as soon as the text fits two segments (sms-segments.ts):
//   1. cap the free-text names (customer, service, staff, business) at 40, then 24, then 12
//      characters ("Full head highlights and..." still says what it is);
//   2. cut the prose at a word boundary with "...", keeping the link lines whole (moved to the
//      end) — the manage/rebook link is what lets a customer cancel instead of not turning up;
//   3. last of all, drop the link lines too and cut what is left. A link is never cut in half.
import type { MessageChannel, MessageKind } from './message-kinds.js';
import { utcToWallClockMs } from './time.js';
import { measureSms, type SmsSize } from './sms-segments.js';
import { DEFAULT_TEMPLATES, type EmailTemplate } from './default-templates.js';

export { DEFAULT_TEMPLATES, type EmailTemplate, type KindTemplates } from './default-templates.js';

export const templatePlaceholders = [
  'customer_first_name',
  'customer_name',
  'service',
  'staff',
  'start_local',
  'business_name',
  'manage_link',
  'rebook_link',
  'payment_terms',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

export const SMS_MAX_SEGMENTS = 2;
const NAME_PLACEHOLDERS: readonly TemplatePlaceholder[] = [
  'customer_first_name',
  'customer_name',
  'service',
  'staff',
  'business_name',
];
const LINK_PLACEHOLDERS: readonly TemplatePlaceholder[] = ['manage_link', 'rebook_link'];
const NAME_CAPS = [40, 24, 12];
const ELLIPSIS = '...'; // not "…": that one character would switch the whole SMS to UCS-2

export interface TemplateData {
  customerName: string;
  serviceName: string;
  staffName: string;
  /** UTC epoch ms, shown in the business's zone. */
  start: number;
  timeZone: string;
  businessName: string;
  manageLink: string;
  rebookLink: string;
  /** The booking's deposit, refund and no-show terms in plain words; empty or absent: none. */
  paymentTerms?: string;
}

export interface TemplateIssue {
  placeholder: string;
  message: string;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => i.message).join(' '));
  }
}

const PLACEHOLDER_RE = /\{([^{}\s]*)\}/g;
const allowed = new Set<string>(templatePlaceholders);

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return allowed.has(name);
}

/** Unknown placeholders, each with a message that names it and lists the allowed ones. */
export function validateTemplate(text: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_RE)) {
    const name = match[1] ?? '';
    if (isPlaceholder(name) || seen.has(name)) continue;
    seen.add(name);
    const hint = templatePlaceholders.find((p) => p === name.toLowerCase());
    issues.push({
      placeholder: `{${name}}`,
      message:
        `Unknown placeholder {${name}}` +
        (hint ? ` (did you mean {${hint}}?)` : '') +
        `. Allowed placeholders: ${templatePlaceholders.map((p) => `{${p}}`).join(', ')}.`,
    });
  }
  return issues;
}

/** "Tue 1 Dec, 09:00" on the business's wall clock. */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * "Tue 1 Dec, 09:00" in the business's zone. The messages are written in English, so the names
 * are spelled here rather than formatted through Intl: the zone arithmetic is time.ts's (exact
 * across DST), and every planned message of every booking formats its start this way.
 */
export function formatStartLocal(start: number, timeZone: string): string {
  const wall = new Date(utcToWallClockMs(start, timeZone));
  return (
    `${WEEKDAYS[wall.getUTCDay()]} ${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]}, ` +
    `${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`
  );
}

type Values = Record<TemplatePlaceholder, string>;

function valuesOf(data: TemplateData): Values {
  const customerName = data.customerName.trim();
  return {
    customer_first_name: customerName.split(/\s+/)[0] ?? '',
    customer_name: customerName,
    service: data.serviceName,
    staff: data.staffName,
    start_local: formatStartLocal(data.start, data.timeZone),
    business_name: data.businessName,
    manage_link: data.manageLink,
    rebook_link: data.rebookLink,
    payment_terms: data.paymentTerms ?? '',
  };
}

/**
 * Without payment terms, a line that holds nothing but {payment_terms} goes, with one of the blank
 * lines around it, so a booking without a deposit reads exactly as it did before terms existed.
 */
function withoutEmptyTermsLine(template: string, values: Values): string {
  if (values.payment_terms !== '') return template;
  const lines = template.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '{payment_terms}') {
      kept.push(lines[i] ?? '');
      continue;
    }
    if (kept.at(-1)?.trim() === '' && lines[i + 1]?.trim() === '') i++;
  }
  return kept.join('\n');
}

/**
 * Templates already found valid. A booking fills the same few templates for each of its
 * messages; checking each placeholder again every time was a measurable share of a booking.
 * Bounded: a business has a few dozen templates, and edits make new strings.
 */
const validTemplates = new Set<string>();

function assertValid(raw: string): void {
  if (validTemplates.has(raw)) return;
  const issues = validateTemplate(raw);
  if (issues.length > 0) throw new TemplateError(issues);
  if (validTemplates.size >= 256) validTemplates.clear();
  validTemplates.add(raw);
}

/** One pass, so a value that looks like a placeholder (a name typed as "{staff}") stays literal. */
function fill(raw: string, values: Values): string {
  assertValid(raw);
  const template = withoutEmptyTermsLine(raw, values);
  return template.replace(PLACEHOLDER_RE, (_, name: string) =>
    isPlaceholder(name) ? values[name] : `{${name}}`,
  );
}

function capNames(values: Values, max: number): Values {
  const capped = { ...values };
  for (const name of NAME_PLACEHOLDERS) {
    const chars = Array.from(values[name]);
    if (chars.length > max) {
      capped[name] =
        chars
          .slice(0, max - ELLIPSIS.length)
          .join('')
          .trimEnd() + ELLIPSIS;
    }
  }
  return capped;
}

const fitsSms = (text: string) => measureSms(text).segments <= SMS_MAX_SEGMENTS;

/** The longest start of `prose` (cut at a word where one is near) that fits with `suffix`. */
function cutToFit(prose: string, suffix: string): string | null {
  const chars = Array.from(prose);
  const build = (n: number) =>
    (n === chars.length
      ? prose
      : chars
          .slice(0, n)
          .join('')
          .replace(/[\s.,;:!?-]+$/, '') + ELLIPSIS) + suffix;
  if (!fitsSms(build(0))) return null;
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsSms(build(mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < chars.length && !/\s/.test(chars[lo] ?? '')) {
    for (let i = lo - 1; i > 0 && i >= lo - 20; i--) {
      if (/\s/.test(chars[i] ?? '')) return build(i);
    }
  }
  return build(lo);
}

export interface RenderedSms {
  channel: 'sms';
  body: string;
  size: SmsSize;
  /** True when the text had to be shortened to fit two segments. */
  shortened: boolean;
}

/** The HTML part is made from `text` when the email leaves (textToHtml), not kept beside it. */
export interface RenderedEmail {
  channel: 'email';
  subject: string;
  text: string;
}

/** The template filled with names capped ever shorter until it fits; null when none does. */
function fillToFit(template: string, values: Values): string | null {
  for (const max of [Infinity, ...NAME_CAPS]) {
    const body = fill(template, max === Infinity ? values : capNames(values, max));
    if (fitsSms(body)) return body;
  }
  return null;
}

export function renderSmsText(template: string, data: TemplateData): RenderedSms {
  const values = valuesOf(data);
  const full = fill(template, values);
  const done = (body: string): RenderedSms => ({
    channel: 'sms',
    body,
    size: measureSms(body),
    shortened: body !== full,
  });
  const capped = fillToFit(template, values);
  if (capped !== null) return done(capped);

  const lines = template.split('\n');
  const isLinkLine = (line: string) => LINK_PLACEHOLDERS.some((p) => line.includes(`{${p}}`));
  const proseTemplate = lines.filter((l) => !isLinkLine(l)).join('\n');
  const smallest = capNames(values, NAME_CAPS[NAME_CAPS.length - 1] ?? 12);
  const prose = fill(proseTemplate, smallest);
  const links = fill(lines.filter(isLinkLine).join('\n'), smallest);
  const kept = links ? cutToFit(prose, `\n${links}`) : null;
  if (kept !== null) return done(kept);
  // The link alone is too long to fit: without it, start again from the uncapped names.
  // An empty prefix plus "..." always fits, so the last cut cannot fail.
  return done(fillToFit(proseTemplate, values) ?? cutToFit(prose, '') ?? ELLIPSIS);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped text, blank lines → paragraphs, line breaks → <br>, web addresses → links. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) =>
      escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>\n'),
    );
  return `<!doctype html>\n<html><body>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</body></html>\n`;
}

export function renderEmailText(template: EmailTemplate, data: TemplateData): RenderedEmail {
  const values = valuesOf(data);
  return {
    channel: 'email',
    // A header is one line: a name typed with a line break must not start a new header.
    subject: fill(template.subject, values)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: fill(template.text, values),
  };
}

/** Renders the kind's template — the business's own when given, else the default. */
export function render(
  kind: MessageKind,
  channel: 'sms',
  data: TemplateData,
  template?: string,
): RenderedSms;
export function render(
  kind: MessageKind,
  channel: 'email',
  data: TemplateData,
  template?: EmailTemplate,
): RenderedEmail;
export function render(
  kind: MessageKind,
  channel: MessageChannel,
  data: TemplateData,
  template?: string | EmailTemplate,
): RenderedSms | RenderedEmail;
export function render(
  kind: MessageKind,
  channel: MessageChannel,
  data: TemplateData,
  template?: string | EmailTemplate,
): RenderedSms | RenderedEmail {
  const defaults = DEFAULT_TEMPLATES[kind];
  switch (channel) {
    case 'sms':
      return renderSmsText(typeof template === 'string' ? template : defaults.sms, data);
    case 'email':
      return renderEmailText(typeof template === 'object' ? template : defaults.email, data);
    default: {
      const never: never = channel;
      throw new Error(`Unknown channel ${String(never)}`);
    }
  }
}
