/**
 * The Prisma client for DATABASE_URL: SQLite (better-sqlite3 driver adapter) for `file:` URLs,
 * PostgreSQL (pg driver adapter) for `postgresql://` URLs. Both clients are generated from the
 * one schema (scripts/db.ts) and have the same model API; the app is typed against the SQLite one.
 * The SQLite adapter is wrapped so that a storage fault cannot leave its transaction lock held
 * (server/db/sqliteAdapter.ts says why).
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../../generated/prisma-pg/client";
import { serializedSqliteAdapter } from "./sqliteAdapter";

export type Db = PrismaClient;
export type DbProvider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): DbProvider {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Absolute path of a `file:` URL's database (relative paths resolve against the working directory). */
export function sqlitePath(databaseUrl: string): string {
  return resolve(databaseUrl.slice("file:".length));
}

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    const path = sqlitePath(databaseUrl);
    mkdirSync(dirname(path), { recursive: true });
    return new PrismaClient({ adapter: serializedSqliteAdapter(path) });
  }
  const pg = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  // Same generated model API from the same schema; only the provider differs.
  return pg as unknown as Db;
}
