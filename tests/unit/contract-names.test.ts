// The Electron preload's lists of channel and event names are generated from the contract; a
// contract that gained or lost a name without the file being written again is caught here (and
// by the type check), so the preload can never refuse a real channel or pass an unknown one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels, events } from '../../preload/contract/index.js';
import { channelNames, eventNames, isChannel, isEventName } from '../../preload/contract-names.js';
import { contractNamesSource } from '../../scripts/write-contract-names.js';

describe('contract-names.ts', () => {
  it('lists exactly the contract channels and events, in the contract order', () => {
    expect([...channelNames]).toEqual(Object.keys(channels));
    expect([...eventNames]).toEqual(Object.keys(events));
  });

  it('is what the generator writes today (run scripts/write-contract-names.ts if not)', () => {
    const onDisk = readFileSync(
      new URL('../../preload/contract-names.ts', import.meta.url),
      'utf8',
    );
    expect(onDisk).toBe(contractNamesSource());
  });

  it('answers for contract names only, inherited properties included', () => {
    expect(isChannel('appointments.create')).toBe(true);
    expect(isChannel('appointments.nuke')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isEventName('appointments.changed')).toBe(true);
    expect(isEventName('constructor')).toBe(false);
  });
});
