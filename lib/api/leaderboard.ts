/**
 * Leaderboard HTTP routes. The weights upload itself (SUBMISSION_UPLOAD_PATH in
 * lib/protocol/leaderboard.ts) is a binary POST with its own raw handler, not a JSON route.
 */
import { z } from "zod";
import { noBody, route } from "./route";

export const leaderboardRoutes = {
  /** Instructor: the leaderboard of the model session in force as CSV (UTF-8 with BOM) inside the JSON reply. */
  leaderboardCsv: route("POST", "/api/sessions/:sessionId/leaderboard/export", noBody, z.object({ filename: z.string(), csv: z.string() })),
} as const;
