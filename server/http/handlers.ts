/**
 * Every API route's handler, composed from the domains' handler modules. The type makes sure
 * each route of lib/api/routes.ts has exactly one handler.
 */
import type { Db } from "../db/client";
import type { Presence } from "../domain/sessions";
import { createFoundationHandlers, type LoginServices } from "./foundationHandlers";
import { createDashboardHandlers } from "./dashboardHandlers";
import { createQuizHandlers } from "./quizHandlers";
import { createUploadHandlers } from "./uploadHandlers";
import { createCorpusHandlers } from "./corpusHandlers";
import { createLeaderboardHandlers } from "./leaderboardHandlers";
import { createInstructorModelHandlers } from "./instructorModelHandlers";
import { createNetworkHandlers } from "./networkHandlers";
import { createKeepHandlers } from "./keepHandlers";
import type { Handlers } from "./router";
import type { SessionGate } from "../realtime/sessionGate";

/** logins.secret: SESSION_SECRET (also signs keep-page links); publicUrl: PUBLIC_URL, the join links' origin when set. */
export function createHandlers(db: Db, presence: Presence, logins: LoginServices, gate: SessionGate, publicUrl?: string): Handlers {
  return {
    ...createFoundationHandlers(db, presence, logins),
    ...createDashboardHandlers(db),
    ...createQuizHandlers(db),
    ...createUploadHandlers(db),
    ...createCorpusHandlers(db),
    ...createLeaderboardHandlers(db),
    ...createInstructorModelHandlers(db, gate),
    ...createNetworkHandlers(db, publicUrl),
    ...createKeepHandlers(db, logins.secret),
  };
}
