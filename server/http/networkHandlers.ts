/** Handler of the join-origin route (lib/api/network.ts): which address the join link and QR code use. */
import { networkInterfaces } from "node:os";
import type { Db } from "../db/client";
import type { networkRoutes } from "../../lib/api/network";
import { joinOrigins } from "../network/joinOrigins";
import { requireInstructor, type HandlersFor } from "./router";

export function createNetworkHandlers(db: Db, publicUrl: string | undefined): HandlersFor<typeof networkRoutes> {
  return {
    async joinOrigins(ctx) {
      await requireInstructor(db, ctx);
      const encrypted = "encrypted" in ctx.req.socket && ctx.req.socket.encrypted === true;
      // Read on every request: the machine's addresses change when the laptop joins another Wi-Fi.
      return joinOrigins({ host: ctx.req.headers.host ?? "localhost", protocol: encrypted ? "https" : "http" }, networkInterfaces(), publicUrl);
    },
  };
}
