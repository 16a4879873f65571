/**
 * Shared checkpoints (T11): the instructor sends one student's best verified model to the class;
 * students training the same configuration download it with a signed link and continue from it.
 */
import { z } from "zod";
import { AppError } from "../../lib/protocol/errors";
import type { Db } from "../db/client";
import { readToken, signToken } from "../auth/signedToken";
import { currentModelSession } from "./modelSessions";

const LINK_TTL_MS = 30 * 60_000;
const claimsSchema = z.object({ c: z.string(), e: z.number() });

export interface SharedCheckpoint {
  submissionId: string;
  configHash: string;
  step: number;
  from: string;
  url: string;
}

/** The student's best scored submission in the model session in force, with a download link. */
export async function shareBestModel(db: Db, secret: string, sessionId: string, participantId: string, now = Date.now()): Promise<SharedCheckpoint> {
  const record = await currentModelSession(db, sessionId);
  if (!record) throw new AppError("CONFLICT", "push a model session first");
  const best = await db.submission.findFirst({
    where: { modelSessionId: record.view.id, participantId, status: "scored", disqualifiedReason: null },
    orderBy: [{ publicBpc: "asc" }, { createdAt: "asc" }],
    select: { id: true, configHash: true, step: true, participant: { select: { displayName: true } } },
  });
  if (!best) throw new AppError("NOT_FOUND", "this student has no verified submission in this model session");
  const token = signToken("checkpoint", { c: best.id, e: now + LINK_TTL_MS }, secret);
  return { submissionId: best.id, configHash: best.configHash, step: best.step, from: best.participant.displayName, url: `/checkpoints/${best.id}.rnnw?token=${encodeURIComponent(token)}` };
}

/** The weights behind a valid, unexpired link; null otherwise. */
export async function checkpointWeights(db: Db, secret: string, submissionId: string, token: string, now = Date.now()): Promise<Uint8Array | null> {
  const claims = readToken("checkpoint", token, secret, claimsSchema);
  if (!claims || claims.c !== submissionId || claims.e < now) return null;
  const row = await db.submission.findUnique({ where: { id: submissionId }, select: { weights: true } });
  return row ? new Uint8Array(row.weights) : null;
}
