/**
 * POST SUBMISSION_UPLOAD_PATH: the one HTTP request that carries a submission (weights are too big
 * for the socket). Body framing: lib/protocol/leaderboard.ts encodeUploadBody. The body is capped
 * before it is read (declared length) and while it is read (actual bytes); the ticket decides who
 * submits (never the body); a retried idempotency key returns the first submission; everything
 * else is checked by server/domain/submissions.ts before anything is stored. The reply is a
 * Reply<UploadReply> with the stored submission, sent only after the row is committed.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../lib/protocol/errors";
import { SUBMISSION_UPLOAD_PATH, decodeUploadBody, uploadMetadataSchema, type UploadReply } from "../../lib/protocol/leaderboard";
import { readUploadTicket } from "../auth/uploadTicket";
import { findRetry, storeSubmission, toMySubmission } from "../domain/submissions";
import { SUBMISSION_RATE_LIMIT, UPLOAD_IP_LIMIT, UPLOAD_MAX_BODY_BYTES } from "../limits";
import { RateLimiter } from "../rateLimit";
import { issuesOf, toErrorBody } from "../realtime/requests";
import { trainedSteps } from "../realtime/leaderboardEvents";
import type { RealtimeContext } from "../realtime/socketServer";
import { STATUS, send } from "./router";

const MAX_METADATA_BYTES = 64 * 1024;

export async function readCapped(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${maxBytes} bytes`, { weights: ["TOO_LARGE"] });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${maxBytes} bytes`, { weights: ["TOO_LARGE"] });
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

export function createSubmissionUpload(realtime: RealtimeContext, now: () => number = Date.now) {
  const perStudent = new RateLimiter(SUBMISSION_RATE_LIMIT);
  const perIp = new RateLimiter(UPLOAD_IP_LIMIT);
  const { db, env, training, leaderboard } = realtime;

  async function accept(req: IncomingMessage): Promise<UploadReply> {
    if (!perIp.take(req.socket.remoteAddress ?? "unknown")) throw new AppError("RATE_LIMITED", "too many uploads from this network; wait a moment");
    const framed = decodeUploadBody(await readCapped(req, UPLOAD_MAX_BODY_BYTES), MAX_METADATA_BYTES);
    if (!framed) throw new AppError("BAD_REQUEST", "the upload body is malformed (expected 4-byte length, JSON metadata, weights)");
    const parsed = uploadMetadataSchema.safeParse(framed.metadata);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid upload metadata", issuesOf(parsed.error));
    const metadata = parsed.data;
    const claims = readUploadTicket(metadata.ticket, env.SESSION_SECRET, now());
    if (!claims) throw new AppError("INVALID_TOKEN", "the upload ticket is invalid or expired; ask for a new one");

    const retry = await findRetry(db, claims.participantId, metadata.idempotencyKey);
    if (retry) {
      const round = await db.modelSession.findUnique({ where: { id: retry.modelSessionId }, select: { privateRevealedAt: true } });
      return { submission: toMySubmission(retry, round?.privateRevealedAt != null), retried: true };
    }
    if (!perStudent.take(claims.participantId)) throw new AppError("RATE_LIMITED", "too many submissions in a short time; wait a few seconds", { reason: ["RATE_LIMITED"] });
    const row = await storeSubmission(db, {
      sessionId: claims.sessionId,
      participantId: claims.participantId,
      modelSessionId: claims.modelSessionId,
      idempotencyKey: metadata.idempotencyKey,
      backend: metadata.backend,
      sample: metadata.sample,
      weights: framed.weights,
      serverStep: await trainedSteps(training, db, claims.sessionId, claims.modelSessionId, claims.participantId),
    });
    const round = await db.modelSession.findUnique({ where: { id: row.modelSessionId }, select: { corpusRef: true } });
    leaderboard.enqueue({ id: row.id, participantId: row.participantId, corpusRef: round?.corpusRef ?? "" });
    leaderboard.changed(claims.sessionId);
    return { submission: toMySubmission(row, false), retried: false };
  }

  /** Returns false when the request is not an upload. */
  return async function serveSubmissionUpload(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== SUBMISSION_UPLOAD_PATH) return false;
    try {
      if (req.method !== "POST") throw new AppError("BAD_REQUEST", "POST the submission");
      send(res, 200, { ok: true, data: await accept(req) });
    } catch (error) {
      const body = toErrorBody(error);
      if (!req.complete) {
        res.setHeader("Connection", "close"); // the rest of an over-large body is discarded, not read
        req.resume();
      }
      send(res, STATUS[body.code], { ok: false, error: body });
    }
    return true;
  };
}
