/**
 * The Socket.IO server: handshake checks, one role per socket, and the event modules.
 * Each event module (session, training, quiz, leaderboard) gets the same context and
 * registers its request handlers on every new socket.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { PROTOCOL_VERSION, handshakeSchema } from "../../lib/protocol/events";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { AppServer, AppSocket, RealtimeContext } from "./context";
import { SOCKET_EVENT_LIMIT, SOCKET_MAX_MESSAGE_BYTES } from "../limits";
import { RateLimiter } from "../rateLimit";
import { socketPresence } from "./presence";
import { RosterBroadcaster } from "./rosterBroadcaster";
import { registerSessionEvents } from "./sessionEvents";
import { registerTrainingEvents, trainingOutlet } from "./trainingEvents";
import { quizOutlet, registerQuizEvents } from "./quizEvents";
import { QuizRunner } from "../domain/quizRunner";
import { TrainingHub } from "./trainingHub";
import { LeaderboardHub } from "./leaderboardHub";
import { leaderboardOutlet, registerLeaderboardEvents } from "./leaderboardEvents";
import { EVAL_JOB_TIMEOUT_MS, EVAL_POOL_SIZE } from "../limits";

export function createSocketServer(httpServer: HttpServer, db: Db, env: Env, now: () => number = Date.now): RealtimeContext {
  const io: AppServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES, // larger messages close the connection
    serveClient: false,
    // Notice a dropped laptop within ~20 s (defaults: 25 s + 20 s), so the roster shows it soon.
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // An optimisation only: a quick reconnect keeps rooms; correctness comes from session:rejoin.
    connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false },
  });
  const presence = socketPresence(io);
  const ctx: RealtimeContext = {
    io,
    db,
    env,
    presence,
    limiter: new RateLimiter(SOCKET_EVENT_LIMIT),
    roster: new RosterBroadcaster(io, db, presence),
    training: new TrainingHub(trainingOutlet(io, env.REDIS_URL !== undefined), db, now),
    quiz: new QuizRunner(db, presence, quizOutlet(io, env.REDIS_URL !== undefined), now, env.REDIS_URL !== undefined),
    leaderboard: new LeaderboardHub(leaderboardOutlet(io), db, { size: EVAL_POOL_SIZE, timeoutMs: EVAL_JOB_TIMEOUT_MS }),
    now,
    closing: false,
    background: new Set(),
  };

  io.use((socket, next) => {
    const handshake = handshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success || handshake.data.protocolVersion !== PROTOCOL_VERSION) {
      const error = new Error("PROTOCOL_MISMATCH") as Error & { data: unknown };
      error.data = { code: "PROTOCOL_MISMATCH", message: `server speaks protocol ${PROTOCOL_VERSION}` };
      return next(error);
    }
    next();
  });

  io.on("quiz:invalidate", (sessionId) => void ctx.quiz.forget(sessionId).catch((error) => console.error("[quiz] forget failed:", error)));
  io.on("connection", (socket: AppSocket) => {
    if (!socket.recovered) socket.data.role = { kind: "none" };
    registerSessionEvents(ctx, socket);
    registerTrainingEvents(ctx, socket);
    registerQuizEvents(ctx, socket);
    registerLeaderboardEvents(ctx, socket);
    socket.on("disconnect", () => ctx.limiter.forget(socket.id));
  });
  return ctx;
}
