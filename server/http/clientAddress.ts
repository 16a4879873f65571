/**
 * The client's IP address for per-network rate limits (R9). Behind a load balancer every request
 * comes from the balancer's address, so all students would share one bucket; the balancer puts
 * the real address in X-Forwarded-For. That header is believed only when the request comes from
 * an address listed in TRUSTED_PROXIES — anyone else could write any address into it. The
 * client is the right-most address in the header that is not itself a trusted proxy.
 */
import type { IncomingMessage } from "node:http";

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) and "10.0.0.1" are one address. */
function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  const direct = normalize(peer ?? "unknown");
  if (!trusted.has(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0] ?? direct;
}

/** A request's client address under the configured trusted proxies. */
export function clientAddressOf(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trusted = new Set(trustedProxies.map(normalize));
  return (req) => clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
}
