/**
 * The order in which a round shows an ordering question's items: a permutation derived from a
 * seed (round id and question index), so every client, the server and a restarted server agree
 * without storing it, and the correct order never travels to students.
 * `perm[p]` is the index (in the correct order) of the item shown at display position p.
 */

/** FNV-1a, 32 bit. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled order of n items that is never the correct order itself (for n ≥ 2). */
export function displayOrder(n: number, seed: string): number[] {
  const perm = Array.from({ length: n }, (_, i) => i);
  const random = prng(hash(seed));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  if (n >= 2 && perm.every((v, i) => v === i)) perm.push(perm.shift()!);
  return perm;
}

export function orderSeed(roundId: string, questionIndex: number): string {
  return `${roundId}#${questionIndex}`;
}
