/**
 * Serves the train and validation splits of a corpus as UTF-8 text:
 *   GET /corpora/<ref>/train.txt   GET /corpora/<ref>/validation.txt
 * Anything else under /corpora/ — the test split above all — is 404. Splits never change for a
 * reference, so responses carry an ETag and may be cached.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/client";
import { corpusSplits } from "../domain/corpora";
import { decodeUrlPart } from "./percentDecoding";

const PATTERN = /^\/corpora\/([A-Za-z0-9:-]{1,60})\/(train|validation)\.txt$/;

/** Returns false when the request is not for a corpus text. */
export async function serveCorpusText(db: Db, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
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
  const splits = match && req.method === "GET" ? await corpusSplits(db, match[1]) : null;
  if (!match || !splits) {
    res.statusCode = 404;
    res.end("not found");
    return true;
  }
  const text = splits[match[2] as "train" | "validation"];
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", "public, max-age=3600");
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
