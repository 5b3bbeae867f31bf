// Customers found by their phone number however the receptionist types it: as it is said in the
// business's country, with or without spaces, the trunk 0 or the country code, or only a part.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBusiness, type TestBusiness } from '../support/app.js';

let biz: TestBusiness;

beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

async function found(search: string): Promise<string[]> {
  const { customers } = await biz.desk.value('customers.list', { search });
  return customers.map((c) => c.name);
}

describe('searching customers by phone', () => {
  beforeEach(async () => {
    await biz.desk.value('customers.create', { name: 'Hannah Phonecall', phone: '+447816413902' });
    await biz.desk.value('customers.create', { name: 'Other Person', phone: '07911 123456' });
    await biz.desk.value('customers.create', { name: 'Nora York', phone: '+1 212 555 0100' });
  });

  it.each([
    '07816 413902',
    '07816413902',
    '7816413902',
    '+44 7816 413902',
    '+447816413902',
    '0044 7816 413902',
    '(07816) 413-902',
    '07816 41',
    '413 902',
  ])('finds the customer by %j', async (search) => {
    expect(await found(search)).toEqual(['Hannah Phonecall']);
  });

  it('finds a foreign number by its international form and by its national digits', async () => {
    expect(await found('+1 212 555 0100')).toEqual(['Nora York']);
    expect(await found('001 212 555 0100')).toEqual(['Nora York']);
    expect(await found('212 555 0100')).toEqual(['Nora York']);
  });

  it('reads the number in the country the business is set to', async () => {
    const settings = await biz.desk.value('settings.get', {});
    await biz.desk.value('settings.update', { ...settings, country: 'US' });
    expect(await found('(212) 555-0100')).toEqual(['Nora York']);
    // In the US, 07816… is not a British number any more.
    expect(await found('07816 413902')).toEqual([]);
  });

  it('still searches names and emails, and a short number matches nothing by its country code', async () => {
    expect(await found('hannah')).toEqual(['Hannah Phonecall']);
    expect(await found('07')).toEqual([]);
  });
});
