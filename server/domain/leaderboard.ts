/**
 * The leaderboard of a round, rebuilt from the database every time (so a restart shows exactly
 * what was shown before): standings by lib/leaderboard/ranking.ts, names and groups, the round's
 * settings, votes; and the instructor's changes to the round (settings, disqualification,
 * reveal, closing the vote), each a single guarded write.
 */
import { AppError } from "../../lib/protocol/errors";
import { charRNNConfigSchema } from "../../lib/engine/config";
import { csvDocument, csvNumber } from "../../lib/dashboard/csv";
import { standings, tallyVotes, voteRefusal } from "../../lib/leaderboard/ranking";
import type { LeaderboardRow, LeaderboardView, RoundSettingsView } from "../../lib/protocol/leaderboard";
import type { Db } from "../db/client";
import { isClassEntry } from "../../lib/leaderboard/classEntry";
import { classEntries } from "./classEntries";
import { mySubmissions, statusOf, submissionColumns, temperatureCardOfRow } from "./submissions";

export type Audience = "student" | "instructor";

type RoundRow = {
  id: string;
  sessionId: string;
  submissionsOpen: boolean;
  submissionLimit: number;
  minSteps: number;
  votingOpen: boolean;
  privateRevealedAt: Date | null;
};

export function settingsOf(round: RoundRow): RoundSettingsView {
  return {
    submissionsOpen: round.submissionsOpen,
    submissionLimit: round.submissionLimit,
    minSteps: round.minSteps,
    votingOpen: round.votingOpen,
    privateRevealedAt: round.privateRevealedAt?.toISOString() ?? null,
  };
}

/** The round in force of a session (the newest model session not superseded), or null. */
export function currentRound(db: Db, sessionId: string) {
  return db.modelSession.findFirst({ where: { sessionId, supersededAt: null }, orderBy: { version: "desc" } });
}

async function requireRound(db: Db, sessionId: string) {
  const round = await currentRound(db, sessionId);
  if (!round) throw new AppError("CONFLICT", "push a model session first");
  return round;
}

/** L1–L9 for the round in force, as `audience` may see it. */
export async function leaderboardView(db: Db, sessionId: string, audience: Audience): Promise<LeaderboardView> {
  const round = await currentRound(db, sessionId);
  if (!round) return { sessionId, modelSessionId: null, settings: null, rows: [], voteWinners: [], pending: 0 };
  const revealed = round.privateRevealedAt !== null;
  const [submissions, entries, participants, assignments, votes] = await Promise.all([
    db.submission.findMany({ where: { modelSessionId: round.id }, select: submissionColumns }),
    classEntries(db, [round.id]),
    db.participant.findMany({ where: { sessionId }, select: { id: true, displayName: true } }),
    db.groupAssignment.findMany({ where: { modelSessionId: round.id }, select: { participantId: true, group: { select: { label: true } } } }),
    db.sampleVote.findMany({ where: { modelSessionId: round.id }, select: { voterId: true, submissionId: true } }),
  ]);
  const names = new Map(participants.map((p) => [p.id, p.displayName]));
  const groups = new Map(assignments.map((a) => [a.participantId, a.group.label]));
  // L16: the class model's entry is ranked with the students' submissions.
  const rankable = [...submissions, ...entries].map((s) => ({ ...s, status: statusOf(s.status), createdAt: s.createdAt.getTime() }));
  const tally = tallyVotes(votes);
  const votesShown = !round.votingOpen;
  const showPrivate = revealed; // L5: nobody's browser receives private scores before the reveal

  const rows: LeaderboardRow[] = standings(rankable, { revealed }).map((r) => {
    const b = r.best;
    const config = b ? charRNNConfigSchema.safeParse(b.config) : null;
    return {
      participantId: r.participantId,
      name: isClassEntry(r.participantId) ? "" : (names.get(r.participantId) ?? "?"),
      classModel: isClassEntry(r.participantId),
      group: groups.get(r.participantId) ?? null,
      rank: r.rank,
      privateRank: r.privateRank,
      rankChange: r.rankChange,
      submissionCount: r.submissionCount,
      pending: r.pending,
      best:
        b && b.publicBpc !== null
          ? {
              submissionId: b.id,
              publicBpc: b.publicBpc,
              privateBpc: showPrivate ? b.privateBpc : null,
              sampleBpc: b.sampleBpc,
              novelty: b.novelty,
              cell: config?.success ? config.data.cell : "?",
              layers: config?.success ? config.data.layers : 0,
              hiddenSize: config?.success ? config.data.hiddenSize : 0,
              configHash: b.configHash,
              backend: b.backend,
              step: b.step,
              submittedAt: new Date(b.createdAt).toISOString(),
              sample: { text: b.sampleText, temperature: b.sampleTemperature, prime: b.samplePrime },
              temperatureCard: temperatureCardOfRow(b.temperatureCard),
              votes: votesShown ? (tally.counts.get(b.id) ?? 0) : null,
            }
          : null,
      flags: r.flags,
      disqualifiedReason: audience === "instructor" ? r.disqualifiedReason : null,
    };
  });
  return {
    sessionId,
    modelSessionId: round.id,
    settings: settingsOf(round),
    rows,
    voteWinners: votesShown ? tally.winners : [],
    pending: rankable.filter((s) => s.status === "queued" || s.status === "evaluating").length,
  };
}

