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
import { routeApi } from "./http/router";
import { serveCorpusText } from "./http/corpusText";
import { serveCheckpoint } from "./http/checkpointDownload";
import { createSubmissionUpload } from "./http/submissionUpload";
import { createSocketServer, type RealtimeContext } from "./realtime/socketServer";
import { redisAdapter } from "./redis";
import { weightFiles } from "./domain/weightFiles";
import { clientAddressOf } from "./http/clientAddress";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppComponents {
  db: Db;
  env: Env;
  /** Next.js' request handler; tests of the API and sockets run without it. */
  nextHandler?: RequestHandler;
  /** The clock for rules that count time (telemetry throttling); tests may drive it. */
  now?: () => number;
}

export interface Application {
  httpServer: Server;
  realtime: RealtimeContext;
  close(): Promise<void>;
}

export async function createApplication({ db, env, nextHandler, now = Date.now }: AppComponents): Promise<Application> {
  const redis = env.REDIS_URL ? await redisAdapter(env.REDIS_URL) : undefined;
  const weights = weightFiles(env.DATA_DIR);
  const clientIp = clientAddressOf(env.TRUSTED_PROXIES);
  let handlers: ReturnType<typeof createHandlers> | undefined;
  let serveUpload: ReturnType<typeof createSubmissionUpload> | undefined;
  const httpServer = createServer((req, res) => {
    serveCorpusText(db, req, res)
      .then(async (served) => served || (await serveCheckpoint(db, weights, env.SESSION_SECRET, req, res)) || (await serveUpload!(req, res)) || routeApi(handlers!, req, res, clientIp))
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
  await realtime.training.start();
  await realtime.quiz.start();
  await realtime.leaderboard.start();
  handlers = createHandlers(db, realtime.presence);
  serveUpload = createSubmissionUpload(realtime, now);

  return {
    httpServer,
    realtime,
    async close() {
      realtime.closing = true;
      await Promise.all(realtime.background); // writes of sockets that closed just before
      realtime.roster.close();
      await realtime.training.stop();
      await realtime.quiz.stop();
      await realtime.leaderboard.stop();
      httpServer.close(); // no new connections; io.close() ends the sockets
      httpServer.closeAllConnections(); // a request still in flight (a stalled upload) must not hold the close
      await realtime.io.close();
      await Promise.all((redis?.clients ?? []).map((c) => c.quit().catch(() => undefined)));
    },
  };
}
