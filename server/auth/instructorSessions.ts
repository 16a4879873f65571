/**
 * Instructor logins: a random token in an httpOnly, SameSite=Lax cookie; the database keeps only
 * its SHA-256 (a stolen database does not yield usable cookies). Shared by HTTP routes and the
 * Socket.IO handshake, which both read the same cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Db } from "../db/client";

export const SESSION_COOKIE = "rc_session";
const SESSION_DAYS = 14;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export interface LoggedInInstructor {
  id: string;
  email: string;
  displayName: string;
}

/**
 * Whether the browser reached us over HTTPS: directly (TLS) or through a proxy that says so. A
 * client that fakes the proxy header only gets a Secure cookie it cannot store over plain HTTP.
 */
export function servedOverHttps(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
}

export async function createLogin(db: Db, instructorId: string, req: IncomingMessage): Promise<{ cookie: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.authSession.create({ data: { id: digest(token), instructorId, expiresAt } });
  return { cookie: cookieHeader(token, SESSION_DAYS * 24 * 3600, servedOverHttps(req)) };
}

export async function endLogin(db: Db, req: IncomingMessage): Promise<{ cookie: string }> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (token) await db.authSession.deleteMany({ where: { id: digest(token) } });
  return { cookie: cookieHeader("", 0, servedOverHttps(req)) };
}

export async function currentInstructor(db: Db, cookieHeaderValue: string | undefined): Promise<LoggedInInstructor | null> {
  const token = readCookie(cookieHeaderValue, SESSION_COOKIE);
  if (!token) return null;
  const session = await db.authSession.findUnique({ where: { id: digest(token) }, include: { instructor: true } });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  const { id, email, displayName } = session.instructor;
  return { id, email, displayName };
}

/** W6: Secure over HTTPS, so the cookie never travels over plain HTTP once the site is served over TLS. */
function cookieHeader(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

/** A cookie's value; a value with malformed percent-encoding counts as absent (W18: never an internal error). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
