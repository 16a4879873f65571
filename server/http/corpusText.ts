/**
 * Serves the train and validation splits of a corpus as UTF-8 text:
 *   GET /corpora/<ref>/train.txt   GET /corpora/<ref>/validation.txt
 * Anything else under /corpora/ — the test split above all — is 404. An instructor's upload is
 * served only to its owner and to participants of the owner's sessions that train on it (W17:
 * the student's browser shows its seat in the x-rejoin-token header); to anyone else it is 404.
 * Splits never change for a reference, so responses carry an ETag and may be cached.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { corpusSplits } from "../domain/corpora";
import { mayReadUpload, UPLOAD_PREFIX, type CorpusReader } from "../domain/uploadedCorpora";
import { currentInstructor } from "../auth/instructorSessions";
import { readRejoinToken } from "../auth/rejoinToken";
import { decodeUrlPart } from "./percentDecoding";

const PATTERN = /^\/corpora\/([A-Za-z0-9:-]{1,60})\/(train|validation)\.txt$/;

/** The header in which a student's browser shows its seat (rejoin token) when it fetches an uploaded text. */
export const SEAT_HEADER = "x-rejoin-token";

/** Who is asking: the instructor's cookie and/or the student's seat. */
async function readerOf(db: Db, secret: string, req: IncomingMessage): Promise<CorpusReader> {
  const instructor = await currentInstructor(db, req.headers.cookie);
  const token = req.headers[SEAT_HEADER];
  const seat = typeof token === "string" ? readRejoinToken(token, secret) : null;
  return { instructorId: instructor?.id, seat: seat ? { sessionId: seat.s, participantId: seat.p } : undefined };
}

/** Returns false when the request is not for a corpus text. */
export async function serveCorpusText(db: Db, secret: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (!path.startsWith("/corpora/")) return false;
  let decoded: string;
  try {
    decoded = decodeUrlPart(path);
  } catch {
    res.statusCode = 400;
    res.end("bad request");
    return true;
  }
  const match = PATTERN.exec(decoded);
  const readable =
    match !== null && req.method === "GET" && (!match[1].startsWith(UPLOAD_PREFIX) || (await mayReadUpload(db, match[1], await readerOf(db, secret, req))));
  const splits = match && readable ? await corpusSplits(db, match[1]) : null;
  if (!match || !splits) {
    res.statusCode = 404;
    res.end("not found");
    return true;
  }
  const text = splits[match[2] as "train" | "validation"];
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", match[1].startsWith(UPLOAD_PREFIX) ? "private, max-age=3600" : "public, max-age=3600");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (req.headers["if-none-match"] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(text);
  return true;
}
