// Appointment messages for phone customers: a customer added at the desk gets appointment texts
// and emails unless the receptionist unticks them, every consent records how and when it was
// given (desk, widget, import, a STOP or START text), and a STOP text wins over the desk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBusiness, london, type TestBusiness } from '../support/app.js';

let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

describe('consent to appointment messages', () => {
  it('is on for a customer added at the desk, recorded as given at the desk', async () => {
    const added = await biz.desk.value('customers.create', {
      name: 'Pat Phone',
      phone: '07911 123456',
    });
    expect(added).toMatchObject({
      smsConsent: true,
      emailConsent: true,
      smsConsentSource: 'desk',
      smsConsentAt: biz.clock.now(),
      emailConsentSource: 'desk',
    });
    const unticked = await biz.desk.value('customers.create', {
      name: 'No Texts',
      phone: '07911 123457',
      smsConsent: false,
      emailConsent: false,
    });
    expect(unticked).toMatchObject({ smsConsent: false, smsConsentSource: 'desk' });
  });

  it('is on for a new customer booked at the desk, and as asked in the booking', async () => {
    const booked = await biz.desk.value('appointments.create', {
      serviceId: biz.cut,
      staffId: biz.alice,
      start: london('2026-11-30', '10:00'),
      customer: { name: 'Walk In', phone: '07911 123458' },
    });
    expect(await biz.desk.value('customers.get', { id: booked.customerId })).toMatchObject({
      smsConsent: true,
      smsConsentSource: 'desk',
    });
    const declined = await biz.desk.value('appointments.create', {
      serviceId: biz.cut,
      staffId: biz.bob,
      start: london('2026-11-30', '10:00'),
      customer: { name: 'Quiet One', phone: '07911 123459' },
      smsConsent: false,
      emailConsent: false,
    });
    expect(await biz.desk.value('customers.get', { id: declined.customerId })).toMatchObject({
      smsConsent: false,
      emailConsent: false,
    });
  });

  it('records a widget booking and a CSV import as their source', async () => {
    const { appointment } = biz.app.services.bookings.create({
      serviceId: biz.cut,
      staffId: biz.alice,
      start: london('2026-11-30', '10:00'),
      customer: { name: 'Web Booker', phone: '07911 123460' },
      smsConsent: true,
      source: 'widget',
      actor: 'customer',
    });
    expect(await biz.desk.value('customers.get', { id: appointment.customerId })).toMatchObject({
      smsConsent: true,
      smsConsentSource: 'widget',
    });
    await biz.desk.value('customers.importCsv', {
      csv: 'name,phone,sms_consent\nImported Ivy,07911 123461,yes\n',
      mode: 'commit',
    });
    const { customers } = await biz.desk.value('customers.list', { search: 'Imported Ivy' });
    expect(customers[0]).toMatchObject({ smsConsent: true, smsConsentSource: 'import' });
  });

  it('lets a STOP text win over the desk until the customer texts START', async () => {
    const pat = await biz.desk.value('customers.create', {
      name: 'Pat Phone',
      phone: '07911 123456',
    });
    const text = (body: string, n: number) =>
      biz.app.services.inbox.receive({ messageSid: `SM${n}`, from: '+447911123456', body });
    text('STOP', 1);
    expect(await biz.desk.value('customers.get', { id: pat.id })).toMatchObject({
      smsConsent: false,
      smsConsentSource: 'sms_keyword',
    });

    // The desk cannot tick texts back on...
    const refused = await biz.desk.call('customers.update', { id: pat.id, smsConsent: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.details).toMatchObject({ fields: [{ field: 'smsConsent' }] });
    }
    // ...nor does a desk booking under the same number with the box ticked.
    await biz.desk.value('appointments.create', {
      serviceId: biz.cut,
      staffId: biz.alice,
      start: london('2026-11-30', '14:00'),
      customer: { name: 'Pat Phone', phone: '07911 123456' },
      smsConsent: true,
    });
    expect((await biz.desk.value('customers.get', { id: pat.id })).smsConsent).toBe(false);

    text('START', 2);
    expect(await biz.desk.value('customers.get', { id: pat.id })).toMatchObject({
      smsConsent: true,
      smsConsentSource: 'sms_keyword',
    });
  });
});
