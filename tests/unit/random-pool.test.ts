import { describe, expect, it } from 'vitest';
import { createRandomPool, randomIds, timeOrderedIds } from '../../main/core/context.js';

describe('pooled secure random bytes', () => {
  it('hands out the requested length, across refills, and never changes bytes already given', () => {
    const take = createRandomPool(64);
    const first = take(40);
    const copy = Buffer.from(first);
    const rest = [take(40), take(40), take(100)]; // the second and third force refills
    expect(rest.map((b) => b.length)).toEqual([40, 40, 100]);
    expect(first.equals(copy)).toBe(true);
    expect(new Set([first, ...rest].map((b) => b.toString('hex'))).size).toBe(4);
  });

  it('gives ids that say what they name and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => randomIds('apt'));
    expect(ids.every((id) => /^apt_[0-9a-z]{9}[\w-]{14}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives ids that sort in the order they were made, across digit carries', () => {
    // 36^8 - 1 -> 36^8: the base-36 time gains a digit; fixed width keeps the order.
    const times = [1_700_000_000_000, 1_700_000_000_001, 36 ** 8 - 1, 36 ** 8, 36 ** 8 + 1];
    let i = 0;
    const next = timeOrderedIds(() => times[i++] ?? 0);
    const ids = times.map(() => next('msg'));
    expect([...ids].sort()).toEqual(ids);
    // SQLite compares text keys byte by byte, as sort() does for these characters.
    expect(ids.every((id) => /^msg_[0-9a-z]{9}[\w-]{14}$/.test(id))).toBe(true);
  });
});
