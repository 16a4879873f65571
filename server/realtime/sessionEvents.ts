/**
 * Joining, rejoining, attaching as instructor, and ending a session.
 * A socket is bound to one role, once: a student seat or an instructor's session.
 */
import { AppError } from "../../lib/protocol/errors";
import { currentInstructor } from "../auth/instructorSessions";
import {
  confirmToken,
  endSession,
  instructorSnapshot,
  join,
  rejoin,
  removeParticipant,
  requireOwnSession,
  setGuestSeatLimit,
  touchParticipant,
  type Seat,
} from "../domain/sessions";
import { claimStatus, decideClaim, pendingClaims, requestSeat } from "../domain/seatClaims";
import { SEAT_CLAIM_TTL_MS } from "../limits";
import { inOwnTurn } from "../loopTurns";
import { onRequest } from "./requests";
import { rooms } from "./rooms";
import type { AppSocket, RealtimeContext } from "./context";
import { requireInstructorOf, requireUnbound } from "./roles";

/**
 * SS2: after the end, this process refuses the session's writes, forgets its live training state,
 * and its students' sockets lose their seats (the instructor's keep theirs to read the final state).
 */
export function closeEndedSession(ctx: RealtimeContext, sessionId: string): void {
  ctx.gate.markEnded(sessionId);
  ctx.training.forget(sessionId);
  for (const socket of ctx.io.of("/").sockets.values()) {
    const role = socket.data.role;
    if (role?.kind !== "participant" || role.sessionId !== sessionId) continue;
    socket.data.role = { kind: "none" };
    socket.leave(rooms.students(sessionId));
    socket.leave(rooms.participant(role.participantId));
  }
}

