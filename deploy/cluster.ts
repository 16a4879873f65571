/**
 * Several app processes behind HAProxy on one machine (issue 16 §4): what `npm run cluster`
 * (scripts/cluster.ts) runs, and what the load-balanced kill test (test/scale/cluster.test.ts)
 * starts — the same code. The processes share one PostgreSQL database (SQLite allows one server,
 * R7) and Redis (the Socket.IO adapter, R10's heartbeats), one SESSION_SECRET (R6), one DATA_DIR
 * (weight files), and trust X-Forwarded-For from the balancer only (TRUSTED_PROXIES, R9).
 * HAProxy's configuration is deploy/haproxy.cfg with the listen address and servers filled in.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { migrate } from "../server/db/migrate";
import { providerOf } from "../server/db/client";

const TEMPLATE = join(import.meta.dirname, "haproxy.cfg");
/** How long a process may take to answer /api/health after it was started (ms). */
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 50;

export interface ClusterOptions {
  /** PostgreSQL, shared by every process. */
  databaseUrl: string;
  redisUrl: string;
  /** One secret for all (R6): a student moved to another process keeps a valid token. */
  sessionSecret: string;
  dataDir: string;
  /** Where the balancer listens (students and the instructor use this). */
  host: string;
  port: number;
  /** One app process per port, listening on 127.0.0.1 behind the balancer. */
  appPorts: number[];
  /** The app process's entry: server/index.ts (with the pages), or an API-only entry in tests. */
  entry: string;
  /** More environment for the app processes (PUBLIC_URL, NODE_ENV, …). */
  env?: Record<string, string>;
  /** Start an app process again when it exits without being asked to (`npm run cluster`: yes). */
  restart?: boolean;
  /** Where the processes' output lines go, prefixed with their name. */
  log?: (line: string) => void;
}

export interface AppProcess {
  name: string;
  port: number;
  /** The running child (replaced when it is restarted). */
  child: ChildProcess;
  /** Resolves when the current child exits. */
  exited: Promise<void>;
  /** Resolves when the current child answers /api/health. */
  ready: Promise<void>;
}

export interface Cluster {
  /** The balancer's address, for people and for clients. */
  url: string;
  apps: AppProcess[];
  balancer: ChildProcess;
  /** Stops the app processes (SIGTERM, R4) and then the balancer. */
  stop(): Promise<void>;
}

/** deploy/haproxy.cfg with the listen address and one `server` line per app process. */
export function haproxyConfig(host: string, port: number, servers: { name: string; address: string }[]): string {
  const lines = servers.map((s) => `    server ${s.name} ${s.address} check cookie ${s.name}`).join("\n");
  return readFileSync(TEMPLATE, "utf8").replace("{{BIND}}", host).replace("{{PORT}}", String(port)).replace("{{SERVERS}}", lines);
}

/**
 * The HAProxy executable and its version line; fails with the reason when it is not installed.
 * Debian puts it in /usr/sbin, which is not on every user's PATH.
 */
export function requireHaproxy(): { path: string; version: string } {
  for (const path of ["haproxy", "/usr/sbin/haproxy", "/usr/local/sbin/haproxy"]) {
    try {
      return { path, version: execFileSync(path, ["-v"], { encoding: "utf8" }).split("\n")[0] };
    } catch {
      // not this one
    }
  }
  throw new Error("HAProxy is not installed: install it (Debian: apt-get install haproxy) to run several processes behind it");
}

/** Resolves when GET `url` answers 200; rejects when `gone` settles first or after READY_TIMEOUT_MS. */
async function answers(url: string, gone: Promise<unknown>, what: string): Promise<void> {
  let ended = false;
  void gone.then(() => (ended = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!ended) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`${what} exited before answering ${url}`);
}

function pipeLines(child: ChildProcess, name: string, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on("line", (line) => log(`[${name}] ${line}`));
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(line));
  const haproxy = requireHaproxy().path;
  if (providerOf(options.databaseUrl) !== "postgresql")
    throw new Error("several processes need PostgreSQL (DATABASE_URL=postgresql://…): SQLite allows one server (R7)");
  // Once here, so the processes start with nothing to apply (each would also do it, under an advisory lock).
  const applied = await migrate(options.databaseUrl);
  if (applied.length) log(`[cluster] applied migrations: ${applied.join(", ")}`);

  let stopping = false;
  let up = false; // a process that fails while the cluster starts is a failed start, not one to restart
  const apps: AppProcess[] = options.appPorts.map((port, i) => ({ name: `app${i + 1}`, port }) as AppProcess);
  const launch = (app: AppProcess) => {
    const child = spawn(process.execPath, ["--import", "tsx", options.entry], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        ...options.env,
        HOST: "127.0.0.1",
        PORT: String(app.port),
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        SESSION_SECRET: options.sessionSecret,
        DATA_DIR: options.dataDir,
        TRUSTED_PROXIES: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    pipeLines(child, app.name, log);
    app.child = child;
    app.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    app.ready = answers(`http://127.0.0.1:${app.port}/api/health`, app.exited, app.name);
    app.ready.catch(() => undefined); // awaited by whoever needs it; a restart makes a new one
    void app.exited.then(() => {
      if (stopping || !up || !options.restart) return;
      log(`[cluster] ${app.name} exited (${child.exitCode ?? child.signalCode}): starting it again`);
      launch(app);
    });
  };

  const dir = mkdtempSync(join(tmpdir(), "rnn-classroom-haproxy-"));
  let balancer: ChildProcess | undefined;
  let balancerExited: Promise<void> = Promise.resolve();
  const stop = async () => {
    stopping = true;
    for (const app of apps) app.child?.kill("SIGTERM");
    await Promise.all(apps.map((app) => app.exited));
    balancer?.kill("SIGTERM");
    await balancerExited;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const app of apps) launch(app);
    await Promise.all(apps.map((app) => app.ready));
    // The balancer last, so its first health checks find every process up.
    const config = join(dir, "haproxy.cfg");
    writeFileSync(
      config,
      haproxyConfig(
        options.host,
        options.port,
        apps.map((app) => ({ name: app.name, address: `127.0.0.1:${app.port}` })),
      ),
    );
    execFileSync(haproxy, ["-c", "-q", "-f", config]); // a broken configuration fails here, with HAProxy's message
    // -db: stay in the foreground, so the balancer ends with stop() (or with this process).
    const started = spawn(haproxy, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    pipeLines(started, "haproxy", log);
    balancer = started;
    balancerExited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    const local = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
    const url = `http://${local}:${options.port}`;
    await answers(`${url}/api/health`, balancerExited, "HAProxy");
    up = true;
    return { url, apps, balancer: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
