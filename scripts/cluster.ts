/**
 * `npm run cluster`: several app processes behind HAProxy on this machine (deploy/cluster.ts,
 * configuration deploy/haproxy.cfg), sharing PostgreSQL and Redis. Builds the web app first if
 * needed, prints the balancer's address, restarts a process that dies, and stops everything on
 * Ctrl-C. Environment: DATABASE_URL (postgresql://…) and REDIS_URL (required); PORT (the
 * balancer's, default 3000; the processes take the next ports); CLUSTER_PROCESSES (default 2);
 * SESSION_SECRET (default: the one kept in DATA_DIR, generated once); HOST, PUBLIC_URL, DATA_DIR.
 */
import { join } from "node:path";
import { startCluster } from "../deploy/cluster";
import { storedSecret } from "../server/env";
import { ensureWebBuild } from "./webBuild";

function fail(message: string): never {
  console.error(`[cluster] cannot start: ${message}`);
  process.exit(1);
}

const env = process.env;
if (!env.DATABASE_URL?.startsWith("postgres")) fail("set DATABASE_URL to a PostgreSQL database (SQLite allows one server process)");
if (!env.REDIS_URL) fail("set REDIS_URL (the processes reach each other's students through Redis)");
const processes = Number(env.CLUSTER_PROCESSES ?? 2);
if (!Number.isInteger(processes) || processes < 1 || processes > 16) fail("CLUSTER_PROCESSES must be a whole number from 1 to 16");
const port = Number(env.PORT ?? 3000);
const dataDir = env.DATA_DIR ?? "./data";

ensureWebBuild();
try {
  const cluster = await startCluster({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    sessionSecret: env.SESSION_SECRET ?? storedSecret(dataDir),
    dataDir,
    host: env.HOST ?? "0.0.0.0",
    port,
    appPorts: Array.from({ length: processes }, (_, i) => port + 1 + i),
    entry: join(import.meta.dirname, "../server/index.ts"),
    env: env.PUBLIC_URL ? { PUBLIC_URL: env.PUBLIC_URL } : {},
    restart: true,
  });
  console.log(
    `[cluster] RNN Classroom on http://localhost:${port} (HAProxy → ${processes} processes on ports ${port + 1}–${port + processes}); Ctrl-C stops everything`,
  );
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log("[cluster] stopping…");
      void cluster.stop().then(() => process.exit(0));
    });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
