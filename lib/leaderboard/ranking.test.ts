/** Table-driven tests of the ranking and vote rules (lib/leaderboard/SPEC.md L1–L9), Excalidraw reconcile-test style. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNTRAINED_MARGIN_BPC, counts, standings, tallyVotes, voteRefusal, type RankableSubmission } from "./ranking";

/** Compact submission: "participant:publicBpc[/privateBpc]@time" plus options. */
function sub(spec: string, extra: Partial<RankableSubmission> = {}): RankableSubmission {
  const m = /^(\w+):([\d.]+|-)(?:\/([\d.]+|-))?@(\d+)$/.exec(spec);
  if (!m) throw new Error(`bad spec ${spec}`);
  const [, participantId, pub, priv, at] = m;
  return {
    id: `${participantId}-${at}`,
    participantId,
    status: pub === "-" ? "queued" : "scored",
    publicBpc: pub === "-" ? null : Number(pub),
    privateBpc: priv === undefined ? (pub === "-" ? null : Number(pub)) : priv === "-" ? null : Number(priv),
    createdAt: Number(at),
    weightsSha256: `w-${participantId}-${at}`,
    disqualifiedReason: null,
    untrainedBpc: null,
    ...extra,
  };
}

/** Each row rendered "participant#rank(best id)[flags]" for compact expectations. */
function render(rows: ReturnType<typeof standings>): string[] {
  return rows.map((r) => `${r.participantId}#${r.rank ?? "-"}${r.best ? `(${r.best.id})` : ""}${r.flags.length ? `[${r.flags.join(",")}]` : ""}`);
}

describe("L1 what counts", () => {
  const table: [label: string, s: RankableSubmission, expected: boolean][] = [
    ["scored", sub("a:2@1"), true],
    ["queued", sub("a:-@1"), false],
    ["evaluating", sub("a:2@1", { status: "evaluating" }), false],
    ["rejected", sub("a:2@1", { status: "rejected" }), false],
    ["disqualified", sub("a:2@1", { disqualifiedReason: "copied" }), false],
    ["non-finite score", sub("a:2@1", { publicBpc: Infinity }), false],
    ["L1b: beats the untrained model by the margin", sub("a:4.6@1", { untrainedBpc: 4.6 + UNTRAINED_MARGIN_BPC }), true],
    ["L1b: within the margin of the untrained model", sub("a:4.75@1", { untrainedBpc: 4.8 }), false],
    ["L1b: worse than the untrained model", sub("a:6@1", { untrainedBpc: 4.8 }), false],
    ["L1b: scored before the rule (no baseline)", sub("a:6@1", { untrainedBpc: null }), true],
  ];
  for (const [label, s, expected] of table) it(label, () => assert.equal(counts(s), expected));
});

describe("L2–L4, L6 standings", () => {
  const table: [label: string, input: RankableSubmission[], expected: string[]][] = [
    ["lower bits/char ranks higher", [sub("a:3@1"), sub("b:2@2"), sub("c:2.5@3")], ["b#1(b-2)", "c#2(c-3)", "a#3(a-1)"]],
    ["each student's best counts (L2)", [sub("a:3@1"), sub("a:1.5@5"), sub("a:2@9"), sub("b:2@2")], ["a#1(a-5)", "b#2(b-2)"]],
    ["equal best: the earlier submission of the student (L2)", [sub("a:2@7"), sub("a:2@3")], ["a#1(a-3)"]],
    ["tie between students: earlier submission first (L3)", [sub("a:2@9"), sub("b:2@4")], ["b#1(b-4)", "a#2(a-9)"]],
    ["tie at the same millisecond: smaller id (L3)", [sub("b:2@4"), sub("a:2@4")], ["a#1(a-4)", "b#2(b-4)"]],
    ["only queued: listed after ranked, unranked (L4)", [sub("a:-@1"), sub("b:2@2")], ["b#1(b-2)", "a#-"]],
    ["unranked by first submission (L4)", [sub("c:-@5"), sub("a:-@9"), sub("a:-@1")], ["a#-", "c#-"]],
    ["rejected never counts", [sub("a:1@1", { status: "rejected" }), sub("b:2@2")], ["b#1(b-2)", "a#-"]],
    [
      "a disqualified best falls back to the next (L6)",
      [sub("a:1@1", { disqualifiedReason: "x" }), sub("a:3@2"), sub("b:2@3")],
      ["b#1(b-3)", "a#2(a-2)[disqualified]"],
    ],
    [
      "L1b: not trained: listed, flagged, unranked; a trained submission of the same student counts",
      [sub("a:4.79@1", { untrainedBpc: 4.8 }), sub("b:4.8@2", { untrainedBpc: 4.8 }), sub("b:3@3", { untrainedBpc: 4.8 }), sub("c:2@4")],
      ["c#1(c-4)", "b#2(b-3)", "a#-[notTrained]"],
    ],
    ["all disqualified: unranked and flagged (L6)", [sub("a:1@1", { disqualifiedReason: "x" }), sub("b:2@3")], ["b#1(b-3)", "a#-[disqualified]"]],
    [
      "identical weights: the later student is flagged (L6)",
      [sub("a:2@1", { weightsSha256: "same" }), sub("b:2@5", { weightsSha256: "same" })],
      ["a#1(a-1)", "b#2(b-5)[duplicate]"],
    ],
    [
      "the same student resubmitting the same weights is no duplicate",
      [sub("a:2@1", { weightsSha256: "same" }), sub("a:2@5", { weightsSha256: "same" })],
      ["a#1(a-1)"],
    ],
    [
      "a copy of a rejected file is no duplicate",
      [sub("a:2@1", { weightsSha256: "same", status: "rejected" }), sub("b:2@5", { weightsSha256: "same" })],
      ["b#1(b-5)", "a#-"],
    ],
    ["nobody", [], []],
  ];
  for (const [label, input, expected] of table) it(label, () => assert.deepEqual(render(standings(input, { revealed: false })), expected));
});

