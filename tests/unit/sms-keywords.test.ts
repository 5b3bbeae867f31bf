import { describe, expect, it } from 'vitest';
import { smsIntent } from '../../main/domain/sms-keywords.js';

describe('smsIntent', () => {
  it.each([
    ['C', 'confirm'],
    [' yes! ', 'confirm'],
    ['Confirm.', 'confirm'],
    ['CANCEL', 'cancel'],
    ['no', 'cancel'],
    ['"Cancel"', 'cancel'],
    ['STOP', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['Start', 'opt_in'],
    ['UNSTOP', 'opt_in'],
  ] as const)('%j → %s', (body, intent) => {
    expect(smsIntent(body)).toBe(intent);
  });

  it.each(['', 'no idea what time it is', 'Can I cancel?', 'C C', 'yes please', 'cancelled'])(
    'leaves %j for a human',
    (body) => {
      expect(smsIntent(body)).toBe('other');
    },
  );
});
