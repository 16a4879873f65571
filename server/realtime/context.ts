/**
 * The types every realtime module shares: the typed Socket.IO server and socket, what the server
 * keeps on each socket, the messages between server processes, and the context each event module
 * is given. Kept apart from the server's construction so that modules import types without
 * importing each other.
 */
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketRole } from "../../lib/protocol/events";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { Presence } from "../domain/sessions";
import type { QuizRunner } from "../domain/quizRunner";
import type { RateLimiter } from "../rateLimit";
import type { LeaderboardHub } from "./leaderboardHub";
import type { RosterBroadcaster } from "./rosterBroadcaster";
import type { SessionGate } from "./sessionGate";
import type { TrainingHub } from "./trainingHub";

export interface SocketData {
  role: SocketRole;
}
/**
 * Messages between server processes (through the Redis adapter; a no-op with one process):
 * another process changed a session's model session, run or quiz round, so cached state must be re-read.
 */
export interface InterServerEvents {
  "training:invalidate": (sessionId: string) => void;
  "quiz:invalidate": (sessionId: string) => void;
  /** A session ended: refuse its writes and drop its students' roles here too (SS2). */
  "session:ended": (sessionId: string) => void;
}
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeContext {
  io: AppServer;
  db: Db;
  env: Env;
  presence: Presence;
  limiter: RateLimiter;
  roster: RosterBroadcaster;
  training: TrainingHub;
  quiz: QuizRunner;
  /** Submissions' evaluation queue (worker pool) and leaderboard broadcasts. */
  leaderboard: LeaderboardHub;
  /** The client's address for per-network limits: the forwarded one behind a trusted proxy (R9). */
  addressOf: (socket: AppSocket) => string;
  /** SS4: failed joins and rejoins per IP (JOIN_LIMIT, like the HTTP code lookup). */
  joinAttempts: RateLimiter;
  /** SS2: the guard every write tied to a session passes. */
  gate: SessionGate;
  /** The server's clock (injected, so tests can move time). */
  now: () => number;
  /** Set while the server shuts down: disconnects then are ours, not the students'. */
  closing: boolean;
  /** Database writes started by socket events and not awaited by them; close() waits for them. */
  background: Set<Promise<unknown>>;
}
