// Small pieces every screen uses: a step heading that takes focus (so a screen reader announces
// the new step), the live region, and the notice about the visitor's time zone.
import { useEffect, useRef } from 'react';
import type { BusinessContact } from './api.js';
import { sameClockForVisitor, visitorZone } from './format.js';
import { fill, type Labels } from './labels.js';

export function StepHeading(props: { text: string; focus: boolean; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only after the visitor acted: a widget that grabs focus on page load would hijack the page.
    if (props.focus) ref.current?.focus();
  }, [props.text, props.focus]);
  return (
    <h2 ref={ref} tabIndex={-1} data-testid={props.testId ?? 'step-heading'}>
      {props.text}
    </h2>
  );
}

export interface LiveMessage {
  text: string;
  tone: 'error' | 'ok';
  code?: string;
  /** Problems listed under the text, one a line, so none hides in a run-on sentence. */
  lines?: string[];
}

/** Always in the tree, so assistive technology has registered it before text appears in it. */
export function Live(props: { message: LiveMessage | null }) {
  return (
    <div
      class="live"
      role="status"
      aria-live="assertive"
      data-testid="live"
      data-tone={props.message?.tone}
      data-code={props.message?.code}
    >
      {props.message?.text ?? ''}
      {props.message?.lines?.length ? (
        <ul>
          {props.message.lines.map((line) => (
            <li key={line} data-testid="live-line">
              {line}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Shown when the visitor's own clock would read any of `instants` differently. */
export function ZoneNotice(props: { zone: string; instants: readonly string[]; labels: Labels }) {
  if (sameClockForVisitor(props.instants)) return null;
  const mine = visitorZone();
  return (
    <p class="notice" data-testid="zone-notice">
      {fill(props.labels.zoneNotice, { zone: props.zone, visitor: mine })}
    </p>
  );
}

/** "24 hours", "30 days": the cut-off as the business would say it (never "1 days"). */
export function durationWords(labels: Labels, minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 2 * 1440)
    return fill(labels.days, { n: String(minutes / 1440) });
  if (minutes % 60 === 0) return fill(labels.hours, { n: String(minutes / 60) });
  return fill(labels.minutes, { n: String(minutes) });
}

/** Has the cut-off already passed for a booking starting at `start`? Read on the visitor's clock. */
export function insideCutoff(start: string, cutoffMinutes: number): boolean {
  return Date.parse(start) - cutoffMinutes * 60_000 < Date.now();
}

/**
 * Why the widget cannot do it, then whom to call, with the number as a tel: link so a phone
 * dials it in one tap.
 */
export function CallBusiness(props: {
  reason: string;
  business: BusinessContact;
  labels: Labels;
  testId: string;
}) {
  const { business, labels } = props;
  const phone = business.phone;
  return (
    <p class="notice" data-testid={props.testId}>
      {props.reason} {fill(labels.callUs, { name: business.name })}
      {phone ? (
        <>
          {` ${labels.callOn} `}
          <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
        </>
      ) : null}
      .
    </p>
  );
}
