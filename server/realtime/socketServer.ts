/**
 * The Socket.IO server: handshake checks, one role per socket, and the event modules.
 * Each event module (session, training, quiz, leaderboard) gets the same context and
 * registers its request handlers on every new socket.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { PROTOCOL_VERSION, handshakeSchema, type ClientRequestName } from "../../lib/protocol/events";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { AppServer, AppSocket, RealtimeContext } from "./context";
import { JOIN_LIMIT, MAX_SOCKETS_PER_IP, SOCKET_EVENT_LIMIT, SOCKET_MAX_MESSAGE_BYTES } from "../limits";
import { RateLimiter } from "../rateLimit";
import { socketPresence } from "./presence";
import { RosterBroadcaster } from "./rosterBroadcaster";
import { registerSessionEvents } from "./sessionEvents";
import { registerTrainingEvents, trainingOutlet } from "./trainingEvents";
import { quizOutlet, registerQuizEvents } from "./quizEvents";
import { QuizRunner } from "../domain/quizRunner";
import { TrainingHub } from "./trainingHub";
import { weightFiles } from "../domain/weightFiles";
import { LeaderboardHub } from "./leaderboardHub";
import { leaderboardOutlet, registerLeaderboardEvents } from "./leaderboardEvents";
import { EVAL_JOB_TIMEOUT_MS, EVAL_POOL_SIZE } from "../limits";
import { ALLOWED_AFTER_END, SessionGate } from "./sessionGate";
import { toErrorBody } from "../errors";
import { closeEndedSession } from "./sessionEvents";
import { crossOriginRefusal, publicOrigin } from "../http/sameOrigin";
import { clientAddressOf } from "../http/clientAddress";

export function createSocketServer(httpServer: HttpServer, db: Db, env: Env, now: () => number = Date.now): RealtimeContext {
  const trustedOrigin = publicOrigin(env.PUBLIC_URL);
  const io: AppServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES, // larger messages close the connection
    serveClient: false,
    // Notice a dropped laptop within ~20 s (defaults: 25 s + 20 s), so the roster shows it soon.
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // An optimisation only: a quick reconnect keeps rooms; correctness comes from session:rejoin.
    connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false },
    // W3: a page of another origin may not open a socket that carries the instructor's cookie.
    allowRequest: (req, callback) => {
      const refusal = crossOriginRefusal(req, trustedOrigin, true);
      callback(refusal, refusal === null);
    },
  });
  const presence = socketPresence(io);
  const clientIp = clientAddressOf(env.TRUSTED_PROXIES);
  const addressOf = (socket: AppSocket) => clientIp(socket.request);
  const ctx: RealtimeContext = {
    io,
    db,
    env,
    presence,
    limiter: new RateLimiter(SOCKET_EVENT_LIMIT),
    addressOf,
    roster: new RosterBroadcaster(io, db, presence, now),
    training: new TrainingHub(trainingOutlet(io, env.REDIS_URL !== undefined), db, now),
    quiz: new QuizRunner(db, presence, quizOutlet(io, env.REDIS_URL !== undefined), now, env.REDIS_URL !== undefined),
    leaderboard: new LeaderboardHub(leaderboardOutlet(io), db, { size: EVAL_POOL_SIZE, timeoutMs: EVAL_JOB_TIMEOUT_MS }, weightFiles(env.DATA_DIR)),
    joinAttempts: new RateLimiter(JOIN_LIMIT),
    gate: new SessionGate(db, now),
    now,
    closing: false,
    background: new Set(),
  };

  /** SS4: open sockets per client IP, in this process. */
  const socketsPerIp = new Map<string, number>();
  io.use((socket, next) => {
    const handshake = handshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success || handshake.data.protocolVersion !== PROTOCOL_VERSION) {
      const error = new Error("PROTOCOL_MISMATCH") as Error & { data: unknown };
      error.data = { code: "PROTOCOL_MISMATCH", message: `server speaks protocol ${PROTOCOL_VERSION}` };
      return next(error);
    }
    if ((socketsPerIp.get(addressOf(socket)) ?? 0) >= MAX_SOCKETS_PER_IP) {
      const error = new Error("RATE_LIMITED") as Error & { data: unknown };
      error.data = { code: "RATE_LIMITED", message: "too many connections from this network" };
      return next(error);
    }
    next();
  });

  io.on("session:ended", (sessionId) => closeEndedSession(ctx, sessionId));
  io.on("quiz:invalidate", (sessionId) => void ctx.quiz.forget(sessionId).catch((error) => console.error("[quiz] forget failed:", error)));
  io.on("connection", (socket: AppSocket) => {
    const ip = addressOf(socket);
    socketsPerIp.set(ip, (socketsPerIp.get(ip) ?? 0) + 1);
    socket.on("disconnect", () => {
      const left = (socketsPerIp.get(ip) ?? 1) - 1;
      if (left > 0) socketsPerIp.set(ip, left);
      else socketsPerIp.delete(ip);
    });
    if (!socket.recovered) socket.data.role = { kind: "none" };
    // SS2: before any handler, a write tied to an ended session is answered SESSION_ENDED.
    socket.use(([event, ...args], next) => {
      const role = socket.data.role;
      if (role.kind === "none" || ALLOWED_AFTER_END.has(event as ClientRequestName)) return next();
      ctx.gate.requireLive(role.sessionId).then(
        () => next(),
        (error) => {
          const ack = args.at(-1);
          if (typeof ack === "function") ack({ ok: false, error: toErrorBody(error) });
        },
      );
    });
    registerSessionEvents(ctx, socket);
    registerTrainingEvents(ctx, socket);
    registerQuizEvents(ctx, socket);
    registerLeaderboardEvents(ctx, socket);
    socket.on("disconnect", () => ctx.limiter.forget(socket.id));
  });
  return ctx;
}
