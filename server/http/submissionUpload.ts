/**
 * POST SUBMISSION_UPLOAD_PATH: the one HTTP request that carries a submission (weights are too big
 * for the socket). Body framing: lib/protocol/leaderboard.ts encodeUploadBody. The body is capped
 * before it is read (declared length) and while it is read (actual bytes); the ticket, framed
 * first, is checked before the weights are read (W13) and decides who submits (never the body);
 * a few large uploads per IP at once (W14); a retried idempotency key returns the first submission; everything
 * else is checked by server/domain/submissions.ts before anything is stored. The reply is a
 * Reply<UploadReply> with the stored submission, sent only after the row is committed.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../lib/protocol/errors";
import { SUBMISSION_UPLOAD_PATH, decodeUploadBody, uploadMetadataSchema, type UploadReply } from "../../lib/protocol/leaderboard";
import { parseUntrusted } from "../../lib/protocol/untrusted";
import { readUploadTicket } from "../auth/uploadTicket";
import { findRetry, storeSubmission, toMySubmission } from "../domain/submissions";
import { HTTP_MAX_JSON_BYTES, SUBMISSION_RATE_LIMIT, UPLOAD_IP_LIMIT, UPLOAD_MAX_BODY_BYTES } from "../limits";
import { weightFiles } from "../domain/weightFiles";
import { RateLimiter } from "../rateLimit";
import { issuesOf } from "../errors";
import { trainedSteps } from "../realtime/leaderboardEvents";
import type { RealtimeContext } from "../realtime/context";
import type { BodyGate } from "./bodyGate";
import { answerUpload } from "./router";
import { clientAddressOf } from "./clientAddress";

const MAX_METADATA_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${maxBytes} bytes`, { weights: ["TOO_LARGE"] });

/**
 * Reads a body in steps, so the framed metadata (and its ticket) can be checked before the
 * megabytes of weights behind it are read (W13). Counts bytes against the cap while reading.
 */
class BodyReader {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly source: AsyncIterator<Buffer>;

  constructor(
    req: IncomingMessage,
    private readonly maxBytes: number,
  ) {
    this.source = req[Symbol.asyncIterator]();
  }

  /** Everything read so far, after reading until at least `bytes` are in or the body ends. */
  async readAtLeast(bytes: number): Promise<Uint8Array> {
    while (this.size < bytes) {
      const { done, value } = await this.source.next().catch(() => {
        throw new AppError("BAD_REQUEST", "the upload was cut off"); // the client went away
      });
      if (done) break;
      this.size += value.length;
      if (this.size > this.maxBytes) throw tooLarge(this.maxBytes);
      this.chunks.push(value);
    }
    const body = Buffer.concat(this.chunks);
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }

  readAll(): Promise<Uint8Array> {
    return this.readAtLeast(Infinity);
  }
}

/** A whole body, refused past `maxBytes` (by Content-Length before reading, and while reading). */
export async function readCapped(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) throw tooLarge(maxBytes);
  return new BodyReader(req, maxBytes).readAll();
}

/** The ticket a metadata object names, if it has one (read before the schema: W13 answers 401, not schema details). */
function ticketOf(metadata: unknown): string {
  const ticket = typeof metadata === "object" && metadata !== null ? (metadata as { ticket?: unknown }).ticket : undefined;
  return typeof ticket === "string" ? ticket : "";
}

export function createSubmissionUpload(realtime: RealtimeContext, largeBodies: BodyGate, now: () => number = Date.now) {
  const perStudent = new RateLimiter(SUBMISSION_RATE_LIMIT);
  const perIp = new RateLimiter(UPLOAD_IP_LIMIT);
  const { db, env, training, leaderboard } = realtime;
  const weights = weightFiles(env.DATA_DIR);
  const clientIp = clientAddressOf(env.TRUSTED_PROXIES);

  async function accept(req: IncomingMessage): Promise<UploadReply> {
    const ip = clientIp(req);
    if (!perIp.take(ip)) throw new AppError("RATE_LIMITED", "too many uploads from this network; wait a moment");
    if (Number(req.headers["content-length"] ?? 0) > UPLOAD_MAX_BODY_BYTES) throw tooLarge(UPLOAD_MAX_BODY_BYTES);
    const malformed = new AppError("BAD_REQUEST", "the upload body is malformed (expected 4-byte length, JSON metadata, weights)");
    const reader = new BodyReader(req, UPLOAD_MAX_BODY_BYTES);
    const head = await reader.readAtLeast(4);
    if (head.length < 4) throw malformed;
    const metadataLength = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true);
    if (metadataLength > MAX_METADATA_BYTES) throw malformed;
    const framedHead = decodeUploadBody(await reader.readAtLeast(4 + metadataLength), MAX_METADATA_BYTES);
    if (!framedHead) throw malformed;
    const claims = readUploadTicket(ticketOf(framedHead.metadata), env.SESSION_SECRET, now());
    if (!claims) throw new AppError("INVALID_TOKEN", "the upload ticket is invalid or expired; ask for a new one");
    await realtime.gate.requireLive(claims.sessionId);
    const parsed = parseUntrusted(uploadMetadataSchema, framedHead.metadata);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid upload metadata", issuesOf(parsed.error));
    const metadata = parsed.data;

    const length = req.headers["content-length"];
    const release = length !== undefined && Number(length) <= HTTP_MAX_JSON_BYTES ? () => undefined : largeBodies.enter(ip);
    if (!release) throw new AppError("RATE_LIMITED", "too many uploads from this network at once; try again in a moment");
    const framed = await reader
      .readAll()
      .finally(release)
      .then((body) => decodeUploadBody(body, MAX_METADATA_BYTES));
    if (!framed) throw malformed;

    const retry = await findRetry(db, claims.participantId, metadata.idempotencyKey);
    if (retry) {
      const round = await db.modelSession.findUnique({ where: { id: retry.modelSessionId }, select: { privateRevealedAt: true } });
      return { submission: toMySubmission(retry, round?.privateRevealedAt != null), retried: true };
    }
    if (!perStudent.take(claims.participantId))
      throw new AppError("RATE_LIMITED", "too many submissions in a short time; wait a few seconds", { reason: ["RATE_LIMITED"] });
    const row = await storeSubmission(db, weights, {
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
    await answerUpload(req, res, async () => {
      if (req.method !== "POST") throw new AppError("BAD_REQUEST", "POST the submission");
      return accept(req);
    });
    return true;
  };
}
