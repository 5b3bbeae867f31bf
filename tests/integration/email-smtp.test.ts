// The real nodemailer client against a real SMTP server on loopback: the message a customer's
// mail client receives — subject, text, HTML, our Message-ID, and an .ics that keeps one event
// up to date through a reschedule and removes it on cancel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { createSmtpEmailSender } from '../../main/integrations/email/smtp.js';
import { createDemoEmailSender } from '../../main/integrations/email/demo.js';
import {
  buildAppointmentInvite,
  type AppointmentInvite,
} from '../../main/integrations/email/calendar.js';
import {
  EmailError,
  stableMessageId,
  type EmailSender,
  type OutgoingEmail,
} from '../../main/integrations/email/email-sender.js';
import { render, textToHtml } from '../../main/domain/templates.js';
import { startSmtpFake, type SmtpFake } from '../fakes/smtp.js';

const FROM = '"Studio North" <bookings@studio.example>';
const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 1, 9, 0);

let smtp: SmtpFake;
let email: EmailSender;
const extraSenders: EmailSender[] = [];

beforeAll(async () => {
  smtp = await startSmtpFake();
  email = createSmtpEmailSender({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    user: smtp.user,
    pass: smtp.pass,
    from: FROM,
  });
});
afterEach(() => extraSenders.splice(0).forEach((s) => s.close()));
afterAll(async () => {
  email.close();
  email.close(); // closing twice is harmless
  await smtp.close();
});

const invite = (over: Partial<AppointmentInvite>): AppointmentInvite => ({
  appointmentId: 'apt_1',
  sequence: 0,
  start: START,
  end: START + HOUR,
  summary: 'Cut & blow-dry with Sam',
  organizer: { name: 'Studio North', email: 'bookings@studio.example' },
  attendee: { name: 'Ada Lovelace', email: 'ada@example.com' },
  stamp: START - 10 * 24 * HOUR,
  cancelled: false,
  ...over,
});

function message(id: string, start: number, ics: AppointmentInvite): OutgoingEmail {
  const rendered = render('confirmation', 'email', {
    customerName: 'Ada Lovelace',
    serviceName: 'Cut & blow-dry',
    staffName: 'Sam',
    start,
    timeZone: 'Europe/London',
    businessName: 'Studio North',
    manageLink: 'https://book.example.com/m/tok_abc',
    rebookLink: 'https://book.example.com/book',
  });
  return {
    to: 'ada@example.com',
    subject: rendered.subject,
    text: rendered.text,
    html: textToHtml(rendered.text),
    messageId: stableMessageId(id, FROM),
    icalEvent: buildAppointmentInvite(ics),
  };
}

/** The calendar text attached to a received message, unfolded (RFC 5545 §3.1). */
function calendarOf(mail: ParsedMail): string {
  const ics = mail.attachments.find((a) => /calendar|ics/.test(a.contentType));
  expect(ics, 'an .ics attachment').toBeDefined();
  return ics!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
}

const field = (ics: string, name: string) =>
  new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(ics)?.[1]?.trim();

async function failure(promise: Promise<unknown>): Promise<EmailError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailError);
  return error as EmailError;
}

