/**
 * Every API route's handler, composed from the domains' handler modules. The type makes sure
 * each route of lib/api/routes.ts has exactly one handler.
 */
import type { Db } from "../db/client";
import type { Presence } from "../domain/sessions";
import { createFoundationHandlers } from "./foundationHandlers";
import { createDashboardHandlers } from "./dashboardHandlers";
import { createQuizHandlers } from "./quizHandlers";
import { createUploadHandlers } from "./uploadHandlers";
import { createCorpusHandlers } from "./corpusHandlers";
import { createLeaderboardHandlers } from "./leaderboardHandlers";
import { createInstructorModelHandlers } from "./instructorModelHandlers";
import { createNetworkHandlers } from "./networkHandlers";
import { createKeepHandlers } from "./keepHandlers";
import type { Handlers } from "./router";

/** secret: SESSION_SECRET (signed links); publicUrl: PUBLIC_URL, the join links' origin when set. */
export function createHandlers(db: Db, presence: Presence, secret: string, publicUrl?: string): Handlers {
  return {
    ...createFoundationHandlers(db, presence),
    ...createDashboardHandlers(db),
    ...createQuizHandlers(db),
    ...createUploadHandlers(db),
    ...createCorpusHandlers(db),
    ...createLeaderboardHandlers(db),
    ...createInstructorModelHandlers(db),
    ...createNetworkHandlers(db, publicUrl),
    ...createKeepHandlers(db, secret),
  };
}
