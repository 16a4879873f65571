/**
 * A past round's final leaderboard for the session report: each participant's best verified
 * submission (scored, not disqualified), ranked by public bits/char and by private bits/char
 * (lower is better; ties share a rank; an earlier submission breaks nothing — equal scores are
 * equal). Participants without a private score are listed after the ranked ones.
 */

export interface ScoredSubmission {
  id: string;
  participantId: string;
  publicBpc: number | null;
  privateBpc: number | null;
  createdAt: number;
}

export interface LeaderboardRow<S extends ScoredSubmission> {
  submission: S;
  publicRank: number | null;
  privateRank: number | null;
}

/** Competition ranks ("1224") of the values in the given order; null values get null. */
function ranks(values: readonly (number | null)[]): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return values.map((v) => (v === null ? null : sorted.indexOf(v) + 1));
}

export function finalLeaderboard<S extends ScoredSubmission>(submissions: readonly S[]): LeaderboardRow<S>[] {
  const best = new Map<string, S>();
  for (const s of submissions) {
    if (s.publicBpc === null) continue;
    const current = best.get(s.participantId);
    if (!current || s.publicBpc < (current.publicBpc ?? Infinity) || (s.publicBpc === current.publicBpc && s.createdAt < current.createdAt)) best.set(s.participantId, s);
  }
  const list = [...best.values()].sort((a, b) => (a.publicBpc ?? 0) - (b.publicBpc ?? 0) || a.createdAt - b.createdAt);
  const publicRanks = ranks(list.map((s) => s.publicBpc));
  const privateRanks = ranks(list.map((s) => s.privateBpc));
  return list.map((submission, i) => ({ submission, publicRank: publicRanks[i], privateRank: privateRanks[i] }));
}
