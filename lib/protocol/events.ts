/**
 * The Socket.IO protocol: every event named once (`domain:verb`), its payload defined once as a
 * zod schema, and the TypeScript event maps derived from those schemas for both
 * `Server<ClientToServerEvents, ServerToClientEvents>` and the browser's `Socket`.
 *
 * Client → server events are requests: the client passes an acknowledgement callback and the
 * server answers with a Reply<T> (lib/protocol/errors.ts) saying what it did.
 * Server → client events are broadcasts of state the server owns.
 *
 * Handshake: `io(url, { auth: { protocolVersion: PROTOCOL_VERSION } })`. A client speaking
 * another version is refused with PROTOCOL_MISMATCH and asked to reload.
 */
import { z } from "zod";
import { nameSchema } from "../names";
import type { Reply } from "./errors";
import { instructorSnapshotSchema, participantViewSchema, sessionStatusSchema, studentSnapshotSchema } from "./views";

export const PROTOCOL_VERSION = 1;

export const handshakeSchema = z.object({ protocolVersion: z.number().int() });

/** Join codes: 6 characters without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
export const joinCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), "not a join code"));

const id = z.string().min(1).max(64);

/** Client → server requests: payload schema and the data of a successful reply. */
export const clientRequests = {
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
  /** An instructor's console or projector attaches to one of their sessions (cookie login). */
  "instructor:attach": {
    payload: z.object({ sessionId: id }),
    reply: instructorSnapshotSchema,
  },
  /** The instructor ends the session for everyone. */
  "session:end": {
    payload: z.object({ sessionId: id }),
    reply: z.object({ status: sessionStatusSchema }),
  },
} as const;

/** Server → client broadcasts. */
export const serverBroadcasts = {
  /** To the instructor room: the full roster with who is connected (debounced). */
  "roster:update": z.object({ sessionId: z.string(), participants: z.array(participantViewSchema) }),
  /** To everyone in the session: the session is over. */
  "session:ended": z.object({ sessionId: z.string() }),
  /** To one socket: its participant connected elsewhere; this page should stop. */
  "session:replaced": z.object({ sessionId: z.string() }),
} as const;

export type ClientRequestName = keyof typeof clientRequests;
export type RequestPayload<E extends ClientRequestName> = z.input<(typeof clientRequests)[E]["payload"]>;
export type ParsedRequest<E extends ClientRequestName> = z.output<(typeof clientRequests)[E]["payload"]>;
export type RequestReply<E extends ClientRequestName> = z.infer<(typeof clientRequests)[E]["reply"]>;

export type ClientToServerEvents = {
  [E in ClientRequestName]: (payload: RequestPayload<E>, ack: (reply: Reply<RequestReply<E>>) => void) => void;
};
export type ServerToClientEvents = {
  [E in keyof typeof serverBroadcasts]: (payload: z.infer<(typeof serverBroadcasts)[E]>) => void;
};

/** Per-socket state the server keeps (socket.data): the one role this socket is bound to. */
export type SocketRole =
  | { kind: "none" }
  | { kind: "instructor"; instructorId: string; sessionId: string }
  | { kind: "participant"; participantId: string; sessionId: string };
