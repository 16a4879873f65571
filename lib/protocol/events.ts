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
import type { Reply } from "./errors";
import { sessionBroadcasts, sessionRequests } from "./session";
import { trainingBroadcasts, trainingRequests } from "./training";
import { quizBroadcasts, quizRequests } from "./quiz";
import { leaderboardBroadcasts, leaderboardRequests } from "./leaderboard";
import { federatedBroadcasts, federatedRequests } from "./federated";

export const PROTOCOL_VERSION = 1;

export const handshakeSchema = z.object({ protocolVersion: z.number().int() });

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeSchema } from "./joinCode";

/** Every client → server request: payload schema and the data of a successful reply. */
export const clientRequests = {
  ...sessionRequests,
  ...trainingRequests,
  ...quizRequests,
  ...leaderboardRequests,
  ...federatedRequests,
} as const;

/** Every server → client broadcast. */
export const serverBroadcasts = {
  ...sessionBroadcasts,
  ...trainingBroadcasts,
  ...quizBroadcasts,
  ...leaderboardBroadcasts,
  ...federatedBroadcasts,
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
  { kind: "none" } | { kind: "instructor"; instructorId: string; sessionId: string } | { kind: "participant"; participantId: string; sessionId: string };
