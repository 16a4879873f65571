/**
 * Where to go after logging in (W9 in SECURITY.md): only a path of this same site. The `next`
 * parameter is parsed as a URL against a placeholder origin, the way the browser will resolve it,
 * so `/\evil.example`, `//evil.example` or `/\t/evil.example` (a tab or newline) — which browsers
 * turn into another host — are caught by comparing origins rather than by string prefixes.
 */
const PLACEHOLDER = "http://same-origin.invalid";

export function safeNextPath(next: string | null | undefined, fallback = "/classes"): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
