/**
 * The process entry point: read the environment, apply migrations, create the Next.js handler
 * and the application, listen. Everything else lives in server/app.ts.
 */
import next from "next";
import { createApplication } from "./app";
import { createDb } from "./db/client";
import { migrate } from "./db/migrate";
import { loadEnv } from "./env";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const env = loadEnv();
const applied = await migrate(env.DATABASE_URL);
if (applied.length) console.log(`[db] applied migrations: ${applied.join(", ")}`);

const nextApp = next({ dev: env.NODE_ENV === "development", dir: new URL("..", import.meta.url).pathname });
await nextApp.prepare();

const db = createDb(env.DATABASE_URL);
const app = await createApplication({ db, env, nextHandler: nextApp.getRequestHandler() });
app.httpServer.listen(env.PORT, env.HOST, () => {
  console.log(`RNN Classroom on http://localhost:${env.PORT} (${env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await db.$disconnect();
    process.exit(0);
  });
}