/** A student's own submissions and vote in the round in force. */
export async function studentExtras(db: Db, sessionId: string, participantId: string) {
  const round = await currentRound(db, sessionId);
  if (!round) return { mine: [], myVote: null };
  const [mine, vote] = await Promise.all([
    mySubmissions(db, participantId, round.id, round.privateRevealedAt !== null),
    db.sampleVote.findUnique({ where: { modelSessionId_voterId: { modelSessionId: round.id, voterId: participantId } } }),
  ]);
  return { mine, myVote: vote?.submissionId ?? null };
}

export async function updateSettings(
  db: Db,
  sessionId: string,
  change: { submissionsOpen?: boolean; submissionLimit?: number; minSteps?: number },
): Promise<RoundSettingsView> {
  const round = await requireRound(db, sessionId);
  return settingsOf(await db.modelSession.update({ where: { id: round.id }, data: change }));
}

/** L6: disqualify (reason) or reinstate (null) a submission of this session's round in force. */
export async function disqualify(db: Db, sessionId: string, submissionId: string, reason: string | null) {
  const round = await requireRound(db, sessionId);
  const updated = await db.submission.updateMany({ where: { id: submissionId, modelSessionId: round.id }, data: { disqualifiedReason: reason } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "no such submission in the current round");
  const row = await db.submission.findUnique({ where: { id: submissionId }, select: { participantId: true } });
  return { participantId: row?.participantId ?? "", disqualifiedReason: reason };
}

/** L5: reveal the private ranking (once; revealing again changes nothing). */
export async function reveal(db: Db, sessionId: string): Promise<RoundSettingsView> {
  const round = await requireRound(db, sessionId);
  await db.modelSession.updateMany({ where: { id: round.id, privateRevealedAt: null }, data: { privateRevealedAt: new Date() } });
  return settingsOf(await requireRound(db, sessionId));
}

/** L9: close voting. */
export async function closeVoting(db: Db, sessionId: string): Promise<RoundSettingsView> {
  const round = await requireRound(db, sessionId);
  return settingsOf(await db.modelSession.update({ where: { id: round.id }, data: { votingOpen: false } }));
}

const VOTE_ERRORS = {
  VOTING_CLOSED: ["CONFLICT", "voting is closed"],
  NO_SUCH_SAMPLE: ["NOT_FOUND", "no such sample to vote for"],
  OWN_SAMPLE: ["FORBIDDEN", "you cannot vote for your own sample"],
} as const;

/** L8: one vote per student per round; voting again moves it. */
export async function castVote(db: Db, sessionId: string, voterId: string, submissionId: string): Promise<void> {
  const round = await requireRound(db, sessionId);
  const target = await db.submission.findFirst({
    where: { id: submissionId, modelSessionId: round.id },
    select: { participantId: true, status: true, disqualifiedReason: true, publicBpc: true },
  });
  const refusal = voteRefusal(voterId, target ? { ...target, status: statusOf(target.status) } : null, round.votingOpen);
  if (refusal) {
    const [code, message] = VOTE_ERRORS[refusal];
    throw new AppError(code, message, { reason: [refusal] });
  }
  await db.sampleVote.upsert({
    where: { modelSessionId_voterId: { modelSessionId: round.id, voterId } },
    create: { modelSessionId: round.id, voterId, submissionId },
    update: { submissionId, createdAt: new Date() },
  });
}

/** The leaderboard as CSV (UTF-8 with BOM, formula-guarded cells). */
export async function leaderboardCsv(db: Db, sessionId: string): Promise<{ filename: string; csv: string }> {
  const view = await leaderboardView(db, sessionId, "instructor");
  const header = [
    "rank",
    "private_rank",
    "rank_change",
    "name",
    "group",
    "cell",
    "layers",
    "hidden",
    "public_bpc",
    "private_bpc",
    "sample_bpc",
    "novelty",
    "submissions",
    "submitted_at",
    "backend",
    "step",
    "config_hash",
    "flags",
    "disqualified_reason",
    "votes",
    "sample",
  ];
  const rows = view.rows.map((r) => [
    r.rank,
    r.privateRank,
    r.rankChange,
    r.classModel ? "class model" : r.name,
    r.group,
    r.best?.cell,
    r.best?.layers,
    r.best?.hiddenSize,
    csvNumber(r.best?.publicBpc ?? null, 4),
    csvNumber(r.best?.privateBpc ?? null, 4),
    csvNumber(r.best?.sampleBpc ?? null, 4),
    csvNumber(r.best?.novelty ?? null, 3),
    r.submissionCount,
    r.best?.submittedAt,
    r.best?.backend,
    r.best?.step,
    r.best?.configHash,
    r.flags.join(" "),
    r.disqualifiedReason,
    r.best?.votes ?? null,
    r.best?.sample.text,
  ]);
  const stamp = new Date().toISOString().slice(0, 10);
  return { filename: `leaderboard-${stamp}.csv`, csv: csvDocument([header, ...rows]) };
}
