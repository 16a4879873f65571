/**
 * `npm run bench:restart`: how long students wait when the server is killed and started again at
 * once (issue 16 §3: ready in < 3 s when a build exists, every client back within 3 s of that).
 * The real server (`npm start`: scripts/start.ts, with the pages) on SQLite, or on DATABASE_URL;
 * CLIENTS students joined over Socket.IO with the pages' reconnect policy (app/lib/reconnect.ts)
 * rejoin with their token after each drop. Each run: `kill -9`, start again, and measure from the
 * kill to /api/health answering 200 (readyMs), to every student rejoined (backMs), and the
 * process's own account of its start ("[start] ready … (ms: modules …, pages …)").
 * Prints every run and the medians. Options: RUNS (default 5), CLIENTS (default 100).
 * Run it under the machine's lock: `flock /work/heavy.lock npm run bench:restart`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { io, type Socket } from "socket.io-client";
import { keepReconnecting } from "../app/lib/reconnect";
import { PROTOCOL_VERSION } from "../lib/protocol/events";
import { ensureWebBuild } from "./webBuild";

const RUNS = Number(process.env.RUNS ?? 5);
const CLIENTS = Number(process.env.CLIENTS ?? 100);
const PORT = Number(process.env.PORT ?? 3311);
const url = `http://127.0.0.1:${PORT}`;
const root = join(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "rnn-classroom-bench-restart-"));
const env = {
  PATH: process.env.PATH ?? "",
  NODE_ENV: "production" as const,
  HOST: "127.0.0.1",
  PORT: String(PORT),
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL ?? `file:${join(dataDir, "bench.db")}`,
  SESSION_SECRET: "bench-restart-secret-bench-restart-secret",
  NEXT_TELEMETRY_DISABLED: "1",
};

interface Server {
  child: ChildProcess;
  exited: Promise<void>;
  /** The process's "[start] ready …" line. */
  readyLine: Promise<string>;
}

function startServer(): Server {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const readyLine = new Promise<string>((resolve) => {
    createInterface({ input: child.stdout! }).on("line", (line) => line.startsWith("[start] ready") && resolve(line));
  });
  createInterface({ input: child.stderr! }).on("line", (line) => console.error(`[server] ${line}`));
  return { child, exited, readyLine };
}

async function healthy(): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function api<T>(path: string, body: unknown, cookie?: string): Promise<{ data: T; cookie?: string }> {
  const response = await fetch(url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!reply.ok) throw new Error(`${path}: ${JSON.stringify(reply.error)}`);
  return { data: reply.data, cookie: response.headers.getSetCookie()[0]?.split(";")[0] ?? cookie };
}

type Ack = { ok: boolean; data?: { rejoinToken: string }; error?: unknown };
const ask = (socket: Socket, event: string, payload: unknown) => new Promise<Ack>((resolve) => socket.emit(event, payload, resolve));

/** A student: joins, and after every reconnect rejoins with its newest token. */
class Student {
  readonly socket: Socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION } });
  private token = "";
  private whenBack: (() => void) | undefined;

  constructor() {
    keepReconnecting(this.socket);
    this.socket.on("connect", () => {
      if (!this.token) return;
      void ask(this.socket, "session:rejoin", { rejoinToken: this.token }).then((reply) => {
        if (!reply.ok) throw new Error(`rejoin refused: ${JSON.stringify(reply.error)}`);
        this.token = reply.data!.rejoinToken;
        this.whenBack?.();
      });
    });
  }

  async join(code: string, nickname: string) {
    if (!this.socket.connected) await new Promise((resolve) => this.socket.once("connect", () => resolve(undefined)));
    const reply = await ask(this.socket, "session:join", { code, identity: { kind: "guest", nickname } });
    if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply.error)}`);
    this.token = reply.data!.rejoinToken;
  }

  back(): Promise<void> {
    return new Promise((resolve) => (this.whenBack = resolve));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureWebBuild();
let server = startServer();
const students: Student[] = [];
try {
  console.log(`first start: ${await server.readyLine}`);
  await healthy();
  const { cookie } = await api("/api/auth/signup", { email: "bench@school.kr", password: "correct horse battery", displayName: "bench" });
  const { data: created } = await api<{ class: { id: string } }>("/api/classes", { name: "bench", roster: "" }, cookie);
  const { data: started } = await api<{ session: { code: string; id: string } }>(`/api/classes/${created.class.id}/sessions`, {}, cookie);
  for (let i = 0; i < CLIENTS; i += 25) {
    const batch = Array.from({ length: Math.min(25, CLIENTS - i) }, () => new Student());
    students.push(...batch);
    await Promise.all(batch.map((s, j) => s.join(started.session.code, `s${i + j}`)));
  }
  const runs: { readyMs: number; backMs: number; backAfterReadyMs: number; start: string }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const everyoneBack = Promise.all(students.map((s) => s.back()));
    const killedAt = performance.now();
    server.child.kill("SIGKILL");
    await server.exited;
    server = startServer();
    await healthy();
    const readyMs = performance.now() - killedAt;
    await everyoneBack;
    const backMs = performance.now() - killedAt;
    const start = (await server.readyLine).replace(/^\[start\] /, "");
    runs.push({ readyMs: Math.round(readyMs), backMs: Math.round(backMs), backAfterReadyMs: Math.round(backMs - readyMs), start });
    console.log(`run ${run + 1}: kill → API ready ${Math.round(readyMs)} ms, → all ${CLIENTS} students back ${Math.round(backMs)} ms; ${start}`);
  }
  console.log(
    JSON.stringify({
      runs: RUNS,
      clients: CLIENTS,
      database: env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql",
      readyMsMedian: median(runs.map((r) => r.readyMs)),
      backMsMedian: median(runs.map((r) => r.backMs)),
      backAfterReadyMsMedian: median(runs.map((r) => r.backAfterReadyMs)),
      loadAverage1m: Number(loadavg()[0].toFixed(2)),
    }),
  );
} finally {
  for (const s of students) s.socket.close();
  server.child.kill("SIGKILL");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
