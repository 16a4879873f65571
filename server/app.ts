/**
 * The application factory (the Socket.IO basic-crud example's createApplication): one node:http
 * server that answers the JSON API, hosts Socket.IO, and hands every other request to Next.js.
 * Tests start it on an ephemeral port with a real database and real socket.io-client peers;
 * server/index.ts only reads the environment, migrates, and calls this.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Db } from "./db/client";
import type { Env } from "./env";
import { createHandlers } from "./http/handlers";
import { routeApi } from "./http/router";
import { serveCorpusText } from "./http/corpusText";
import { serveCheckpoint } from "./http/checkpointDownload";
import { createSubmissionUpload } from "./http/submissionUpload";
import { createSocketServer, type RealtimeContext } from "./realtime/socketServer";
import { ClassModelHub } from "./federated/classModelHub";
import { registerClassModelEvents } from "./federated/events";
import { createClassModelHttp } from "./federated/http";

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
  classModels: ClassModelHub;
  close(): Promise<void>;
}

export async function createApplication({ db, env, nextHandler, now = Date.now }: AppComponents): Promise<Application> {
  let handlers: ReturnType<typeof createHandlers> | undefined;
  let serveUpload: ReturnType<typeof createSubmissionUpload> | undefined;
  let serveClassModel: ReturnType<typeof createClassModelHttp> | undefined;
  const httpServer = createServer((req, res) => {
    serveCorpusText(db, req, res)
      .then(async (served) => served || (await serveCheckpoint(db, env.SESSION_SECRET, req, res)) || (await serveUpload!(req, res)) || (await serveClassModel!(req, res)) || routeApi(handlers!, req, res))
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
  await realtime.training.start();
  await realtime.quiz.start();
  await realtime.leaderboard.start();
  handlers = createHandlers(db, realtime.presence);
  serveUpload = createSubmissionUpload(realtime, now);
  const classModels = new ClassModelHub(realtime.io, db, realtime.presence, env.SESSION_SECRET, now);
  await classModels.start();
  realtime.io.on("connection", (socket) => registerClassModelEvents(realtime, classModels, socket));
  serveClassModel = createClassModelHttp(classModels, env.SESSION_SECRET, now);

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (env.REDIS_URL) {
    const pub = createClient({ url: env.REDIS_URL });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    realtime.io.adapter(createAdapter(pub, sub));
  }

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
      await realtime.io.close(); // also closes httpServer
      await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
