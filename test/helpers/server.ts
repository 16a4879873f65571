/**
 * Test harness: the real application on an ephemeral port with a real database — a fresh SQLite
 * file, or a fresh PostgreSQL database when the test asks for PostgreSQL (DATABASE_URL_PG).
 * Nothing of ours is mocked.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createApplication, type Application } from "../../server/app";
import { createDb, type Db } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { loadEnv, type Env } from "../../server/env";
import type { PasswordHasher } from "../../server/auth/password";

export type DbKind = "sqlite" | "postgresql";

/** The database kinds to run contract suites on: PostgreSQL only when DATABASE_URL_PG is set. */
export const DB_KINDS: DbKind[] = process.env.DATABASE_URL_PG ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A brand-new, empty database of the given kind. */
export async function freshDatabase(kind: DbKind = "sqlite"): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "rnn-classroom-test-"));
    return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.DATABASE_URL_PG;
  if (!admin) throw new Error("DATABASE_URL_PG is not set");
  const name = `rc_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServer {
  url: string;
  port: number;
  db: Db;
  env: Env;
  app: Application;
  database: TestDatabase;
  /** Stop the server but keep the database (to test a restart). */
  stop(): Promise<void>;
  /** Stop the server and delete the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  kind?: DbKind;
  /** Reuse a database (restart tests). */
  database?: TestDatabase;
  env?: Partial<Record<string, string>>;
  /** A clock the test drives (telemetry throttling); real time by default. */
  now?: () => number;
  /** Password hashing; a test may wrap scrypt to count its calls (W12). */
  hasher?: PasswordHasher;
}

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await freshDatabase(options.kind));
  const env = loadEnv({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
    DATA_DIR: join(tmpdir(), "rnn-classroom-test-data"),
    ...options.env,
  });
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  const app = await createApplication({ db, env, now: options.now, hasher: options.hasher });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const port = (app.httpServer.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await db.$disconnect();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    env,
    app,
    database,
    stop,
    async close() {
      await stop();
      await database.drop();
    },
  };
}
