/**
 * A benchmark's server: the real application in its own process (so the load generator does not
 * share its event loop), on a fresh SQLite file. Reports its port, then answers "stats" requests
 * over IPC with event-loop lag (p50/p99/max since the last reset), RSS and CPU use.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createApplication } from "../../server/app";
import { createDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { loadEnv } from "../../server/env";

const dir = mkdtempSync(join(tmpdir(), "rnn-bench-"));
const env = loadEnv({
  NODE_ENV: "production",
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
  DATA_DIR: dir,
});
await migrate(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
const app = await createApplication({ db, env });
await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let cpuMark = process.cpuUsage();
let timeMark = performance.now();

process.on("message", (message: { type: string }) => {
  if (message.type === "reset") {
    lag.reset();
    cpuMark = process.cpuUsage();
    timeMark = performance.now();
    process.send?.({ type: "reset-done" });
  } else if (message.type === "stats") {
    const cpu = process.cpuUsage(cpuMark);
    const wallMs = performance.now() - timeMark;
    process.send?.({
      type: "stats",
      loopLagP50Ms: lag.percentile(50) / 1e6,
      loopLagP99Ms: lag.percentile(99) / 1e6,
      loopLagMaxMs: lag.max / 1e6,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    });
  } else if (message.type === "exit") {
    void app
      .close()
      .then(() => db.$disconnect())
      .then(() => process.exit(0));
  }
});
process.send?.({ type: "ready", port: (app.httpServer.address() as AddressInfo).port });
