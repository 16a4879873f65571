/**
 * Role guards for socket requests: every socket is bound to one role, once (a student seat or
 * one session's instructor); a request checks the role before doing anything.
 */
import { AppError } from "../../lib/protocol/errors";
import type { AppSocket } from "./context";

export function requireUnbound(socket: AppSocket): void {
  if (socket.data.role.kind !== "none") throw new AppError("FORBIDDEN", "this connection already has a role");
}

export function requireInstructorOf(socket: AppSocket, sessionId: string): string {
  const role = socket.data.role;
  if (role.kind !== "instructor" || role.sessionId !== sessionId) throw new AppError("FORBIDDEN", "only the session's instructor may do this");
  return role.instructorId;
}
