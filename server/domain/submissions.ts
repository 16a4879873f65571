/**
 * Submissions in the database: admission and storage (L10–L13, idempotent), the evaluation
 * queue's state (queued → evaluating → scored | rejected, compare-and-set moves so a restart or a
 * second process never scores a row twice into the leaderboard), and the student's own view.
 * Weights are stored as files named by their SHA-256 (./weightFiles.ts), off the event loop; the
 * row keeps the hash. They are read only by the evaluator and the checkpoint download.
 */
import { z } from "zod";
import { AppError } from "../../lib/protocol/errors";
import { configHash, type CharRNNConfig } from "../../lib/engine/config";
import { configDifferences, sampleProblem, submissionRefusal } from "../../lib/leaderboard/admission";
import type { ScoreResult } from "../../lib/leaderboard/score";
import type { ChosenSample, MySubmission } from "../../lib/protocol/leaderboard";
import { temperatureSampleSchema } from "../../lib/protocol/leaderboard";
import { SUBMISSION_STATUSES, trained, type SubmissionStatus } from "../../lib/leaderboard/ranking";
import { effectiveConfig } from "../../lib/training/rules";
import type { Db } from "../db/client";
import { currentModelSession } from "./modelSessions";
import { assertCorpusVocabulary, decodeUploadedWeights } from "./weightChecks";
import type { WeightFiles } from "./weightFiles";
import { inOwnTurn } from "../loopTurns";

/** What the upload handler hands over once the ticket is verified. */
export interface SubmissionInput {
  sessionId: string;
  participantId: string;
  modelSessionId: string;
  idempotencyKey: string;
  backend: string;
  sample: ChosenSample;
  weights: Uint8Array;
  /** The server's own record of the student's training step (L12), null when none. */
  serverStep: number | null;
}

const cardSchema = z.array(temperatureSampleSchema).catch([]);

type Row = {
  id: string;
  modelSessionId: string;
  status: string;
  error: string | null;
  publicBpc: number | null;
  privateBpc: number | null;
  untrainedBpc: number | null;
  sampleBpc: number | null;
  novelty: number | null;
  sampleText: string;
  sampleTemperature: number;
  samplePrime: string;
  temperatureCard: unknown;
  disqualifiedReason: string | null;
  createdAt: Date;
  scoredAt: Date | null;
};

export function statusOf(value: string): SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value) ? (value as SubmissionStatus) : "rejected";
}

export function temperatureCardOfRow(value: unknown): { temperature: number; text: string }[] {
  return cardSchema.parse(value ?? []);
}

/** A student's view of their own submission; the private score only after the reveal (L5). */
export function toMySubmission(row: Row, revealed: boolean): MySubmission {
  return {
    id: row.id,
    modelSessionId: row.modelSessionId,
    status: statusOf(row.status),
    error: row.error,
    publicBpc: row.publicBpc,
    privateBpc: revealed ? row.privateBpc : null,
    notTrained: statusOf(row.status) === "scored" && !trained(row),
    sampleBpc: row.sampleBpc,
    novelty: row.novelty,
    sample: { text: row.sampleText, temperature: row.sampleTemperature, prime: row.samplePrime },
    temperatureCard: temperatureCardOfRow(row.temperatureCard),
    disqualifiedReason: row.disqualifiedReason,
    createdAt: row.createdAt.toISOString(),
    scoredAt: row.scoredAt?.toISOString() ?? null,
  };
}

/** Every column but the weights. */
export const submissionColumns = {
  id: true,
  modelSessionId: true,
  participantId: true,
  weightsSha256: true,
  configHash: true,
  config: true,
  backend: true,
  step: true,
  status: true,
  error: true,
  publicBpc: true,
  privateBpc: true,
  untrainedBpc: true,
  sampleBpc: true,
  novelty: true,
  sampleText: true,
  sampleTemperature: true,
  samplePrime: true,
  temperatureCard: true,
  disqualifiedReason: true,
  createdAt: true,
  scoredAt: true,
} as const;

