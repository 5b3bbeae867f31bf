// A small seeded pseudo-random generator (mulberry32), so demo data and property tests are
// reproducible: the same seed gives the same sequence on every machine and Node version.
// Not for anything secret: tokens that protect real bookings come from node:crypto.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item with probability proportional to its weight; undefined when every weight is 0. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T | undefined;
  bytes(length: number): Uint8Array;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weight: (item: T) => number): T | undefined {
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total <= 0) return undefined;
      let target = next() * total;
      for (let i = 0; i < items.length; i++) {
        target -= weights[i] as number;
        if (target < 0) return items[i];
      }
      // Rounding can leave target at exactly 0: the last item with weight wins.
      for (let i = items.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return items[i];
      return undefined;
    },
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = int(0, 255);
      return out;
    },
  };
}
