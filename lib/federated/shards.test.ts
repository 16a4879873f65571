/** F2: shards are disjoint, cover the split, survive late joiners. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SHARD_UNITS, assignShards, shardText, type Shard } from "./shards";

function assertPartition(shards: Map<string, Shard>): void {
  const sorted = [...shards.values()].sort((a, b) => a.start - b.start);
  assert.equal(sorted[0].start, 0, "starts at the beginning");
  assert.equal(sorted.at(-1)?.end, SHARD_UNITS, "ends at the end");
  for (let i = 1; i < sorted.length; i++) assert.equal(sorted[i].start, sorted[i - 1].end, "contiguous and disjoint");
  for (const s of sorted) assert.ok(s.end > s.start, "not empty");
}

describe("F2 shard assignment", () => {
  const table: { title: string; initial: string[]; later: string[][]; expectSizes: number[] }[] = [
    { title: "one student owns the whole split", initial: ["a"], later: [], expectSizes: [SHARD_UNITS] },
    { title: "three students share evenly", initial: ["a", "b", "c"], later: [], expectSizes: [333_333, 333_333, 333_334] },
    { title: "a late joiner halves the largest shard", initial: ["a", "b"], later: [["c"]], expectSizes: [250_000, 250_000, 500_000] },
    { title: "two late joiners halve the two largest", initial: ["a", "b"], later: [["c", "d"]], expectSizes: [250_000, 250_000, 250_000, 250_000] },
    {
      title: "late joiners one after another",
      initial: ["a"],
      later: [["b"], ["c"], ["d"], ["e"]],
      expectSizes: [125_000, 125_000, 250_000, 250_000, 250_000],
    },
  ];
  for (const row of table) {
    it(`F2 ${row.title}`, () => {
      let shards = assignShards(new Map(), row.initial);
      assertPartition(shards);
      for (const batch of row.later) {
        shards = assignShards(shards, batch);
        assertPartition(shards);
      }
      assert.deepEqual(
        [...shards.values()].map((s) => s.end - s.start).sort((x, y) => x - y),
        [...row.expectSizes].sort((x, y) => x - y),
      );
    });
  }

  it("F2 a returning student keeps their shard", () => {
    const shards = assignShards(new Map(), ["a", "b", "c"]);
    const again = assignShards(shards, ["b"]);
    assert.deepEqual(again, shards);
  });

  it("F2 the owner of a halved shard keeps its first half", () => {
    const shards = assignShards(new Map(), ["a"]);
    const after = assignShards(shards, ["b"]);
    assert.deepEqual(after.get("a"), { start: 0, end: 500_000 });
    assert.deepEqual(after.get("b"), { start: 500_000, end: SHARD_UNITS });
  });

  it("F2 shards of a text are disjoint and together are the whole text", () => {
    const text = "가나다라마바사아자차카타파하".repeat(7) + "xyz";
    const shards = assignShards(assignShards(new Map(), ["a", "b", "c"]), ["d"]);
    const pieces = [...shards.values()].sort((x, y) => x.start - y.start).map((s) => shardText(text, s));
    assert.equal(pieces.join(""), text);
  });
});
