/** Handlers of lib/api/leaderboard.ts: the instructor's CSV export. */
import type { leaderboardRoutes } from "../../lib/api/leaderboard";
import type { Db } from "../db/client";
import { leaderboardCsv } from "../domain/leaderboard";
import { requireOwnSession } from "../domain/sessions";
import { requireInstructor, type HandlersFor } from "./router";

export function createLeaderboardHandlers(db: Db): HandlersFor<typeof leaderboardRoutes> {
  return {
    async leaderboardCsv(ctx) {
      const instructor = await requireInstructor(db, ctx);
      await requireOwnSession(db, instructor.id, ctx.params.sessionId);
      return leaderboardCsv(db, ctx.params.sessionId);
    },
  };
}
