/**
 * Rejoin tokens: how a student's browser proves it is the same participant after a refresh,
 * a dropped connection or a server restart, without a password.
 *
 * token = base64url(JSON {s: sessionId, p: participantId, v: tokenVersion}) "." HMAC-SHA256(secret, body)
 *
 * The signature stops forgery; `v` must equal the participant's current tokenVersion in the
 * database, and every successful rejoin increments it, so a token that was already used
 * (copied, replayed) is refused.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const claimsSchema = z.object({ s: z.string(), p: z.string(), v: z.number().int().nonnegative() });
export type RejoinClaims = z.infer<typeof claimsSchema>;

function sign(body: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`rejoin:${body}`).digest();
}

export function issueRejoinToken(claims: RejoinClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${sign(body, secret).toString("base64url")}`;
}

/** The claims of a correctly signed token, or null for anything forged or malformed. */
export function readRejoinToken(token: string, secret: string): RejoinClaims | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
