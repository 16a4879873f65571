/**
 * Starting and stopping the server process (R4, R5). Start-up does every check that can fail
 * before serving — configuration, database (migrations need a writable database), Redis, the
 * port — and a failure ends the process with one line and exit code 1 instead of leaving a
 * process that runs without listening. SIGTERM/SIGINT close cleanly, and exit anyway (code 1)
 * when closing does not finish within SHUTDOWN_DEADLINE_MS; a second signal exits at once.
 */
import type { AddressInfo } from "node:net";
import { createApplication, type Application, type RequestHandler } from "./app";
import { createDb, providerOf, sqlitePath, type Db } from "./db/client";
import { acquireServerLock, type ServerLock } from "./db/serverLock";
import { migrate } from "./db/migrate";
import { loadEnv, type Env } from "./env";
import { SHUTDOWN_DEADLINE_MS } from "./limits";

export interface RunningServer {
  app: Application;
  db: Db;
  port: number;
  /**
   * R7's lock on a SQLite database, kept here for the process's lifetime: an unreferenced lock
   * connection is closed when the garbage collector finalises it, and a second server could then start.
   */
  lock?: ServerLock;
}

/** The one line a failed start prints: the first line of the error's message. */
export function startupFailureLine(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EADDRINUSE") return `cannot start: port ${(error as { port?: number }).port ?? ""} is already in use (another server is running?)`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot start: ${message
    .trim()
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ")}`;
}

function listen(app: Application, env: Env): Promise<number> {
  return new Promise((resolve, reject) => {
    app.httpServer.once("error", reject);
    app.httpServer.listen(env.PORT, env.HOST, () => {
      app.httpServer.off("error", reject);
      resolve((app.httpServer.address() as AddressInfo).port);
    });
  });
}

/**
 * Where a start's time went (ms since the process started, performance.now()): printed as one line,
 * so a slow restart can be taken apart (issue 16 §3: "ready in < 3 s").
 */
export class StartupTimings {
  private readonly marks: [string, number][] = [["modules", performance.now()]];
  mark(step: string): void {
    this.marks.push([step, performance.now()]);
  }
  /** "modules 812, migrations 40, …": each step's own duration; the first counts from the process start. */
  toString(): string {
    return this.marks.map(([step, at], i) => `${step} ${Math.round(at - (i ? this.marks[i - 1][1] : 0))}`).join(", ");
  }
}

/** Checks and opens everything, then listens. `web` serves every non-API request (Next.js). */
export async function startServer(env: Env, web?: RequestHandler, timings = new StartupTimings()): Promise<RunningServer> {
  const lock = providerOf(env.DATABASE_URL) === "sqlite" ? acquireServerLock(sqlitePath(env.DATABASE_URL)) : undefined;
  let db: Db | undefined;
  let app: Application | undefined;
  try {
    const applied = await migrate(env.DATABASE_URL);
    if (applied.length) console.log(`[db] applied migrations: ${applied.join(", ")}`);
    timings.mark("migrations");
    db = createDb(env.DATABASE_URL);
    timings.mark("database");
    app = await createApplication({ db, env, nextHandler: web });
    timings.mark("app");
    const port = await listen(app, env);
    timings.mark("listen");
    return { app, db, port, lock };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db?.$disconnect();
    lock?.release();
    throw error;
  }
}

/** SIGTERM/SIGINT: close cleanly within the deadline, or exit anyway. */
export function exitOnSignals({ app, db, lock }: RunningServer): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`[stop] second ${signal}: exiting now`);
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      console.error(`[stop] could not close within ${SHUTDOWN_DEADLINE_MS} ms: exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    await app.close();
    await db.$disconnect();
    lock?.release(); // also what keeps the lock referenced until the process ends
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, (s) => void stop(s));
}

/**
 * The whole life of a server process: start (printing the one-line failure and exiting 1 if that
 * fails), serve, stop on a signal. `loadWeb` starts loading the pages (Next.js) while the rest
 * starts; page requests wait for it, the API and Socket.IO answer as soon as the port is open.
 */
export async function runServerProcess(loadWeb?: (env: Env) => Promise<RequestHandler>): Promise<void> {
  try {
    const timings = new StartupTimings();
    const env = loadEnv();
    const web = loadWeb?.(env);
    web?.catch(() => undefined); // awaited below, after the port is open
    const server = await startServer(env, web && (async (req, res) => (await web)(req, res)), timings);
    exitOnSignals(server);
    if (web) {
      await web;
      timings.mark("pages");
    }
    console.log(`RNN Classroom on http://localhost:${server.port} (${env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
    console.log(`[start] ready ${Math.round(performance.now())} ms after the process started (ms: ${timings})`);
  } catch (error) {
    console.error(`[start] ${startupFailureLine(error)}`);
    process.exit(1);
  }
}
