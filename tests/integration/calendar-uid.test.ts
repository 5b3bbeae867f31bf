// One calendar event per booking: the widget's "Add to calendar" file and the booking emails' .ics
// (real nodemailer to the real SMTP fake) name the same UID, so a customer who imports the file
// and accepts the email keeps one event, and the cancellation email takes that one away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import type { Booking } from '../../renderer/widget/api.js';
import { bookingIcsEvent, icsFor } from '../../renderer/widget/ics.js';
import { startSmtpFake, type SmtpFake } from '../fakes/smtp.js';
import { SALON_FROM } from '../support/messaging.js';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
let smtp: SmtpFake;

beforeEach(async () => {
  [server, smtp] = await Promise.all([startPublicHost(), startSmtpFake()]);
  server.host.app.services.connections.update({
    smtp: {
      host: smtp.host,
      port: smtp.port,
      user: smtp.user,
      password: smtp.pass,
      from: SALON_FROM,
    },
  });
});
afterEach(async () => {
  await server.close();
  await smtp.close();
});

/** Unfolded (RFC 5545 §3.1), so a value reads whole whatever the line length. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

const field = (ics: string, name: string) =>
  new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*?)\\r?$`, 'm').exec(unfold(ics))?.[1];

function calendarOf(mail: ParsedMail): string {
  const ics = mail.attachments.find((a) => /calendar/.test(a.contentType));
  if (!ics) throw new Error(`no .ics on "${mail.subject ?? ''}"`);
  return ics.content.toString('utf8');
}

async function mailCount(count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 10_000;
  while (smtp.received.length < count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(smtp.received).toHaveLength(count);
  return smtp.received.map((r) => r.parsed);
}

describe('the UID of a booking in calendar files', () => {
  it('is the same in the widget’s file and in the confirmation and cancellation emails', async () => {
    const created = await call<{ booking: Booking; manage_token: string }>(
      `${server.url}/api/bookings`,
      {
        method: 'POST',
        body: {
          service_id: server.cut,
          staff_id: server.alice,
          start: '2026-12-01T09:00:00+00:00',
          customer: { name: 'Jane Doe', email: 'jane@example.com' },
        },
      },
    );
    expect(created.status).toBe(201);
    // What the widget's confirmation step offers for download, from this very answer.
    const widgetFile = icsFor(bookingIcsEvent(created.body.booking, 'Manage: https://x.example'));

    const [confirmation] = await mailCount(1);
    const uid = field(calendarOf(confirmation!), 'UID');
    expect(uid).toMatch(/\S/);
    expect(field(widgetFile, 'UID')).toBe(uid);

    const cancelled = await call(`${server.url}/api/bookings/${created.body.manage_token}`, {
      method: 'DELETE',
    });
    expect(cancelled.status).toBe(200);
    const [, cancellation] = await mailCount(2);
    const cancel = calendarOf(cancellation!);
    expect(field(cancel, 'METHOD')).toBe('CANCEL');
    expect(field(cancel, 'UID')).toBe(uid);
  });
});
