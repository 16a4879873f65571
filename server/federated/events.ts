/** Class-model requests over the socket: the instructor starts it; students and projectors sync. */
import { AppError } from "../../lib/protocol/errors";
import { onRequest } from "../realtime/requests";
import { requireInstructorOf } from "../realtime/roles";
import type { AppSocket, RealtimeContext } from "../realtime/context";
import type { ClassModelHub } from "./classModelHub";

export function registerClassModelEvents(ctx: RealtimeContext, hub: ClassModelHub, socket: AppSocket): void {
  onRequest(socket, "classModel:start", ctx.limiter, async ({ sessionId, ...settings }) => {
    requireInstructorOf(socket, sessionId);
    return { classModel: await hub.startClassModel(sessionId, settings) };
  });

  onRequest(socket, "classModel:sync", ctx.limiter, async () => {
    const role = socket.data.role;
    if (role.kind !== "participant") throw new AppError("FORBIDDEN", "only students in a session may do this");
    return { state: await hub.studentState(role.sessionId, role.participantId) };
  });

  onRequest(socket, "classModel:enter", ctx.limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    return hub.enterLeaderboard(sessionId);
  });

  onRequest(socket, "classModel:classSync", ctx.limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    return hub.classState(sessionId);
  });
}
