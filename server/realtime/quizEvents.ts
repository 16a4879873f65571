/**
 * Live quiz requests (lib/protocol/quiz.ts): the session's instructor controls the round,
 * participants answer, anyone bound to the session syncs. Decisions are the runner's
 * (server/domain/quizRunner.ts); this module checks roles and sends its news over Socket.IO.
 */
import { AppError } from "../../lib/protocol/errors";
import type { QuizOutlet } from "../domain/quizRunner";
import { onRequest } from "./requests";
import { rooms } from "./rooms";
import type { AppServer, AppSocket, RealtimeContext } from "./context";
import { requireInstructorOf } from "./roles";

/** The runner's news to the rooms: state to everyone, progress and standings to instructors, results to each student. */
export function quizOutlet(io: AppServer, crossProcess: boolean): QuizOutlet {
  return {
    changed: (sessionId) => {
      if (crossProcess) io.serverSideEmit("quiz:invalidate", sessionId);
    },
    state: (sessionId, state) => io.to(rooms.session(sessionId)).emit("quiz:state", state),
    progress: (sessionId, progress) => io.to(rooms.instructors(sessionId)).emit("quiz:progress", progress),
    standings: (sessionId, roundId, standings) => io.to(rooms.instructors(sessionId)).emit("quiz:standings", { roundId, standings }),
    results: (results) => {
      for (const { participantId, result } of results) io.to(rooms.participant(participantId)).emit("quiz:result", result);
    },
  };
}

export function registerQuizEvents(ctx: RealtimeContext, socket: AppSocket): void {
  const { limiter, quiz } = ctx;

  onRequest(socket, "quiz:start", limiter, async ({ sessionId, quizId }) => {
    const instructorId = requireInstructorOf(socket, sessionId);
    return { state: await quiz.startRound(sessionId, instructorId, quizId) };
  });

  onRequest(socket, "quiz:next", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    return { state: await quiz.next(sessionId) };
  });

  onRequest(socket, "quiz:skip", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    return { state: await quiz.skip(sessionId) };
  });

  onRequest(socket, "quiz:end", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    return { state: await quiz.end(sessionId) };
  });

  onRequest(socket, "quiz:answer", limiter, async ({ roundId, questionIndex, answer }) => {
    const role = socket.data.role;
    if (role.kind !== "participant") throw new AppError("FORBIDDEN", "only students in the session answer");
    return quiz.answer(role.sessionId, role.participantId, roundId, questionIndex, answer);
  });

  onRequest(socket, "quiz:sync", limiter, async ({ sessionId }) => {
    const role = socket.data.role;
    if (role.kind === "participant") return quiz.sync(role.sessionId, role.participantId);
    if (role.kind === "instructor" && (sessionId === undefined || sessionId === role.sessionId)) return quiz.sync(role.sessionId, null);
    throw new AppError("FORBIDDEN", "join or attach to the session first");
  });
}
