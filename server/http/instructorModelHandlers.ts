/** Handlers of lib/api/instructorModels.ts: the instructor uploads a model they trained. */
import type { instructorModelRoutes } from "../../lib/api/instructorModels";
import type { Db } from "../db/client";
import { storeInstructorModel } from "../domain/checkpoints";
import { requireOwnSession } from "../domain/sessions";
import type { SessionGate } from "../realtime/sessionGate";
import { requireInstructor, type HandlersFor } from "./router";

export function createInstructorModelHandlers(db: Db, gate: SessionGate): HandlersFor<typeof instructorModelRoutes> {
  return {
    async uploadInstructorModel(ctx) {
      const instructor = await requireInstructor(db, ctx);
      await requireOwnSession(db, instructor.id, ctx.params.sessionId);
      await gate.requireLive(ctx.params.sessionId);
      const weights = new Uint8Array(Buffer.from(ctx.body.weights, "base64"));
      return { model: await storeInstructorModel(db, ctx.params.sessionId, weights) };
    },
  };
}
