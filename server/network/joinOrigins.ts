/**
 * Which origin students should open (rule N1–N4 in server/network/SPEC.md). A teacher who follows the
 * README opens http://localhost:3000; a join link on that origin is useless to a phone. When the
 * console is reached on a loopback address the join link uses the machine's LAN addresses instead,
 * the likeliest first; PUBLIC_URL overrides everything (a reverse proxy, a DNS name).
 */
import type { NetworkInterfaceInfo } from "node:os";
import type { JoinOrigins } from "../../lib/api/network";

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Interface names of virtual networks (containers, VMs, VPNs) that a phone on the school Wi-Fi cannot reach. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|podman|lxc|lxd|tun|tap|wg|utun|zt|tailscale)/i;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host) || host === "0.0.0.0";
}

/** Higher is likelier to be the address the classroom's devices share (N2). */
function likelihood(name: string, address: string): number {
  if (VIRTUAL_INTERFACE.test(name)) return 0;
  if (address.startsWith("169.254.")) return 1; // link-local: no DHCP answered
  if (address.startsWith("192.168.")) return 5; // home and school Wi-Fi routers
  if (address.startsWith("10.")) return 4;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 3;
  return 2; // a public or otherwise routed address
}

/** The machine's IPv4 LAN addresses, likeliest first (N2). Ties keep the system's order. */
export function lanAddresses(interfaces: Interfaces): string[] {
  const found: { address: string; score: number; order: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== "IPv4" || info.internal) continue;
      found.push({ address: info.address, score: likelihood(name, info.address), order: found.length });
    }
  }
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return [...new Set(found.map((f) => f.address))];
}

export interface JoinOriginRequest {
  /** The Host header the console was opened with, e.g. "localhost:3000". */
  host: string;
  protocol: "http" | "https";
}

/** The origins to offer in the join link and QR code, likeliest first, and where they come from (N1–N4). */
export function joinOrigins(request: JoinOriginRequest, interfaces: Interfaces, publicUrl?: string): JoinOrigins {
  if (publicUrl) return { source: "publicUrl", origins: [new URL(publicUrl).origin] };
  const requestOrigin = new URL(`${request.protocol}://${request.host}`);
  if (!isLoopbackHost(requestOrigin.hostname)) return { source: "request", origins: [requestOrigin.origin] };
  const lan = lanAddresses(interfaces).map((address) => {
    const url = new URL(requestOrigin.origin);
    url.hostname = address;
    return url.origin;
  });
  if (lan.length === 0) return { source: "loopbackOnly", origins: [requestOrigin.origin] };
  return { source: "lan", origins: lan };
}
