/**
 * The browser's Socket.IO connection: typed by lib/protocol/events.ts, with the protocol version
 * in the handshake, and `request()` turning an acknowledged event into a Promise<Reply>.
 * Connection status is mirrored into the connection store for the indicator.
 */
import { io, type Socket } from "socket.io-client";
import {
  PROTOCOL_VERSION,
  type ClientRequestName,
  type ClientToServerEvents,
  type RequestPayload,
  type RequestReply,
  type ServerToClientEvents,
} from "../../lib/protocol/events";
import type { Reply } from "../../lib/protocol/errors";
import { useConnection } from "../stores/connection";
import { keepReconnecting } from "./reconnect";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Ack timeout (ms): after this a request counts as lost and the caller may retry. */
const REQUEST_TIMEOUT_MS = 10_000;
/** The reply of a request whose acknowledgement never came (app/lib/offlineQueue.ts sends it again after the rejoin). */
export const NO_ANSWER: Reply<never> = { ok: false, error: { code: "INTERNAL", message: "no answer from the server" } };

export function connectSocket(): ClientSocket {
  // Reconnection is ours (app/lib/reconnect.ts): capped and jittered so a class is back soon after a restart.
  const socket: ClientSocket = io({ auth: { protocolVersion: PROTOCOL_VERSION }, transports: ["websocket", "polling"], reconnection: false });
  const { setStatus } = useConnection.getState();
  let fatal = false;
  setStatus("connecting");
  socket.on("connect", () => setStatus("online"));
  // A page that closes its own socket (the join page, once it has its answer) is not offline.
  socket.on("disconnect", (reason) => setStatus(reason === "io client disconnect" ? "idle" : "offline"));
  socket.on("connect_error", (error) => {
    const data = (error as Error & { data?: { code?: string } }).data;
    fatal = data?.code === "PROTOCOL_MISMATCH";
    if (fatal) useConnection.getState().fail("PROTOCOL_MISMATCH");
    else setStatus("offline");
  });
  keepReconnecting(
    socket,
    () => fatal,
    () => setStatus("connecting"),
  );
  return socket;
}

export function request<E extends ClientRequestName>(socket: ClientSocket, event: E, payload: RequestPayload<E>): Promise<Reply<RequestReply<E>>> {
  return new Promise((resolve) => {
    const emitter = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
      emit(event: string, payload: unknown, ack: (err: Error | null, reply: Reply<RequestReply<E>>) => void): void;
    };
    emitter.emit(event, payload, (err, reply) => {
      resolve(err ? NO_ANSWER : reply);
    });
  });
}
