/**
 * Session events: joining, rejoining, attaching as instructor, ending.
 * (Composed with the other domains' events in lib/protocol/events.ts.)
 */
import { z } from "zod";
import { nameSchema } from "../names";
import { joinCodeSchema } from "./joinCode";
import { instructorSnapshotSchema, participantViewSchema, sessionStatusSchema, studentSnapshotSchema } from "./views";

/** Most guest seats an instructor may allow in one session. */
export const MAX_GUEST_SEATS = 1_000;

/** An id of one of our rows (cuid), as clients send it. */
export const idSchema = z.string().min(1).max(64);
const id = idSchema;

/** Client → server requests: payload schema and the data of a successful reply. */
export const sessionRequests = {
  /** A student joins with the code, as a roster student or as a guest nickname. */
  "session:join": {
    payload: z.object({
      code: joinCodeSchema,
      identity: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("roster"), rosterStudentId: id }),
        z.object({ kind: z.literal("guest"), nickname: nameSchema }),
      ]),
    }),
    reply: z.object({ rejoinToken: z.string(), snapshot: studentSnapshotSchema }),
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
  "roster:update": z.object({ sessionId: z.string(), participants: z.array(participantViewSchema) }),
  /** To everyone in the session: the session is over. */
  "session:ended": z.object({ sessionId: z.string() }),
  /** To a removed participant's sockets: the instructor removed this seat; this page should stop. */
  "session:removed": z.object({ sessionId: z.string() }),
  /** To one socket: its participant connected elsewhere; this page should stop. */
  "session:replaced": z.object({ sessionId: z.string() }),
} as const;
