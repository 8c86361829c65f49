/**
 * mulberry32: a tiny 32-bit seeded generator. The benchmark needs the same prices on every
 * run and every machine, so that its figures compare runs rather than random walks.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw (Box–Muller). Minute candles need moves of varying size; a sum of
 * uniforms would do too, but this keeps one draw per move.
 */
export function normalFrom(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
