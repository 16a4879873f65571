/**
 * Known devices (W8 in SECURITY.md): a browser where an instructor logged in successfully gets a
 * signed, httpOnly cookie naming that account. Its login attempts are throttled in its own bucket,
 * so a stranger guessing the password — from the school's shared IP or from many IPs — empties
 * only the buckets of unknown devices and never locks the owner out of their own laptop.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { KNOWN_DEVICE_DAYS } from "../limits";
import { readCookie, servedOverHttps } from "./instructorSessions";
import { readToken, signToken } from "./signedToken";

export const DEVICE_COOKIE = "rc_device";
const PURPOSE = "device";
const claimsSchema = z.object({ a: z.string(), d: z.string(), e: z.number() });

/** A Set-Cookie value marking this browser as a known device of `instructorId`. */
export function knownDeviceCookie(instructorId: string, secret: string, req: IncomingMessage, now = Date.now()): string {
  const maxAge = KNOWN_DEVICE_DAYS * 24 * 3600;
  const token = signToken(PURPOSE, { a: instructorId, d: randomBytes(9).toString("base64url"), e: now + maxAge * 1000 }, secret);
  return `${DEVICE_COOKIE}=${token}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${servedOverHttps(req) ? "; Secure" : ""}`;
}

/** The id of this known device of `instructorId`, or null when the browser is not one. */
export function knownDevice(req: IncomingMessage, instructorId: string, secret: string, now = Date.now()): string | null {
  const token = readCookie(req.headers.cookie, DEVICE_COOKIE);
  const claims = token ? readToken(PURPOSE, token, secret, claimsSchema) : null;
  return claims && claims.a === instructorId && claims.e > now ? claims.d : null;
}
