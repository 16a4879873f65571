/**
 * Shared checkpoints (T11): the instructor sends a model to the class — one student's best verified
 * submission, or a model the instructor trained themselves and uploaded — and students training the
 * same configuration download it with a signed link and continue from it.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { configHash } from "../../lib/engine/config";
import { configDifferences } from "../../lib/leaderboard/admission";
import { AppError } from "../../lib/protocol/errors";
import { effectiveConfig } from "../../lib/training/rules";
import type { Db } from "../db/client";
import { readToken, signToken } from "../auth/signedToken";
import { currentModelSession } from "./modelSessions";
import { rowWeights, type WeightFiles } from "./weightFiles";
import { assertCorpusVocabulary, decodeUploadedWeights } from "./weightChecks";

const LINK_TTL_MS = 30 * 60_000;
const claimsSchema = z.object({ c: z.string(), e: z.number() });

export interface SharedCheckpoint {
  /** The submission or instructor model shared. */
  submissionId: string;
  configHash: string;
  step: number;
  source: "student" | "instructor";
  from: string;
  url: string;
}

/** A signed link to one stored model's weights, valid for LINK_TTL_MS (also used by the students' keep page). */
export function checkpointLink(id: string, secret: string, now: number): string {
  const token = signToken("checkpoint", { c: id, e: now + LINK_TTL_MS }, secret);
  return `/checkpoints/${id}.rnnw?token=${encodeURIComponent(token)}`;
}

async function modelSessionInForce(db: Db, sessionId: string) {
  const record = await currentModelSession(db, sessionId);
  if (!record) throw new AppError("CONFLICT", "push a model session first");
  return record;
}

/** The student's best scored submission in the model session in force, with a download link. */
export async function shareBestModel(db: Db, secret: string, sessionId: string, participantId: string, now = Date.now()): Promise<SharedCheckpoint> {
  const record = await modelSessionInForce(db, sessionId);
  const best = await db.submission.findFirst({
    where: { modelSessionId: record.view.id, participantId, status: "scored", disqualifiedReason: null },
    orderBy: [{ publicBpc: "asc" }, { createdAt: "asc" }],
    select: { id: true, configHash: true, step: true, participant: { select: { displayName: true } } },
  });
  if (!best) throw new AppError("NOT_FOUND", "this student has no verified submission in this model session");
  return {
    submissionId: best.id,
    configHash: best.configHash,
    step: best.step,
    source: "student",
    from: best.participant.displayName,
    url: checkpointLink(best.id, secret, now),
  };
}

/** What the instructor learns about a stored model: which variants of the round it fits exactly. */
export interface StoredInstructorModel {
  id: string;
  configHash: string;
  step: number;
  /** Labels of the groups (or "" for the whole class without groups) training exactly this configuration. */
  matches: string[];
}

/**
 * Checks and stores a model the instructor trained: a valid weight file whose configuration is the
 * model session's (or one of its groups', students' knobs within bounds) and whose vocabulary is
 * the corpus's. Nothing is stored when a check fails.
 */
export async function storeInstructorModel(db: Db, sessionId: string, weights: Uint8Array): Promise<StoredInstructorModel> {
  const parsed = decodeUploadedWeights(weights);
  const record = await modelSessionInForce(db, sessionId);
  const { config, studentKnobs, groups } = record.view;
  const variants = groups.length ? groups.map((g) => ({ label: g.label, config: effectiveConfig(config, g.overrides) })) : [{ label: "", config }];
  const model = parsed.header.config;
  const fitting = variants.filter((v) => configDifferences(model, v.config, studentKnobs).length === 0);
  if (fitting.length === 0) {
    const differences = configDifferences(model, variants[0].config, studentKnobs);
    throw new AppError("BAD_REQUEST", `the model's configuration is not this round's: ${differences.join("; ")}`, {
      weights: ["CONFIG_MISMATCH"],
      config: differences,
    });
  }
  await assertCorpusVocabulary(db, record.view.corpus, parsed);
  const hash = configHash(model);
  const row = await db.instructorModel.create({
    data: {
      modelSessionId: record.view.id,
      weights: new Uint8Array(weights), // a copy: the stored bytes own their buffer
      weightsSha256: createHash("sha256").update(weights).digest("hex"),
      configHash: hash,
      step: parsed.header.step,
    },
    select: { id: true },
  });
  return { id: row.id, configHash: hash, step: parsed.header.step, matches: variants.filter((v) => configHash(v.config) === hash).map((v) => v.label) };
}

/** An uploaded instructor model of the model session in force, with a download link. */
export async function shareInstructorModel(
  db: Db,
  secret: string,
  sessionId: string,
  modelId: string,
  from: string,
  now = Date.now(),
): Promise<SharedCheckpoint> {
  const record = await modelSessionInForce(db, sessionId);
  const model = await db.instructorModel.findFirst({
    where: { id: modelId, modelSessionId: record.view.id },
    select: { id: true, configHash: true, step: true },
  });
  if (!model) throw new AppError("NOT_FOUND", "no such model for the model session in force; upload it again");
  return { submissionId: model.id, configHash: model.configHash, step: model.step, source: "instructor", from, url: checkpointLink(model.id, secret, now) };
}

/** The weights behind a valid, unexpired link (a submission's or an instructor model's); null otherwise. */
export async function checkpointWeights(db: Db, files: WeightFiles, secret: string, id: string, token: string, now = Date.now()): Promise<Uint8Array | null> {
  const claims = readToken("checkpoint", token, secret, claimsSchema);
  if (!claims || claims.c !== id || claims.e < now) return null;
  const row =
    (await db.submission.findUnique({ where: { id }, select: { weights: true, weightsSha256: true } })) ??
    (await db.instructorModel.findUnique({ where: { id }, select: { weights: true, weightsSha256: true } }));
  return row ? rowWeights(files, row) : null;
}
