// customers.getMany: the calendar's one call for the names on screen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBusiness, type TestBusiness } from '../support/app.js';

let biz: TestBusiness;
beforeEach(() => {
  biz = createTestBusiness();
});
afterEach(() => biz.dispose());

describe('customers.getMany', () => {
  it('answers the customers asked for once each, leaving out ids that name nobody', async () => {
    const jane = biz.app.services.customers.create(
      { name: 'Jane Doe', phone: '07911 123456' },
      'desk',
    );
    const sam = biz.app.services.customers.create(
      { name: 'Sam', email: 'sam@example.com' },
      'desk',
    );
    const answer = await biz.desk.call('customers.getMany', {
      ids: [jane.id, 'cus_gone', sam.id, jane.id],
    });
    expect(answer.ok).toBe(true);
    const names = answer.ok && answer.value.map((c) => c.name);
    expect(names).toEqual(['Jane Doe', 'Sam']);
  });

  it('refuses more than 1,000 ids, naming the field', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `cus_${i}`);
    const answer = await biz.desk.call('customers.getMany', { ids });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'ids' }] } },
    });
  });
});
