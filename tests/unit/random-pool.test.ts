import { describe, expect, it } from 'vitest';
import { createRandomPool, randomIds, timeOrderedIds } from '../../main/core/context.js';

describe('pooled secure random bytes', () => {
  it('hands out the requested length, across refills and past the pool size', () => {
    const take = createRandomPool(64);
    // 40 + 40 passes the 64-byte pool, and so does 40 + 40 again: two refills, then a request
    // bigger than the whole pool.
    const lengths = [40, 40, 40, 100, 64, 1];
    const given = lengths.map((length) => take(length));
    expect(given.map((b) => b.length)).toEqual(lengths);
    expect(new Set(given.map((b) => b.toString('hex'))).size).toBe(given.length);
  });

  it('never changes bytes already handed out, however often the pool is refilled', () => {
    const take = createRandomPool(64);
    // Every length from 1 to 64 bytes, so the pool refills many times while these are held,
    // including a request that takes the whole pool.
    const given = Array.from({ length: 64 }, (_, i) => take(i + 1));
    const asGiven = given.map((b) => b.toString('hex'));
    for (let i = 0; i < 8; i++) take(64);
    // Were a handed-out buffer a view of the pool, the refills above would have rewritten it.
    expect(given.map((b) => b.toString('hex'))).toEqual(asGiven);
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
