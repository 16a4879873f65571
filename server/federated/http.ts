/**
 * The class model over HTTP (weights exceed the socket's 64 KiB cap):
 *   POST CLASS_MODEL_UPDATE_PATH — a round's update, framed like a submission (4-byte JSON length,
 *     JSON `updateMetadataSchema`, then the .rnnw file); capped before and while reading; the token
 *     says who sends it; an ended session takes none (SS2 in SECURITY.md, the one gate
 *     server/realtime/sessionGate.ts); checks and storage are classModelHub.ts's (F4–F6).
 *   GET CLASS_MODEL_VERSION_PATH/<classModelId>/<version>?token=… — a version's .rnnw file, for the
 *     students of that class model.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeUploadBody } from "../../lib/protocol/leaderboard";
import { AppError } from "../../lib/protocol/errors";
import { CLASS_MODEL_UPDATE_PATH, CLASS_MODEL_VERSION_PATH, updateMetadataSchema } from "../../lib/protocol/federated";
import { UPLOAD_IP_LIMIT, UPLOAD_MAX_BODY_BYTES } from "../limits";
import { RateLimiter, type BucketLimit } from "../rateLimit";
import { issuesOf } from "../errors";
import { readCapped } from "../http/submissionUpload";
import { answerUpload, sendWeights } from "../http/router";
import type { SessionGate } from "../realtime/sessionGate";
import type { ClassModelHub } from "./classModelHub";
import { readClassModelToken } from "./token";

const MAX_METADATA_BYTES = 4 * 1024;
/**
 * Updates per student: one a round, plus retries (a burst of 4, then one a second). A small model's
 * rounds close within a few seconds, so one every 5 s refused honest students (measured in
 * e2e/classModel.spec.ts); a second update in a round is refused anyway (DUPLICATE).
 */
const UPDATE_RATE_LIMIT: BucketLimit = { burst: 4, perSecond: 1 };
const VERSION_PATTERN = new RegExp(`^${CLASS_MODEL_VERSION_PATH}/([A-Za-z0-9]{1,64})/(\\d{1,6})$`);

export function createClassModelHttp(
  hub: ClassModelHub,
  gate: SessionGate,
  secret: string,
  clientIp: (req: IncomingMessage) => string,
  now: () => number = Date.now,
) {
  const perStudent = new RateLimiter(UPDATE_RATE_LIMIT);
  const perIp = new RateLimiter(UPLOAD_IP_LIMIT);

  async function acceptUpdate(req: IncomingMessage) {
    if (req.method !== "POST") throw new AppError("BAD_REQUEST", "POST the update");
    if (!perIp.take(clientIp(req))) throw new AppError("RATE_LIMITED", "too many uploads from this network; wait a moment");
    const framed = decodeUploadBody(await readCapped(req, UPLOAD_MAX_BODY_BYTES), MAX_METADATA_BYTES);
    if (!framed) throw new AppError("BAD_REQUEST", "the upload body is malformed (expected 4-byte length, JSON metadata, weights)");
    const parsed = updateMetadataSchema.safeParse(framed.metadata);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid update metadata", issuesOf(parsed.error));
    const claims = readClassModelToken(parsed.data.token, secret, now());
    if (!claims) throw new AppError("INVALID_TOKEN", "the class-model token is invalid or expired; reload the page");
    await gate.requireLive(claims.sessionId);
    if (!perStudent.take(claims.participantId)) throw new AppError("RATE_LIMITED", "too many updates in a short time", { reason: ["RATE_LIMITED"] });
    return hub.acceptUpdate(claims, parsed.data, framed.weights);
  }

  async function version(req: IncomingMessage, url: URL): Promise<Uint8Array | null> {
    const match = VERSION_PATTERN.exec(url.pathname);
    const claims = readClassModelToken(url.searchParams.get("token") ?? "", secret, now());
    if (!match || req.method !== "GET" || !claims || claims.classModelId !== match[1]) return null;
    return hub.versionWeights(match[1], Number(match[2]));
  }

  /** Returns false when the request is not the class model's. */
  return async function serveClassModel(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === CLASS_MODEL_UPDATE_PATH) {
      await answerUpload(req, res, () => acceptUpdate(req));
      return true;
    }
    if (!url.pathname.startsWith(`${CLASS_MODEL_VERSION_PATH}/`)) return false;
    sendWeights(res, await version(req, url));
    return true;
  };
}