/** The round a submission is for: the model session in force of a live session (L10). */
export async function roundOf(db: Db, sessionId: string, modelSessionId: string) {
  const session = await db.classSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new AppError("NOT_FOUND", "no such session");
  if (session.status !== "live") throw new AppError("SESSION_ENDED", "the session has ended");
  const round = await db.modelSession.findFirst({ where: { id: modelSessionId, sessionId } });
  if (!round) throw new AppError("NOT_FOUND", "no such model session in this session");
  if (round.supersededAt !== null)
    throw new AppError("CONFLICT", "a newer model session was pushed: submit a model of the current one", { reason: ["SUPERSEDED"] });
  return round;
}

/** Submissions of a student in a round that count against the limit (L11). */
export function acceptedCount(db: Db, modelSessionId: string, participantId: string): Promise<number> {
  return db.submission.count({ where: { modelSessionId, participantId, status: { not: "rejected" } } });
}

/** L10–L12 for a round row; throws the refusal as CONFLICT with its reason code. */
export function assertAdmissible(
  round: { submissionsOpen: boolean; submissionLimit: number; minSteps: number },
  accepted: number,
  serverStep: number | null,
): void {
  const refusal = submissionRefusal(round, accepted, serverStep);
  if (refusal) throw new AppError("CONFLICT", refusal.message, { reason: [refusal.code] });
}

/** L13: decodes and checks the weights against the student's effective configuration and the corpus. */
async function checkWeights(db: Db, input: SubmissionInput, corpusRef: string): Promise<{ config: CharRNNConfig }> {
  const parsed = decodeUploadedWeights(input.weights);
  const record = await currentModelSession(db, input.sessionId);
  if (!record || record.view.id !== input.modelSessionId) throw new AppError("CONFLICT", "a newer model session was pushed", { reason: ["SUPERSEDED"] });
  const assignment = await db.groupAssignment.findUnique({
    where: { modelSessionId_participantId: { modelSessionId: input.modelSessionId, participantId: input.participantId } },
  });
  const group = record.view.groups.find((g) => g.id === assignment?.groupId);
  const expected = effectiveConfig(record.view.config, group?.overrides);
  const differences = configDifferences(parsed.header.config, expected, record.view.studentKnobs);
  if (differences.length)
    throw new AppError("BAD_REQUEST", `the model's configuration is not this round's: ${differences.join("; ")}`, {
      weights: ["CONFIG_MISMATCH"],
      config: differences,
    });
  await assertCorpusVocabulary(db, corpusRef, parsed);
  return { config: parsed.header.config };
}

/** The stored submission for a retry with the same key, if any (L11: a retry never counts twice). */
export async function findRetry(db: Db, participantId: string, idempotencyKey: string) {
  return db.submission.findUnique({ where: { participantId_idempotencyKey: { participantId, idempotencyKey } }, select: submissionColumns });
}

/**
 * Checks everything (L10–L14) and stores the submission as "queued", in one transaction with the
 * limit count, serialised per student; a refusal stores nothing. Returns the stored row (without weights).
 */
