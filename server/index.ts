/**
 * The process entry point: the server (server/main.ts: checks, migrations, database, Redis, the
 * port; any failure is one line and exit code 1) with the Next.js pages.
 */
import next from "next";
import { runServerProcess } from "./main";

process.env.NEXT_TELEMETRY_DISABLED = "1";

await runServerProcess(async (env) => {
  const nextApp = next({ dev: env.NODE_ENV === "development", dir: new URL("..", import.meta.url).pathname });
  await nextApp.prepare();
  return nextApp.getRequestHandler();
});
