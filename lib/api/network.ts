/**
 * Where students join: the origins the console offers in its join link and QR code
 * (server/network/joinOrigins.ts decides; rules N1–N4 in server/network/SPEC.md).
 */
import { z } from "zod";
import { noBody, route } from "./route";

export const joinOriginsSchema = z.object({
  /**
   * publicUrl: PUBLIC_URL is set; request: the console was opened on an address others can reach;
   * lan: it was opened on loopback and these are the machine's LAN addresses; loopbackOnly: it was
   * opened on loopback and the machine has no other address (phones cannot join).
   */
  source: z.enum(["publicUrl", "request", "lan", "loopbackOnly"]),
  /** Likeliest first; never empty. */
  origins: z.array(z.string()).min(1),
});
export type JoinOrigins = z.infer<typeof joinOriginsSchema>;

export const networkRoutes = {
  joinOrigins: route("GET", "/api/join-origins", noBody, joinOriginsSchema),
} as const;