describe('sending over SMTP', () => {
  it('delivers subject, text, HTML, our Message-ID and a REQUEST invitation', async () => {
    const receipt = await email.send(message('msg_1', START, invite({})));
    expect(receipt.providerId).toBe('<msg_1@studio.example>');
    expect(receipt.status).toMatch(/^250/);

    const got = smtp.received.at(-1)!;
    expect(got.user).toBe(smtp.user);
    expect(got.from).toBe('bookings@studio.example');
    expect(got.to).toEqual(['ada@example.com']);
    const mail = got.parsed;
    expect(mail.messageId).toBe('<msg_1@studio.example>');
    expect(mail.subject).toBe('Booking confirmed: Cut & blow-dry, Tue 1 Dec, 09:00');
    expect(mail.text).toContain('Your booking at Studio North is confirmed');
    expect(mail.html).toContain('<a href="https://book.example.com/m/tok_abc">');
    expect(mail.html).toContain('Cut &amp; blow-dry with Sam');

    const ics = calendarOf(mail);
    expect(field(ics, 'METHOD')).toBe('REQUEST');
    expect(field(ics, 'UID')).toBe('apt_1@bookingsync');
    expect(field(ics, 'SEQUENCE')).toBe('0');
    expect(field(ics, 'STATUS')).toBe('CONFIRMED');
    expect(field(ics, 'DTSTART')).toBe('20261201T090000Z');
    expect(field(ics, 'DTEND')).toBe('20261201T100000Z');
  });

  it('keeps the UID through a reschedule (SEQUENCE up) and cancels the same event', async () => {
    const moved = START + 2 * 24 * HOUR;
    await email.send(
      message('msg_2', moved, invite({ sequence: 1, start: moved, end: moved + HOUR })),
    );
    const rescheduled = calendarOf(smtp.received.at(-1)!.parsed);
    expect(field(rescheduled, 'UID')).toBe('apt_1@bookingsync');
    expect(field(rescheduled, 'SEQUENCE')).toBe('1');
    expect(field(rescheduled, 'METHOD')).toBe('REQUEST');
    expect(field(rescheduled, 'DTSTART')).toBe('20261203T090000Z');

    await email.send(
      message(
        'msg_3',
        moved,
        invite({ sequence: 2, start: moved, end: moved + HOUR, cancelled: true }),
      ),
    );
    const cancelled = calendarOf(smtp.received.at(-1)!.parsed);
    expect(field(cancelled, 'UID')).toBe('apt_1@bookingsync');
    expect(field(cancelled, 'SEQUENCE')).toBe('2');
    expect(field(cancelled, 'METHOD')).toBe('CANCEL');
    expect(field(cancelled, 'STATUS')).toBe('CANCELLED');
  });
});

describe('SMTP failures', () => {
  it('a refused recipient is invalid_address, for good', async () => {
    smtp.rejectRecipient('gone@example.com');
    const error = await failure(
      email.send({ ...message('m', START, invite({})), to: 'gone@example.com' }),
    );
    expect(error.kind).toBe('invalid_address');
    expect(error.retryable).toBe(false);
  });

  it('a 451 at DATA is transient and certainly not accepted', async () => {
    smtp.failNextMessage(451);
    const error = await failure(email.send(message('m', START, invite({}))));
    expect(error.kind).toBe('transient');
    expect(error.server.responseCode).toBe(451);
    expect(error.deliveryUnknown).toBe(false);
  });

  it('wrong credentials are an auth failure', async () => {
    const wrong = createSmtpEmailSender({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      user: smtp.user,
      pass: 'wrong',
      from: FROM,
    });
    extraSenders.push(wrong);
    expect((await failure(wrong.send(message('m', START, invite({}))))).kind).toBe('auth');
  });

  it('no server listening is transient and certainly not sent', async () => {
    const closed = await startSmtpFake();
    await closed.close();
    const offline = createSmtpEmailSender({
      host: closed.host,
      port: closed.port,
      secure: false,
      from: FROM,
      timeoutMs: 2_000,
    });
    extraSenders.push(offline);
    const error = await failure(offline.send(message('m', START, invite({}))));
    expect(error.kind).toBe('transient');
    expect(error.deliveryUnknown).toBe(false);
  });
});

describe('demo email', () => {
  it('answers with the Message-ID and sends nothing', async () => {
    const demo = createDemoEmailSender();
    const before = smtp.received.length;
    expect(await demo.send(message('msg_9', START, invite({})))).toEqual({
      providerId: '<msg_9@studio.example>',
      status: 'demo',
    });
    expect(smtp.received.length).toBe(before);
    expect(
      (await failure(demo.send({ ...message('m', START, invite({})), to: 'nope' }))).kind,
    ).toBe('invalid_address');
  });
});
