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
import type { Handlers } from "./router";
import type { SessionGate } from "../realtime/sessionGate";

export function createHandlers(db: Db, presence: Presence, logins: LoginServices, gate: SessionGate): Handlers {
  return {
    ...createFoundationHandlers(db, presence, logins),
    ...createDashboardHandlers(db),
    ...createQuizHandlers(db),
    ...createUploadHandlers(db),
    ...createCorpusHandlers(db),
    ...createLeaderboardHandlers(db),
    ...createInstructorModelHandlers(db, gate),
  };
}
