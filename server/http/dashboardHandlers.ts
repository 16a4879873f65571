/**
 * Handlers of the dashboard's routes (lib/api/dashboard.ts). Each one requires an instructor
 * login (students have none: UNAUTHENTICATED) and passes the instructor to server/domain, which
 * checks that the class is theirs (another instructor's class: NOT_FOUND).
 */
import type { dashboardRoutes } from "../../lib/api/dashboard";
import type { Db } from "../db/client";
import { classOverview, conceptCell, conceptGrid, sessionReport, studentPage } from "../domain/dashboard";
import { classSummaryCsv, sessionDetailCsv } from "../domain/dashboardExport";
import { mergeGuest, saveAttentionSettings, updateStudent } from "../domain/rosterCare";
import { requireInstructor, type HandlersFor } from "./router";

export function createDashboardHandlers(db: Db): HandlersFor<typeof dashboardRoutes> {
  const me = async (ctx: Parameters<typeof requireInstructor>[1]) => (await requireInstructor(db, ctx)).id;
  return {
    async dashboardOverview(ctx) {
      return classOverview(db, await me(ctx), ctx.params.classId);
    },
    async dashboardConcepts(ctx) {
      return conceptGrid(db, await me(ctx), ctx.params.classId);
    },
    async dashboardConceptCell(ctx) {
      return conceptCell(db, await me(ctx), ctx.params.classId, ctx.params.tag, ctx.params.rosterStudentId);
    },
    async dashboardStudent(ctx) {
      return studentPage(db, await me(ctx), ctx.params.classId, ctx.params.rosterStudentId);
    },
    async dashboardSession(ctx) {
      return sessionReport(db, await me(ctx), ctx.params.classId, ctx.params.sessionId);
    },
    async dashboardClassCsv(ctx) {
      return classSummaryCsv(db, await me(ctx), ctx.params.classId, ctx.body.locale);
    },
    async dashboardSessionCsv(ctx) {
      return sessionDetailCsv(db, await me(ctx), ctx.params.classId, ctx.params.sessionId, ctx.body.locale);
    },
    async dashboardSettings(ctx) {
      return { settings: await saveAttentionSettings(db, await me(ctx), ctx.params.classId, ctx.body) };
    },
    async dashboardUpdateStudent(ctx) {
      return { student: await updateStudent(db, await me(ctx), ctx.params.classId, ctx.params.rosterStudentId, ctx.body) };
    },
    async dashboardMergeGuest(ctx) {
      return mergeGuest(db, await me(ctx), ctx.params.classId, ctx.body.participantId, ctx.body.rosterStudentId);
    },
  };
}
