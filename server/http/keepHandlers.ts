/** Handler of the students' keep page route (lib/api/keep.ts, rules K1–K3 in server/network/SPEC.md). */
import type { Db } from "../db/client";
import type { keepRoutes } from "../../lib/api/keep";
import { keepsake } from "../domain/keep";
import type { HandlersFor } from "./router";

export function createKeepHandlers(db: Db, secret: string): HandlersFor<typeof keepRoutes> {
  return {
    async keepsake({ body }) {
      return keepsake(db, secret, body.rejoinToken);
    },
  };
}
