import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import {
  DEFAULT_TEMPLATES,
  SMS_MAX_SEGMENTS,
  TemplateError,
  formatStartLocal,
  render,
  textToHtml,
  validateTemplate,
  type TemplateData,
} from '../../main/domain/templates.js';
import { messageKinds } from '../../main/domain/message-kinds.js';
import { measureSms, smsEncoding } from '../../main/domain/sms-segments.js';

const DATA: TemplateData = {
  customerName: 'Ada Lovelace',
  serviceName: 'Cut & blow-dry',
  staffName: 'Sam',
  start: Date.UTC(2026, 11, 1, 9, 0),
  timeZone: 'Europe/London',
  businessName: 'Studio North',
  manageLink: 'https://book.example.com/m/tok_abc',
  rebookLink: 'https://book.example.com/book',
};

describe('SMS segments', () => {
  it('counts GSM-7 at 160 in one segment and 153 per segment after', () => {
    expect(measureSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms('a'.repeat(161)).segments).toBe(2);
    expect(measureSms('a'.repeat(306)).segments).toBe(2);
    expect(measureSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters twice and never splits one', () => {
    expect(measureSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms('{'.repeat(81)).segments).toBe(2);
    // 152 septets then "^": 154 > 153, so the escape pair starts segment two.
    const text = 'a'.repeat(152) + '^' + 'a'.repeat(152);
    expect(measureSms(text)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('switches to UCS-2 for any character outside GSM-7: 70, then 67 per segment', () => {
    expect(smsEncoding('Zoë')).toBe('UCS-2');
    expect(smsEncoding('Renée Müller, ¿Qué? Ñoño')).toBe('GSM-7');
    expect(smsEncoding('don’t')).toBe('UCS-2');
    expect(measureSms('ë'.repeat(70)).segments).toBe(1);
    expect(measureSms('ë'.repeat(71)).segments).toBe(2);
    expect(measureSms('ë'.repeat(134)).segments).toBe(2);
    expect(measureSms('ë'.repeat(135)).segments).toBe(3);
    // An emoji is a surrogate pair: two units that stay together.
    expect(measureSms('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    // 134 units would fill two segments of 67, but the pair cannot straddle the boundary.
    expect(measureSms('ë'.repeat(66) + '😀' + 'ë'.repeat(66))).toEqual({
      encoding: 'UCS-2',
      units: 134,
      segments: 3,
    });
  });
});

describe('templates', () => {
  it('formats the start on the business wall clock', () => {
    expect(formatStartLocal(DATA.start, 'Europe/London')).toBe('Tue 1 Dec, 09:00');
    expect(formatStartLocal(DATA.start, 'America/New_York')).toBe('Tue 1 Dec, 04:00');
  });

  it('formats any instant as date-fns does in that zone, across DST changes', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        // 2000–2040, to the minute: every DST change of those years in those zones included.
        fc.integer({ min: 946_684_800_000 / 60_000, max: 2_209_075_200_000 / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const ms = minute * 60_000;
          expect(formatStartLocal(ms, zone)).toBe(format(ms, 'EEE d MMM, HH:mm', { in: tz(zone) }));
        },
      ),
      { numRuns: 2000 },
    );
    // The second 01:30 of London's fall-back night is still 01:30 on the wall.
    expect(formatStartLocal(Date.UTC(2026, 9, 25, 1, 30), 'Europe/London')).toBe(
      'Sun 25 Oct, 01:30',
    );
  });

  it('names an unknown placeholder and lists the allowed ones', () => {
    const issues = validateTemplate('Hi {first_name}, see you {start_local} {Service}');
    expect(issues.map((i) => i.placeholder)).toEqual(['{first_name}', '{Service}']);
    expect(issues[0]!.message).toContain('Unknown placeholder {first_name}');
    expect(issues[0]!.message).toContain('{customer_first_name}, {customer_name}');
    expect(issues[1]!.message).toContain('did you mean {service}?');
    expect(validateTemplate(DEFAULT_TEMPLATES.reminder.sms)).toEqual([]);
    expect(() => render('reminder', 'sms', DATA, 'Hi {nope}')).toThrow(TemplateError);
  });

  it('every default template is valid, and its SMS fits one or two segments in GSM-7', () => {
    for (const kind of messageKinds) {
      const t = DEFAULT_TEMPLATES[kind];
      expect(validateTemplate(t.sms + t.email.subject + t.email.text)).toEqual([]);
      const sms = render(kind, 'sms', DATA);
      expect(sms.size.encoding).toBe('GSM-7');
      expect(sms.shortened).toBe(false);
    }
  });

  it('renders the confirmation SMS', () => {
    expect(render('confirmation', 'sms', DATA).body).toBe(
      "Hi Ada, you're booked at Studio North: Cut & blow-dry with Sam, Tue 1 Dec, 09:00.\n" +
        'Change or cancel: https://book.example.com/m/tok_abc',
    );
  });

  it('states the payment terms in the confirmation, and leaves no gap without them', () => {
    const paymentTerms =
      'Deposit £10.00 paid. Cancel by Mon 30 Nov, 09:00 for a full refund; after that the ' +
      'deposit is kept.';
    const sms = render('confirmation', 'sms', { ...DATA, paymentTerms });
    expect(sms.body).toBe(
      "Hi Ada, you're booked at Studio North: Cut & blow-dry with Sam, Tue 1 Dec, 09:00.\n" +
        `${paymentTerms}\n` +
        'Change or cancel: https://book.example.com/m/tok_abc',
    );
    expect(sms.size.encoding).toBe('GSM-7');
    const email = render('confirmation', 'email', { ...DATA, paymentTerms });
    expect(email.text).toContain(`Tue 1 Dec, 09:00\n\n${paymentTerms}\n\nNeed to change`);

    const none = render('confirmation', 'email', { ...DATA, paymentTerms: '' });
    expect(none.text).toContain('Tue 1 Dec, 09:00\n\nNeed to change');
    expect(none.text).not.toContain('\n\n\n');
    // Inside a sentence of the business's own template it simply renders empty.
    expect(render('confirmation', 'sms', DATA, 'Booked. {payment_terms}').body).toBe('Booked. ');
  });

  it('does not expand a placeholder typed into a value', () => {
    const body = render('confirmation', 'sms', { ...DATA, customerName: '{manage_link}' }).body;
    expect(body.startsWith('Hi {manage_link}, ')).toBe(true);
  });

  it('renders email with a one-line subject and HTML built from the escaped text', () => {
    const email = render('reminder', 'email', {
      ...DATA,
      serviceName: 'Cut <b>&</b>\nstyle',
    });
    expect(email.subject).toBe('Reminder: Cut <b>&</b> style, Tue 1 Dec, 09:00');
    expect(email.text).toContain('Hi Ada,\n\nA reminder');
    const html = textToHtml(email.text);
    expect(html).toContain('<p>Hi Ada,</p>');
    expect(html).toContain('Cut &lt;b&gt;&amp;&lt;/b&gt;<br>');
    expect(html).toContain(
      '<a href="https://book.example.com/m/tok_abc">https://book.example.com/m/tok_abc</a>',
    );
  });

  it('turns text into paragraphs, line breaks and links', () => {
    expect(textToHtml('One\ntwo\n\nSee https://x.example/a?b=1&c=2.')).toContain(
      '<p>One<br>\ntwo</p>\n<p>See <a href="https://x.example/a?b=1&amp;c=2">https://x.example/a?b=1&amp;c=2</a>.</p>',
    );
  });
});

describe('SMS shortening', () => {
  const long: TemplateData = {
    ...DATA,
    customerName: 'Alexandra Featherstonehaugh',
    serviceName:
      'Full head highlights with toner, gloss treatment, head massage and a blow-dry finish',
    staffName: 'Maximiliana Fitzgerald-Oyelaran',
    businessName: 'The Hair, Nails and Beauty Studio of Upper Wimbledon Village and Raynes Park',
  };

  it('caps long names first and keeps the manage link whole', () => {
    const sms = render('reminder', 'sms', long);
    expect(sms.shortened).toBe(true);
    expect(sms.size.segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(sms.body).toContain('Full head highlights with toner, glos...');
    expect(sms.body.endsWith('\nManage: https://book.example.com/m/tok_abc')).toBe(true);
  });

  it('cuts the prose at a word before it gives up the link', () => {
    const wordy = `${'Please remember to bring your patch-test card and arrive early. '.repeat(6)}{start_local}\nManage: {manage_link}`;
    const sms = render('reminder', 'sms', DATA, wordy);
    expect(sms.size.segments).toBe(2);
    expect(sms.body).toMatch(/\w\.\.\.\nManage: https:\/\/book\.example\.com\/m\/tok_abc$/);
  });

  it('drops the link line last of all, when the link alone would not fit', () => {
    const sms = render('reminder', 'sms', {
      ...DATA,
      manageLink: `https://x.example/${'a'.repeat(400)}`,
    });
    expect(sms.size.segments).toBeLessThanOrEqual(2);
    expect(sms.body).not.toContain('https://');
    expect(sms.body).toContain('Reminder: Cut & blow-dry');
  });

  it('always fits two segments, whatever the names', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(
        fc.constantFrom(...messageKinds),
        anyText,
        anyText,
        anyText,
        anyText,
        (kind, customerName, serviceName, staffName, businessName) => {
          const sms = render('confirmation', 'sms', {
            ...DATA,
            customerName,
            serviceName,
            staffName,
            businessName,
          });
          expect(sms.size.segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
          expect(render(kind, 'sms', { ...DATA, serviceName }).size.segments).toBeLessThanOrEqual(
            SMS_MAX_SEGMENTS,
          );
          // The link is either there whole or not at all.
          if (sms.body.includes('https://')) expect(sms.body).toContain(DATA.manageLink);
        },
      ),
      { numRuns: 300 },
    );
  });
});
