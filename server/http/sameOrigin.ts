/**
 * Cross-origin request protection (W1, W3 in SECURITY.md), the rule of Go's
 * net/http.CrossOriginProtection: a browser labels each request with where it came from
 * (`Sec-Fetch-Site`, `Origin`); a request from another origin — a page on another port of this
 * host, another subdomain, another site — may not change anything here or open a socket, because
 * the instructor's cookie would ride along with it.
 *
 * "Our origin" is the origin the request was sent to (its Host header), so the same server works
 * for a teacher on http://localhost:3000 and students on http://192.168.0.12:3000, plus PUBLIC_URL
 * when the app is published behind a proxy under another name. Requests without either header
 * come from programs, not browsers (no ambient cookie to abuse), and pass.
 */
import type { IncomingMessage } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin of a configured PUBLIC_URL, or undefined. */
export function publicOrigin(publicUrl: string | undefined): string | undefined {
  return publicUrl ? new URL(publicUrl).origin : undefined;
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage
  }
}

/**
 * Why `req` must be refused as a cross-origin request, or null when it may proceed.
 * `anyMethod`: check even GETs (the Socket.IO handshake, which is a GET that grants a role).
 */
export function crossOriginRefusal(req: IncomingMessage, trustedOrigin: string | undefined, anyMethod = false): string | null {
  if (!anyMethod && SAFE_METHODS.has(req.method ?? "GET")) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && (origin === trustedOrigin || sameHost(origin, req.headers.host))) return null;
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined) {
    return site === "same-origin" || site === "none" ? null : `cross-origin request refused (Sec-Fetch-Site: ${site})`;
  }
  if (origin === undefined) return null; // not a browser
  return `cross-origin request refused (Origin: ${origin})`;
}
