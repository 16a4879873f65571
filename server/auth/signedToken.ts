/**
 * Signed tokens: base64url(JSON claims) "." HMAC-SHA256(secret, purpose + body). The purpose keeps
 * a token made for one use (rejoining, uploading) from being accepted for another.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

function signature(purpose: string, body: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${purpose}:${body}`).digest();
}

export function signToken(purpose: string, claims: unknown, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${signature(purpose, body, secret).toString("base64url")}`;
}

/** The claims of a correctly signed token for `purpose`, or null for anything forged or malformed. */
export function readToken<T>(purpose: string, token: string, secret: string, schema: z.ZodType<T>): T | null {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, "base64url");
  const expected = signature(purpose, body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
