// Seeded randomness: every synthetic image must be reproducible from (seed, index), so runs and
// validation sets can be regenerated bit for bit.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** Standard normal. */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Log-uniform in [lo, hi): scale parameters (radii, lengths) feel uniform on a log axis. */
  logUniform(lo: number, hi: number): number;
  /** Independent child stream: lets one part of a sample draw more or fewer numbers without
   * shifting what the other parts draw. */
  fork(salt: string | number): Rng;
}

/** 32-bit FNV-1a: small, stable across platforms, good enough to spread paths and salts. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a seed with salts into a new 32-bit seed (murmur3 finaliser). */
export function deriveSeed(seed: number, ...salts: (string | number)[]): number {
  let h = seed >>> 0;
  for (const salt of salts) {
    const s = typeof salt === 'number' ? salt >>> 0 : hashString(salt);
    h = Math.imul(h ^ s, 0x9e3779b1) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: one 32-bit state, fast, passes the statistical checks that matter here. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => {
      if (spareNormal !== null) {
        const v = spareNormal;
        spareNormal = null;
        return v;
      }
      // Box-Muller, keeping the second value for the next call.
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    logUniform: (lo, hi) => lo * Math.pow(hi / lo, next()),
    fork: (salt) => mulberry32(deriveSeed(state, salt)),
  };
  return rng;
}
