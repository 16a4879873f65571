/**
 * The verified leaderboard's ranking rules as pure functions (rule IDs in ./SPEC.md; the tests in
 * ./ranking.test.ts cite them). The server feeds in stored submissions; nothing here trusts a
 * browser: scores are the server's own evaluation.
 */

export const SUBMISSION_STATUSES = ["queued", "evaluating", "scored", "rejected"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const LEADERBOARD_FLAGS = ["duplicate", "disqualified", "notTrained"] as const;
export type LeaderboardFlag = (typeof LEADERBOARD_FLAGS)[number];

/** What ranking needs to know of a stored submission. */
export interface RankableSubmission {
  id: string;
  participantId: string;
  status: SubmissionStatus;
  /** Verified bits per character on the public half of the evaluation window (lower is better). */
  publicBpc: number | null;
  /** The same on the private half; only shown after the reveal. */
  privateBpc: number | null;
  /**
   * L1b: public bits/char of the untrained model of the same configuration, evaluated by the same
   * worker on the same text; null only for rows scored before the rule existed.
   */
  untrainedBpc: number | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  weightsSha256: string;
  disqualifiedReason: string | null;
}

export interface Standing<S extends RankableSubmission> {
  participantId: string;
  /** The submission that counts (L2), or null when none does. */
  best: S | null;
  /** Public rank 1…n (L3); null without a counted submission. */
  rank: number | null;
  /** Private rank 1…n after the reveal (L5); null before it. */
  privateRank: number | null;
  /** rank − privateRank after the reveal: positive = climbed (L5). */
  rankChange: number | null;
  /** Submissions that were accepted (every status but rejected) (L7). */
  submissionCount: number;
  /** Submissions waiting for or in evaluation. */
  pending: number;
  flags: LeaderboardFlag[];
  /** The reason of the student's latest disqualified submission (L6). */
  disqualifiedReason: string | null;
}

/**
 * L1b: how much better than the untrained model of the same configuration a submission must score
 * on the public half (bits/char) to count as trained. The untrained model already predicts the
 * training text's character frequencies (lib/engine/model.ts), so beating it by 0.1 bits/char
 * takes real learning (about 20 steps of the smallest preset on tiny-shakespeare), while the
 * untrained file — or one nudged by hand — stays within it.
 */
export const UNTRAINED_MARGIN_BPC = 0.1;

/** L1b: the verified public score beats the untrained model by the margin (rows from before the rule: no baseline, trusted). */
export function trained(s: Pick<RankableSubmission, "publicBpc" | "untrainedBpc">): boolean {
  if (s.publicBpc === null || !Number.isFinite(s.publicBpc)) return false;
  return s.untrainedBpc === null || s.publicBpc <= s.untrainedBpc - UNTRAINED_MARGIN_BPC;
}

/** L1: a submission counts when it is scored, has a finite public score, is trained (L1b) and is not disqualified. */
export function counts(s: RankableSubmission): boolean {
  return s.status === "scored" && s.disqualifiedReason === null && s.publicBpc !== null && Number.isFinite(s.publicBpc) && trained(s);
}

/** L3 order: lower score first, then the earlier submission, then ids (total, deterministic). */
function byScore(score: (s: RankableSubmission) => number) {
  return (a: RankableSubmission, b: RankableSubmission) => score(a) - score(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
const byPublic = byScore((s) => s.publicBpc ?? Infinity);
const byPrivate = byScore((s) => s.privateBpc ?? Infinity);

/**
 * L1–L7: one standing per student who submitted, in the order every view shows them (the live
 * board, the projector, the CSV and the session report all use this order as it is): ranked
 * students first — by public rank, or after the reveal by private rank (L5) — then students
 * without a counted submission (by their first submission's time).
 */
export function standings<S extends RankableSubmission>(submissions: readonly S[], options: { revealed: boolean }): Standing<S>[] {
  const byStudent = new Map<string, S[]>();
  for (const s of submissions) {
    const list = byStudent.get(s.participantId);
    if (list) list.push(s);
    else byStudent.set(s.participantId, [s]);
  }
  // L6: the first submitter of a weights hash owns it; later students with the same hash are copies.
  const firstOwner = new Map<string, { participantId: string; createdAt: number; id: string }>();
  for (const s of [...submissions].filter((x) => x.status !== "rejected").sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
    if (!firstOwner.has(s.weightsSha256)) firstOwner.set(s.weightsSha256, { participantId: s.participantId, createdAt: s.createdAt, id: s.id });
  }

  const rows: Standing<S>[] = [...byStudent.entries()].map(([participantId, list]) => {
    const counted = list.filter(counts).sort(byPublic);
    const best = counted[0] ?? null;
    const disqualified = list.filter((s) => s.disqualifiedReason !== null).sort((a, b) => b.createdAt - a.createdAt);
    const flags: LeaderboardFlag[] = [];
    if (best && firstOwner.get(best.weightsSha256)?.participantId !== participantId) flags.push("duplicate");
    if (disqualified.length > 0) flags.push("disqualified");
    // L1b: scored, but no better than an untrained model — shown, not ranked.
    if (!best && list.some((s) => s.status === "scored" && s.disqualifiedReason === null && !trained(s))) flags.push("notTrained");
    return {
      participantId,
      best,
      rank: null,
      privateRank: null,
      rankChange: null,
      submissionCount: list.filter((s) => s.status !== "rejected").length,
      pending: list.filter((s) => s.status === "queued" || s.status === "evaluating").length,
      flags,
      disqualifiedReason: disqualified[0]?.disqualifiedReason ?? null,
    };
  });

  let ranked = rows.filter((r) => r.best !== null).sort((a, b) => byPublic(a.best as S, b.best as S));
  ranked.forEach((r, i) => (r.rank = i + 1));
  if (options.revealed) {
    const privately = ranked
      .filter((r) => r.best?.privateBpc !== null && Number.isFinite(r.best?.privateBpc))
      .sort((a, b) => byPrivate(a.best as S, b.best as S));
    privately.forEach((r, i) => {
      r.privateRank = i + 1;
      r.rankChange = (r.rank ?? 0) - r.privateRank;
    });
    // L5: after the reveal the privately ranked come first, in private order; the rest keep public order.
    ranked = [...privately, ...ranked.filter((r) => r.privateRank === null)];
  }
  const firstAt = (r: Standing<S>) => Math.min(...(byStudent.get(r.participantId) ?? []).map((s) => s.createdAt));
  const unranked = rows.filter((r) => r.best === null).sort((a, b) => firstAt(a) - firstAt(b) || (a.participantId < b.participantId ? -1 : 1));
  return [...ranked, ...unranked];
}

export interface Vote {
  voterId: string;
  submissionId: string;
}

/** L8: why a vote is refused, or null when it may be cast (or changed). */
export function voteRefusal(
  voterId: string,
  target: Pick<RankableSubmission, "participantId" | "status" | "disqualifiedReason" | "publicBpc"> | null,
  votingOpen: boolean,
): "VOTING_CLOSED" | "NO_SUCH_SAMPLE" | "OWN_SAMPLE" | null {
  if (!votingOpen) return "VOTING_CLOSED";
  if (!target || target.status !== "scored" || target.disqualifiedReason !== null) return "NO_SUCH_SAMPLE";
  if (target.participantId === voterId) return "OWN_SAMPLE";
  return null;
}

/** L9: votes per submission, and the winners: every submission with the most votes (at least one). */
export function tallyVotes(votes: readonly Vote[]): { counts: Map<string, number>; winners: string[] } {
  const tally = new Map<string, number>();
  for (const v of votes) tally.set(v.submissionId, (tally.get(v.submissionId) ?? 0) + 1);
  const most = Math.max(0, ...tally.values());
  const winners =
    most === 0
      ? []
      : [...tally.entries()]
          .filter(([, n]) => n === most)
          .map(([id]) => id)
          .sort();
  return { counts: tally, winners };
}