describe("L7 counts and pending", () => {
  it("counts accepted submissions and pending ones", () => {
    const [row] = standings([sub("a:2@1"), sub("a:-@2"), sub("a:2@3", { status: "evaluating" }), sub("a:1@4", { status: "rejected" })], { revealed: false });
    assert.equal(row.submissionCount, 3);
    assert.equal(row.pending, 2);
  });
  it("the latest disqualification's reason is the row's", () => {
    const [row] = standings([sub("a:2@1", { disqualifiedReason: "old" }), sub("a:2@3", { disqualifiedReason: "new" })], { revealed: false });
    assert.equal(row.disqualifiedReason, "new");
  });
});

describe("L5 private reveal", () => {
  const table: [
    label: string,
    input: RankableSubmission[],
    revealed: boolean,
    expected: [participant: string, rank: number | null, privateRank: number | null, change: number | null][],
  ][] = [
    [
      "hidden before the reveal",
      [sub("a:1/3@1"), sub("b:2/1@2")],
      false,
      [
        ["a", 1, null, null],
        ["b", 2, null, null],
      ],
    ],
    [
      "ranked by the private score of the counted submission, listed in private order",
      [sub("a:1/3@1"), sub("b:2/1@2"), sub("c:3/2@3")],
      true,
      [
        ["b", 2, 1, 1],
        ["c", 3, 2, 1],
        ["a", 1, 3, -2],
      ],
    ],
    [
      "a student's better private score on another submission does not count",
      [sub("a:1/3@1"), sub("a:2/0.5@2"), sub("b:1.5/2@3")],
      true,
      [
        ["b", 2, 1, 1],
        ["a", 1, 2, -1],
      ],
    ],
    [
      "private ties: earlier submission",
      [sub("a:1/2@5"), sub("b:2/2@1")],
      true,
      [
        ["b", 2, 1, 1],
        ["a", 1, 2, -1],
      ],
    ],
    [
      "without a private score: after the privately ranked, in public order",
      [sub("a:1/-@1"), sub("b:2/1@2"), sub("c:-@3")],
      true,
      [
        ["b", 2, 1, 1],
        ["a", 1, null, null],
        ["c", null, null, null],
      ],
    ],
  ];
  for (const [label, input, revealed, expected] of table) {
    it(label, () =>
      assert.deepEqual(
        standings(input, { revealed }).map((r) => [r.participantId, r.rank, r.privateRank, r.rankChange]),
        expected,
      ),
    );
  }
});

describe("L3 + L5a one ranking: ties never share a rank, before or after the reveal", () => {
  // Ana 2.0 at t=1000, Bo 2.0 at t=2000, Cy 2.5 at t=3000; private 2.1 / 2.3 / 2.3.
  const example = [sub("ana:2/2.1@1000"), sub("bo:2/2.3@2000"), sub("cy:2.5/2.3@3000")];
  it("before the reveal: Ana #1, Bo #2 (earlier wins the tie), Cy #3", () => {
    assert.deepEqual(
      standings(example, { revealed: false }).map((r) => [r.participantId, r.rank]),
      [
        ["ana", 1],
        ["bo", 2],
        ["cy", 3],
      ],
    );
  });
  it("after the reveal: private ranks 1, 2, 3 (Bo's earlier submission wins the private tie with Cy)", () => {
    assert.deepEqual(
      standings(example, { revealed: true }).map((r) => [r.participantId, r.rank, r.privateRank]),
      [
        ["ana", 1, 1],
        ["bo", 2, 2],
        ["cy", 3, 3],
      ],
    );
  });
});

describe("L8 votes", () => {
  const scored = { participantId: "b", status: "scored" as const, disqualifiedReason: null, publicBpc: 2 };
  const table: [label: string, voter: string, target: Parameters<typeof voteRefusal>[1], open: boolean, expected: ReturnType<typeof voteRefusal>][] = [
    ["another's scored sample", "a", scored, true, null],
    ["own sample", "b", scored, true, "OWN_SAMPLE"],
    ["voting closed", "a", scored, false, "VOTING_CLOSED"],
    ["unknown submission", "a", null, true, "NO_SUCH_SAMPLE"],
    ["not scored yet", "a", { ...scored, status: "queued" }, true, "NO_SUCH_SAMPLE"],
    ["disqualified", "a", { ...scored, disqualifiedReason: "x" }, true, "NO_SUCH_SAMPLE"],
  ];
  for (const [label, voter, target, open, expected] of table) it(label, () => assert.equal(voteRefusal(voter, target, open), expected));
});

describe("L9 winners", () => {
  const table: [label: string, votes: [string, string][], winners: string[]][] = [
    ["no votes, no winners", [], []],
    [
      "most votes wins",
      [
        ["a", "x"],
        ["b", "x"],
        ["c", "y"],
      ],
      ["x"],
    ],
    [
      "ties: all winners",
      [
        ["a", "x"],
        ["b", "y"],
      ],
      ["x", "y"],
    ],
  ];
  for (const [label, votes, winners] of table) {
    it(label, () => assert.deepEqual(tallyVotes(votes.map(([voterId, submissionId]) => ({ voterId, submissionId }))).winners, winners));
  }
});
