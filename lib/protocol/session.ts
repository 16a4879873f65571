/**
 * Session events: joining, rejoining, attaching as instructor, ending.
 * (Composed with the other domains' events in lib/protocol/events.ts.)
 */
import { z } from "zod";
import { nameSchema } from "../names";
import { joinCodeSchema } from "./joinCode";
import { instructorSnapshotSchema, participantViewSchema, seatClaimViewSchema, sessionStatusSchema, studentSnapshotSchema } from "./views";

/** Most guest seats an instructor may allow in one session. */
export const MAX_GUEST_SEATS = 1_000;

/** An id of one of our rows (cuid), as clients send it. */
export const idSchema = z.string().min(1).max(64);
const id = idSchema;

/** A seat asked for by code and name: a roster student's, or a guest nickname. */
const seatRequestSchema = z.object({
  code: joinCodeSchema,
  identity: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("roster"), rosterStudentId: id }),
    z.object({ kind: z.literal("guest"), nickname: nameSchema }),
  ]),
});

/** Issue on a join refused because the seat already has an owner (SS5): the page may ask the instructor (session:claim). */
export const SEAT_HELD = "SEAT_HELD";

/** Client → server requests: payload schema and the data of a successful reply. */
export const sessionRequests = {
  /** A student joins with the code, as a roster student or as a guest nickname. */
  "session:join": {
    payload: seatRequestSchema,
    reply: z.object({ rejoinToken: z.string(), snapshot: studentSnapshotSchema }),
  },
  /**
   * SS5: another device asks the instructor for a seat that already has an owner. The reply's
   * token asks for the decision (session:claimStatus); the socket hears `session:claimDecided`.
   */
  "session:claim": {
    payload: seatRequestSchema,
    reply: z.object({ claimToken: z.string(), expiresInMs: z.number() }),
  },
  /** SS5: where the request stands; once approved, this takes the seat (like a join). */
  "session:claimStatus": {
    payload: z.object({ claimToken: z.string().min(1).max(512) }),
    reply: z.discriminatedUnion("status", [
      z.object({ status: z.literal("pending"), expiresInMs: z.number() }),
      z.object({ status: z.literal("refused") }),
      z.object({ status: z.literal("expired") }),
      z.object({ status: z.literal("seated"), rejoinToken: z.string(), snapshot: studentSnapshotSchema }),
    ]),
  },
  /** SS5: the instructor approves (the seat moves to the other device) or refuses a request. */
  "session:decideClaim": {
    payload: z.object({ sessionId: id, claimId: id, approve: z.boolean() }),
    reply: z.object({}),
  },
  /** A student comes back (refresh, reconnect, server restart) with the token from the last join. */
  "session:rejoin": {
    payload: z.object({ rejoinToken: z.string().min(1).max(512) }),
    reply: z.object({ rejoinToken: z.string(), snapshot: studentSnapshotSchema }),
  },
  /** A student's browser saved the token of its last (re)join: the token before it stops working. */
  "session:confirmToken": {
    payload: z.object({ rejoinToken: z.string().min(1).max(512) }),
    reply: z.object({}),
  },
  /** An instructor's console or projector attaches to one of their sessions (cookie login). */
  "instructor:attach": {
    payload: z.object({ sessionId: id }),
    reply: instructorSnapshotSchema,
  },
  /** The instructor sets how many guest seats the session has (SS4); seats already taken stay. */
  "session:guestSeats": {
    payload: z.object({ sessionId: id, limit: z.number().int().min(0).max(MAX_GUEST_SEATS) }),
    reply: z.object({ guestSeatLimit: z.number() }),
  },
  /** The instructor removes a student's seat (SS4): its sockets are closed and its tokens and name stop working. */
  "session:removeParticipant": {
    payload: z.object({ sessionId: id, participantId: id }),
    reply: z.object({}),
  },
  /** The instructor ends the session for everyone. */
  "session:end": {
    payload: z.object({ sessionId: id }),
    reply: z.object({ status: sessionStatusSchema }),
  },
} as const;

/** Server → client broadcasts. */
export const sessionBroadcasts = {
  /** To the instructor room: the full roster with who is connected (debounced). */
  "roster:update": z.object({ sessionId: z.string(), participants: z.array(participantViewSchema), seatClaims: z.array(seatClaimViewSchema) }),
  /** To a device waiting for a seat (SS5): the instructor decided; ask session:claimStatus. */
  "session:claimDecided": z.object({ approved: z.boolean() }),
  /** To everyone in the session: the session is over. */
  "session:ended": z.object({ sessionId: z.string() }),
  /** To a removed participant's sockets: the instructor removed this seat; this page should stop. */
  "session:removed": z.object({ sessionId: z.string() }),
  /** To one socket: its participant connected elsewhere; this page should stop. */
  "session:replaced": z.object({ sessionId: z.string() }),
} as const;
