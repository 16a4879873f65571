/**
 * The application factory (the Socket.IO basic-crud example's createApplication): one node:http
 * server that answers the JSON API, hosts Socket.IO, and hands every other request to Next.js.
 * Tests start it on an ephemeral port with a real database and real socket.io-client peers;
 * server/index.ts only reads the environment, migrates, and calls this.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Db } from "./db/client";
import type { Env } from "./env";
import { createHandlers } from "./http/handlers";
import { routeApi, send, type Api } from "./http/router";
import { BodyGate } from "./http/bodyGate";
import { crossOriginRefusal, publicOrigin } from "./http/sameOrigin";
import { setSecurityHeaders } from "./http/securityHeaders";
import { serveCorpusText } from "./http/corpusText";
import { serveCheckpoint } from "./http/checkpointDownload";
import { createSubmissionUpload } from "./http/submissionUpload";
import type { RealtimeContext } from "./realtime/context";
import { createSocketServer } from "./realtime/socketServer";
import { disconnectLoginSockets } from "./realtime/loginSockets";
import { HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_TIMEOUT_CHECK_INTERVAL_MS, LARGE_BODIES_PER_IP } from "./limits";
import { redisAdapter } from "./redis";
import { PeerWatch } from "./realtime/peerWatch";
import { weightFiles } from "./domain/weightFiles";
import { clientAddressOf } from "./http/clientAddress";
import { ClassModelHub } from "./federated/classModelHub";
import { registerClassModelEvents } from "./federated/events";
import { scryptHasher, type PasswordHasher } from "./auth/password";
import { createClassModelHttp } from "./federated/http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppComponents {
  db: Db;
  env: Env;
  /** Next.js' request handler; tests of the API and sockets run without it. */
  nextHandler?: RequestHandler;
  /** The clock for rules that count time (telemetry throttling); tests may drive it. */
  now?: () => number;
  /** Password hashing (scrypt); tests may wrap it to count the work of each login (W12). */
  hasher?: PasswordHasher;
}

export interface Application {
  httpServer: Server;
  realtime: RealtimeContext;
  classModels: ClassModelHub;
  close(): Promise<void>;
}

export async function createApplication({ db, env, nextHandler, now = Date.now, hasher = scryptHasher }: AppComponents): Promise<Application> {
  const redis = env.REDIS_URL ? await redisAdapter(env.REDIS_URL) : undefined;
  const weights = weightFiles(env.DATA_DIR);
  const clientIp = clientAddressOf(env.TRUSTED_PROXIES);
  let api: Api | undefined;
  let serveUpload: ReturnType<typeof createSubmissionUpload> | undefined;
  const largeBodies = new BodyGate(LARGE_BODIES_PER_IP);
  const trustedOrigin = publicOrigin(env.PUBLIC_URL);
  // W21: slow clients may not hold a request open for Node's default 300 s.
  const timeouts = {
    headersTimeout: HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: HTTP_REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_INTERVAL_MS,
  };
  let serveClassModel: ReturnType<typeof createClassModelHttp> | undefined;
  const httpServer = createServer(timeouts, (req, res) => {
    setSecurityHeaders(req, res);
    const refusal = crossOriginRefusal(req, trustedOrigin);
    if (refusal) {
      res.setHeader("Connection", "close");
      return send(res, 403, { ok: false, error: { code: "FORBIDDEN", message: refusal } });
    }
    serveCorpusText(db, env.SESSION_SECRET, req, res)
      .then(
        async (served) =>
          served ||
          (await serveCheckpoint(db, weights, env.SESSION_SECRET, req, res)) ||
          (await serveUpload!(req, res)) ||
          (await serveClassModel!(req, res)) ||
          routeApi(api!, req, res),
      )
      .then((handled) => {
        if (handled) return;
        if (nextHandler) return nextHandler(req, res);
        res.statusCode = 404;
        res.end("not found");
      })
      .catch((error) => {
        console.error("[http] unhandled:", error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  const realtime = createSocketServer(httpServer, db, env, now);
  if (redis) realtime.io.adapter(redis.adapter);
  // R10: when another process dies, the students it held leave the rosters of consoles here.
  const peers = redis ? new PeerWatch(redis.clients[0], () => realtime.roster.resendToLocalInstructors()) : undefined;
  await peers?.start();
  await realtime.training.start();
  await realtime.quiz.start();
  await realtime.leaderboard.start();
  const logins = { secret: env.SESSION_SECRET, disconnectLogin: (cookie: string | undefined) => disconnectLoginSockets(realtime.io, cookie), hasher };
  api = { db, handlers: createHandlers(db, realtime.presence, logins, realtime.gate, env.PUBLIC_URL), largeBodies, clientIp };
  serveUpload = createSubmissionUpload(realtime, largeBodies, now);
  const classModels = new ClassModelHub(realtime.io, db, realtime.presence, realtime.leaderboard, env.SESSION_SECRET, now);
  await classModels.start();
  realtime.io.on("connection", (socket) => registerClassModelEvents(realtime, classModels, socket));
  serveClassModel = createClassModelHttp(classModels, realtime.gate, env.SESSION_SECRET, clientIp, now);

  return {
    httpServer,
    realtime,
    classModels,
    async close() {
      realtime.closing = true;
      await Promise.all(realtime.background); // writes of sockets that closed just before
      realtime.roster.close();
      await realtime.training.stop();
      await realtime.quiz.stop();
      await realtime.leaderboard.stop();
      await classModels.stop();
      httpServer.close(); // no new connections; io.close() ends the sockets
      httpServer.closeAllConnections(); // a request still in flight (a stalled upload) must not hold the close
      await realtime.io.close();
      // R10: leave the list only now that this process's sockets are gone, so the roster the others
      // re-send no longer counts them (before, it could still see them connected, and nobody re-sent later).
      await peers?.stop();
      await Promise.all((redis?.clients ?? []).map((c) => c.quit().catch(() => undefined)));
    },
  };
}
