/**
 * Leaderboard requests: students ask for upload tickets, sync the board and vote; the instructor
 * changes the round's settings, disqualifies, reveals the private ranking and closes the vote.
 * Decisions live in server/domain/{submissions,leaderboard}.ts; this module checks roles, calls
 * them and tells the audiences what changed (through the LeaderboardHub).
 */
import { AppError } from "../../lib/protocol/errors";
import { SUBMISSION_UPLOAD_PATH } from "../../lib/protocol/leaderboard";
import { issueUploadTicket } from "../auth/uploadTicket";
import { castVote, closeVoting, disqualify, leaderboardView, reveal, studentExtras, updateSettings } from "../domain/leaderboard";
import { acceptedCount, assertAdmissible, roundOf } from "../domain/submissions";
import { UPLOAD_TICKET_TTL_MS } from "../limits";
import { onRequest } from "./requests";
import type { AppServer, AppSocket, RealtimeContext } from "./context";
import type { LeaderboardOutlet } from "./leaderboardHub";
import { requireInstructorOf } from "./roles";
import { rooms } from "./rooms";
import type { TrainingHub } from "./trainingHub";
import type { Db } from "../db/client";

function requireParticipant(socket: AppSocket) {
  const role = socket.data.role;
  if (role.kind !== "participant") throw new AppError("FORBIDDEN", "only students in a session may do this");
  return role;
}

/** L12: the server's own record of a student's training step in a round (live telemetry, else the stored row). */
export async function trainedSteps(training: TrainingHub, db: Db, sessionId: string, modelSessionId: string, participantId: string): Promise<number | null> {
  const live = await training.session(sessionId);
  const entry = live.record?.view.id === modelSessionId ? live.students.get(participantId)?.entry : undefined;
  if (entry) return entry.step;
  const stored = await db.trainingProgress.findUnique({ where: { modelSessionId_participantId: { modelSessionId, participantId } } });
  return stored?.step ?? null;
}

/** The leaderboard hub's news to the rooms. */
export function leaderboardOutlet(io: AppServer): LeaderboardOutlet {
  return {
    status: (participantId, submission) => io.to(rooms.participant(participantId)).emit("submission:status", submission),
    board: (sessionId, forStudents, forInstructors) => {
      io.to(rooms.students(sessionId)).emit("leaderboard:update", forStudents);
      io.to(rooms.instructors(sessionId)).emit("leaderboard:update", forInstructors);
    },
  };
}

export function registerLeaderboardEvents(ctx: RealtimeContext, socket: AppSocket): void {
  const { db, env, limiter, training, leaderboard } = ctx;

  onRequest(socket, "submission:ticket", limiter, async ({ modelSessionId }) => {
    const { sessionId, participantId } = requireParticipant(socket);
    const round = await roundOf(db, sessionId, modelSessionId);
    assertAdmissible(round, await acceptedCount(db, modelSessionId, participantId), await trainedSteps(training, db, sessionId, modelSessionId, participantId));
    const expiresAt = ctx.now() + UPLOAD_TICKET_TTL_MS;
    return {
      ticket: issueUploadTicket({ sessionId, participantId, modelSessionId, expiresAt }, env.SESSION_SECRET),
      expiresAt,
      uploadPath: SUBMISSION_UPLOAD_PATH,
    };
  });

  onRequest(socket, "leaderboard:sync", limiter, async ({ sessionId }) => {
    const role = socket.data.role;
    if (role.kind === "participant") {
      if (role.sessionId !== sessionId) throw new AppError("FORBIDDEN", "not your session");
      const [board, extras] = await Promise.all([leaderboardView(db, sessionId, "student"), studentExtras(db, sessionId, role.participantId)]);
      return { board, ...extras };
    }
    requireInstructorOf(socket, sessionId);
    return { board: await leaderboardView(db, sessionId, "instructor"), mine: [], myVote: null };
  });

  onRequest(socket, "leaderboard:settings", limiter, async ({ sessionId, ...change }) => {
    requireInstructorOf(socket, sessionId);
    const settings = await updateSettings(db, sessionId, change);
    leaderboard.changed(sessionId);
    return { settings };
  });

  onRequest(socket, "leaderboard:disqualify", limiter, async ({ sessionId, submissionId, reason }) => {
    requireInstructorOf(socket, sessionId);
    const result = await disqualify(db, sessionId, submissionId, reason);
    await leaderboard.statusChanged(submissionId);
    return { submissionId, disqualifiedReason: result.disqualifiedReason };
  });

  onRequest(socket, "leaderboard:reveal", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    const settings = await reveal(db, sessionId);
    leaderboard.changed(sessionId);
    return { settings };
  });

  onRequest(socket, "vote:close", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    const settings = await closeVoting(db, sessionId);
    leaderboard.changed(sessionId);
    return { settings };
  });

  onRequest(socket, "vote:cast", limiter, async ({ submissionId }) => {
    const { sessionId, participantId } = requireParticipant(socket);
    await castVote(db, sessionId, participantId, submissionId);
    return { submissionId };
  });
}
