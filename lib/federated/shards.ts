/**
 * Shards of the training split (F2): disjoint `[start, end)` ranges in millionths of the split, one
 * per student. Pure: the server stores the result; the browser slices its training text with it.
 */

/** The whole split, in shard units. */
export const SHARD_UNITS = 1_000_000;

export interface Shard {
  start: number;
  end: number;
}

/**
 * Shards for `newcomers`, given the shards already owned (`owned`, by participant id). The first
 * students share the whole split evenly; each later one takes the second half of the largest shard
 * (ties: the earliest start) and its owner keeps the first half. Returns every shard, old and new.
 */
export function assignShards(owned: ReadonlyMap<string, Shard>, newcomers: readonly string[]): Map<string, Shard> {
  const shards = new Map(owned);
  const fresh = newcomers.filter((id) => !shards.has(id));
  if (shards.size === 0 && fresh.length > 0) {
    fresh.forEach((id, i) => shards.set(id, { start: Math.floor((i * SHARD_UNITS) / fresh.length), end: Math.floor(((i + 1) * SHARD_UNITS) / fresh.length) }));
    return shards;
  }
  for (const id of fresh) {
    const [ownerId, largest] = [...shards].reduce((best, entry) => {
      const size = entry[1].end - entry[1].start;
      const bestSize = best[1].end - best[1].start;
      return size > bestSize || (size === bestSize && entry[1].start < best[1].start) ? entry : best;
    });
    const middle = largest.start + Math.floor((largest.end - largest.start) / 2);
    shards.set(ownerId, { start: largest.start, end: middle });
    shards.set(id, { start: middle, end: largest.end });
  }
  return shards;
}

/** The characters of `text` that a shard covers (the browser's training text for the class model). */
export function shardText(text: string, shard: Shard): string {
  const chars = [...text];
  return chars.slice(Math.floor((chars.length * shard.start) / SHARD_UNITS), Math.floor((chars.length * shard.end) / SHARD_UNITS)).join("");
}