export async function storeSubmission(db: Db, files: WeightFiles, input: SubmissionInput) {
  const problem = sampleProblem(input.sample.text, input.sample.prime);
  if (problem) throw new AppError("BAD_REQUEST", problem, { sample: [problem] });
  const { config } = await inOwnTurn(async () => {
    const round = await roundOf(db, input.sessionId, input.modelSessionId);
    assertAdmissible(round, await acceptedCount(db, input.modelSessionId, input.participantId), input.serverStep);
    return checkWeights(db, input, round.corpusRef);
  });
  const sha256 = await files.save(input.weights); // before the row: a committed row always has its file
  try {
    return await inOwnTurn(() =>
      db.$transaction(async (tx) => {
        // Writing the student's row first locks it (a row lock on PostgreSQL, the write lock on SQLite):
        // two uploads of one student take turns here, so the count below sees the other's insert.
        await tx.participant.update({ where: { id: input.participantId }, data: { lastSeenAt: new Date() } });
        const fresh = await tx.modelSession.findUnique({ where: { id: input.modelSessionId } });
        if (!fresh || fresh.supersededAt !== null) throw new AppError("CONFLICT", "a newer model session was pushed", { reason: ["SUPERSEDED"] });
        assertAdmissible(
          fresh,
          await tx.submission.count({ where: { modelSessionId: input.modelSessionId, participantId: input.participantId, status: { not: "rejected" } } }),
          input.serverStep,
        );
        return tx.submission.create({
          data: {
            modelSessionId: input.modelSessionId,
            participantId: input.participantId,
            idempotencyKey: input.idempotencyKey,
            weights: new Uint8Array(0), // the bytes are in the file named by the hash
            weightsSha256: sha256,
            configHash: configHash(config),
            config,
            backend: input.backend,
            step: input.serverStep ?? 0,
            sampleText: input.sample.text,
            sampleTemperature: input.sample.temperature,
            samplePrime: input.sample.prime,
            status: "queued",
          },
          select: submissionColumns,
        });
      }),
    );
  } catch (error) {
    // Two concurrent requests with the same key: the second finds the first's row.
    const retry = await findRetry(db, input.participantId, input.idempotencyKey);
    if (retry) return retry;
    throw error;
  }
}

/** Rows a restart must evaluate again: everything queued or evaluating, oldest first. */
export async function unfinishedSubmissions(db: Db): Promise<{ id: string; participantId: string; modelSessionId: string }[]> {
  await db.submission.updateMany({ where: { status: "evaluating" }, data: { status: "queued" } });
  return db.submission.findMany({
    where: { status: "queued" },
    orderBy: { createdAt: "asc" },
    select: { id: true, participantId: true, modelSessionId: true },
  });
}

/** Claims a queued row for evaluation (compare-and-set); null when someone else has it or it is gone. */
export async function claimForEvaluation(db: Db, id: string) {
  const claimed = await db.submission.updateMany({ where: { id, status: "queued" }, data: { status: "evaluating" } });
  if (claimed.count === 0) return null;
  return db.submission.findUnique({
    where: { id },
    select: { ...submissionColumns, weights: true, modelSession: { select: { corpusRef: true, sessionId: true } } },
  });
}

export async function saveScore(db: Db, id: string, result: ScoreResult) {
  await db.submission.updateMany({
    where: { id, status: "evaluating" },
    data: {
      status: "scored",
      publicBpc: result.publicBpc,
      privateBpc: result.privateBpc,
      untrainedBpc: result.untrainedBpc,
      sampleBpc: result.sampleBpc,
      novelty: result.novelty,
      temperatureCard: result.temperatureCard,
      scoredAt: new Date(),
      error: null,
    },
  });
}

export async function saveRejection(db: Db, id: string, message: string) {
  await db.submission.updateMany({ where: { id, status: "evaluating" }, data: { status: "rejected", error: message.slice(0, 500), scoredAt: new Date() } });
}

/** A row's student view (after a status change). */
export async function mySubmission(db: Db, id: string): Promise<{ participantId: string; sessionId: string; view: MySubmission } | null> {
  const row = await db.submission.findUnique({
    where: { id },
    select: { ...submissionColumns, modelSession: { select: { sessionId: true, privateRevealedAt: true } } },
  });
  if (!row) return null;
  return { participantId: row.participantId, sessionId: row.modelSession.sessionId, view: toMySubmission(row, row.modelSession.privateRevealedAt !== null) };
}

/** A student's submissions in a round, newest first. */
export async function mySubmissions(db: Db, participantId: string, modelSessionId: string, revealed: boolean): Promise<MySubmission[]> {
  const rows = await db.submission.findMany({ where: { participantId, modelSessionId }, orderBy: { createdAt: "desc" }, select: submissionColumns });
  return rows.map((r) => toMySubmission(r, revealed));
}
