/**
 * Headers every response carries (W4, W5 in SECURITY.md), set by the server before any handler —
 * JSON API, corpus texts, uploads and Next.js pages alike — so no route can forget them.
 *
 * The Content-Security-Policy is the one the app really runs under (e2e/security.spec.ts visits
 * every page and trains a model with zero violations):
 * - script-src 'nonce-…': Next.js streams its React Server Components payload in inline <script>
 *   tags. Each request gets a fresh nonce, written into the policy and also into the request's own
 *   `Content-Security-Policy` header, which is where Next.js' renderer looks for the nonce to put on
 *   the scripts it emits (every page is rendered per request). An injected inline script has no
 *   nonce and does not run. 'self' admits the bundle's chunk files and the WASM backend's worker.
 * - 'wasm-unsafe-eval': tfjs' WASM backend compiles its .wasm module (training and the lab).
 * - style-src 'unsafe-inline': React sets style attributes (bars, charts); styles cannot run code.
 * - worker-src blob:: tfjs and the bundler may start workers from blob: URLs.
 * - img-src data: blob:: the QR code and uPlot's canvas exports are data:/blob: images.
 * - connect-src 'self': the JSON API, corpus texts and Socket.IO's WebSocket on this same origin.
 * - frame-ancestors 'none' (with X-Frame-Options for older browsers): no page may be framed.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"));
  // Whatever the client sent under this name is replaced: the nonce must be the server's own.
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", policy);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
}
