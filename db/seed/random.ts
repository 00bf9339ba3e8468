/**
 * Seeded randomness for the demo data: the same seed gives the same clinics, patients and events
 * on every machine. Each clinic and each clinic day draws from its own stream, so one day's data
 * does not depend on how many days or clinics were generated before it.
 */

/** A source of numbers in [0, 1), like Math.random but reproducible. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for plausible demo data (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stream keyed by the seed and any labels, e.g. `randomFor(seed, 'clinic', 3, '2026-11-24')`. */
export function randomFor(seed: number, ...labels: readonly (string | number)[]): Random {
  // FNV-1a over the labels: stable across runtimes, no dependency.
  let hash = 0x811c9dc5;
  for (const character of [seed, ...labels].join('|')) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash);
}

/** A uniform number in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** A uniform integer in [min, max]. */
export function integerBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** True with probability `probability`. */
export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** An index into `weights`, chosen with probability proportional to its weight. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = random() * total;
  for (const [index, weight] of weights.entries()) {
    remaining -= weight;
    if (remaining < 0) return index;
  }
  return weights.length - 1;
}

/** A standard normal draw (Box–Muller; one of the pair is dropped, which keeps the stream simple). */
export function normal(random: Random): number {
  // 1 − u is in (0, 1]: the logarithm never sees zero.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A lognormal draw given its median and the standard deviation of its logarithm: right-skewed, never negative. */
export function lognormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(random));
}
