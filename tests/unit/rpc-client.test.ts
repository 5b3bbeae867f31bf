// The integration tests call the desk's channels through tests/support/rpc.ts; what keeps their
// channel names and inputs honest is its types. The checks at the top fail `npm run typecheck`
// the day it stops checking them (an unused @ts-expect-error is an error).
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../preload/contract/index.js';
import { clientOver, valueOf, type RpcClient } from '../support/rpc.js';

function _refusedByTheTypeCheck(desk: RpcClient): void {
  // @ts-expect-error: a misspelt channel
  void desk.call('customers.lst', {});
  // @ts-expect-error: an input the channel does not take
  void desk.call('appointments.get', { appointmentId: 'apt_1' });
  // @ts-expect-error: a wrong type for a field it does take
  void desk.call('appointments.create', { serviceId: 'svc_1', start: 'tomorrow' });
  void desk.value('customers.get', { id: 'cus_1' }).then((customer) => {
    // @ts-expect-error: a field the answer does not have
    void customer.surname;
  });
  // Deliberately bad input still names a real channel.
  void desk.callUnchecked('appointments.create', { start: 'tomorrow' });
  // @ts-expect-error: a misspelt channel, even unchecked
  void desk.callUnchecked('appointments.crate', {});
}

describe('the typed desk client of the tests', () => {
  const sent: [string, unknown][] = [];
  const desk = clientOver(async (channel, input): Promise<Envelope<unknown>> => {
    sent.push([channel, input]);
    return channel === 'staff.list'
      ? { ok: true, value: [] }
      : { ok: false, error: { code: 'NOT_FOUND', message: 'No customer cus_1' } };
  });

  it('passes the channel and input on as they are and answers the whole envelope', async () => {
    expect(await desk.call('staff.list', {})).toEqual({ ok: true, value: [] });
    expect(await desk.call('customers.get', { id: 'cus_1' })).toMatchObject({ ok: false });
    expect(sent).toEqual([
      ['staff.list', {}],
      ['customers.get', { id: 'cus_1' }],
    ]);
  });

  it('unwraps a value, and throws a refusal naming the channel, the code and the message', async () => {
    expect(await desk.value('staff.list', {})).toEqual([]);
    await expect(desk.value('customers.get', { id: 'cus_1' })).rejects.toThrow(
      'customers.get: NOT_FOUND No customer cus_1',
    );
    expect(() => valueOf({ ok: false, error: { code: 'POLICY', message: 'Too late' } })).toThrow(
      'the call: POLICY Too late',
    );
  });
});
