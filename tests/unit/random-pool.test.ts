import { describe, expect, it } from 'vitest';
import { createRandomPool, randomIds } from '../../main/services/core.js';

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
    expect(ids.every((id) => /^apt_[\w-]{14}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