export function registerSessionEvents(ctx: RealtimeContext, socket: AppSocket): void {
  const { db, env, presence, limiter, io, roster } = ctx;

  /**
   * Bind the socket to its seat; any other socket of the same seat is told it was replaced.
   * The role is set first, before any wait: a join sent together with this one finds the socket bound.
   */
  async function takeSeat(seat: Seat) {
    socket.data.role = { kind: "participant", participantId: seat.participantId, sessionId: seat.sessionId };
    socket.join([rooms.session(seat.sessionId), rooms.students(seat.sessionId), rooms.participant(seat.participantId)]);
    const others = await io.in(rooms.participant(seat.participantId)).fetchSockets();
    for (const other of others) {
      if (other.id === socket.id) continue;
      other.emit("session:replaced", { sessionId: seat.sessionId });
      other.disconnect(true);
    }
    roster.changed(seat.sessionId);
    return { rejoinToken: seat.rejoinToken, snapshot: seat.snapshot };
  }

  /**
   * SS4: an attempt to take a seat costs a token of the IP's bucket unless it succeeds. The seating
   * itself runs in its own turn of the event loop (server/loopTurns.ts): the SQLite driver never
   * yields, so the attempts one flooding client sends at once (up to the bucket's burst, each a few
   * queries and a look-alike scan of the roster) ran back to back as one task of ≈ 300 ms, and
   * every student's telemetry waited behind it (`npm run bench:abuse`). One at a time, they also
   * cannot all pass this process's guest-seat check before any of them has taken a seat.
   */
  async function attempt<T>(seating: () => Promise<T>): Promise<T> {
    const ip = ctx.addressOf(socket);
    if (!ctx.joinAttempts.take(ip)) throw new AppError("RATE_LIMITED", "too many failed joins from this network; wait a moment");
    const seat = await inOwnTurn(seating);
    ctx.joinAttempts.refund(ip);
    return seat;
  }

  onRequest(socket, "session:join", limiter, async ({ code, identity }) => {
    requireUnbound(socket);
    const seat = await attempt(async () => {
      requireUnbound(socket); // again in its turn: a join this socket sent at the same time may have seated it
      return join(db, presence, env.SESSION_SECRET, code, identity);
    });
    return takeSeat(seat);
  });

  /**
   * SS5: another device asks for a seat that has an owner. It costs a join token of the address
   * (not given back: a request is not a seat), so requests are held to the join rate.
   */
  onRequest(socket, "session:claim", limiter, async ({ code, identity }) => {
    requireUnbound(socket);
    const ip = ctx.addressOf(socket); // R9: the student behind a trusted balancer, like joins
    if (!ctx.joinAttempts.take(ip)) throw new AppError("RATE_LIMITED", "too many failed joins from this network; wait a moment");
    const claim = await inOwnTurn(() => requestSeat(db, env.SESSION_SECRET, code, identity, ctx.now()));
    socket.join(rooms.seatClaim(claim.claimId));
    roster.changed(claim.sessionId);
    // The console drops the request when it expires (this process's timer; a decision comes first or not at all).
    setTimeout(() => roster.changed(claim.sessionId), SEAT_CLAIM_TTL_MS + 1_000).unref();
    return { claimToken: claim.claimToken, expiresInMs: claim.expiresInMs };
  });

  /** SS5: the waiting device asks where its request stands; an approved request gives it the seat. */
  onRequest(socket, "session:claimStatus", limiter, async ({ claimToken }) => {
    requireUnbound(socket);
    const status = await claimStatus(db, env.SESSION_SECRET, claimToken, ctx.now());
    if (status.status === "pending") {
      socket.join(rooms.seatClaim(status.claimId)); // after a reconnect, hear the decision again
      return { status: "pending" as const, expiresInMs: status.expiresInMs };
    }
    if (status.status !== "seated") return status;
    return { status: "seated" as const, ...(await takeSeat(status.seat)) };
  });

  /** SS5: the instructor approves or refuses; approving drops the owner's sockets, whose tokens no longer work. */
  onRequest(socket, "session:decideClaim", limiter, async ({ sessionId, claimId, approve }) => {
    requireInstructorOf(socket, sessionId);
    const { participantId } = await decideClaim(db, sessionId, claimId, approve, ctx.now());
    if (approve) {
      io.to(rooms.participant(participantId)).emit("session:replaced", { sessionId });
      io.in(rooms.participant(participantId)).disconnectSockets(true);
    }
    io.to(rooms.seatClaim(claimId)).emit("session:claimDecided", { approved: approve });
    roster.changed(sessionId);
    return {};
  });

  onRequest(socket, "session:rejoin", limiter, async ({ rejoinToken }) => {
    const role = socket.data.role;
    // A recovered connection may already hold this seat; rejoin then just refreshes the token.
    if (role.kind === "instructor") throw new AppError("FORBIDDEN", "this connection already has a role");
    const seat = await attempt(() => rejoin(db, env.SESSION_SECRET, rejoinToken));
    if (role.kind === "participant" && role.participantId !== seat.participantId) throw new AppError("FORBIDDEN", "this connection already has a role");
    return takeSeat(seat);
  });

  onRequest(socket, "session:confirmToken", limiter, async ({ rejoinToken }) => {
    const role = socket.data.role;
    if (role.kind !== "participant") throw new AppError("FORBIDDEN", "join the session first");
    await confirmToken(db, env.SESSION_SECRET, role.participantId, rejoinToken);
    return {};
  });

  onRequest(socket, "instructor:attach", limiter, async ({ sessionId }) => {
    const instructor = await currentInstructor(db, socket.handshake.headers.cookie);
    if (!instructor) throw new AppError("UNAUTHENTICATED", "log in as an instructor first");
    const role = socket.data.role;
    if (role.kind === "participant" || (role.kind === "instructor" && role.sessionId !== sessionId)) {
      throw new AppError("FORBIDDEN", "this connection already has a role");
    }
    const session = await requireOwnSession(db, instructor.id, sessionId);
    socket.data.role = { kind: "instructor", instructorId: instructor.id, sessionId };
    socket.join([rooms.session(sessionId), rooms.instructors(sessionId)]);
    return instructorSnapshot(db, presence, session, await pendingClaims(db, presence, sessionId, ctx.now()));
  });

  onRequest(socket, "session:guestSeats", limiter, async ({ sessionId, limit }) => {
    requireInstructorOf(socket, sessionId);
    return { guestSeatLimit: await setGuestSeatLimit(db, sessionId, limit) };
  });

  onRequest(socket, "session:removeParticipant", limiter, async ({ sessionId, participantId }) => {
    requireInstructorOf(socket, sessionId);
    await removeParticipant(db, sessionId, participantId);
    io.to(rooms.participant(participantId)).emit("session:removed", { sessionId });
    io.in(rooms.participant(participantId)).disconnectSockets(true);
    roster.changed(sessionId);
    return {};
  });

  onRequest(socket, "session:end", limiter, async ({ sessionId }) => {
    requireInstructorOf(socket, sessionId);
    await endSession(db, sessionId);
    // A run still going stops with the session (its students' browsers hear training:run).
    await ctx.training.control(sessionId, "stop").catch((error) => {
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    });
    closeEndedSession(ctx, sessionId);
    if (env.REDIS_URL !== undefined) io.serverSideEmit("session:ended", sessionId);
    io.to(rooms.session(sessionId)).emit("session:ended", { sessionId });
    return { status: "ended" as const };
  });

  socket.on("disconnect", () => {
    const role = socket.data.role;
    if (role.kind !== "participant" || ctx.closing) return;
    const write = touchParticipant(db, role.participantId)
      .catch((error) => console.error("[session] touch failed:", error))
      .finally(() => ctx.background.delete(write));
    ctx.background.add(write);
    roster.changed(role.sessionId);
  });
}
