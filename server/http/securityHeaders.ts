/**
 * Headers every response carries (W4, W5 in SECURITY.md), set by the server before any handler —
 * JSON API, corpus texts, uploads and Next.js pages alike — so no route can forget them.
 *
 * The Content-Security-Policy is the one the app really runs under (e2e/security.spec.ts visits
 * every page and trains a model with zero violations):
 * - script-src 'unsafe-inline': Next.js streams its React Server Components payload in inline
 *   <script> tags on prerendered pages, which cannot carry per-request nonces; React escapes every
 *   user string, so the inline allowance is not an injection path by itself.
 * - 'wasm-unsafe-eval': tfjs' WASM backend compiles its .wasm module (training and the lab).
 * - worker-src blob:: tfjs and the bundler may start workers from blob: URLs.
 * - img-src data: blob:: the QR code and uPlot's canvas exports are data:/blob: images.
 * - connect-src 'self': the JSON API, corpus texts and Socket.IO's WebSocket on this same origin.
 * - frame-ancestors 'none' (with X-Frame-Options for older browsers): no page may be framed.
 */
import type { ServerResponse } from "node:http";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
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

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
}
