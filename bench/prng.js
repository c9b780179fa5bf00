// mulberry32: small, fast, good enough for test data, and the same numbers on every machine.
// Shared by the analysis benchmark (bench/analyze.js, in a browser page) and the exactness test
// (tests/e2e/exactness.test.mjs, in Node): plain ES module, no imports.
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[int(0, list.length - 1)],
  };
}
