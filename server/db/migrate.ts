/**
 * Applies the committed migrations (prisma/migrations/<provider>/<id>/migration.sql) in order,
 * each once, recording them in the table _rnn_migrations. Idempotent: safe on every start.
 * A migration whose file changed after it was applied is an error (checksum mismatch).
 * PostgreSQL takes an advisory lock so that several server processes starting together
 * apply each migration once. (Prisma's JavaScript schema engine cannot migrate PostgreSQL yet —
 * upstream Prisma issue 27403, "Column type 'name' could not be deserialized" — and the native one
 * cannot be downloaded here, so the app applies the SQL itself for both providers.)
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqlitePath, type DbProvider } from "./client";

const MIGRATIONS_ROOT = join(import.meta.dirname, "../../prisma/migrations");
const MIGRATION_LOCK_ID = 727_001; // arbitrary constant for pg_advisory_lock

interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export function listMigrations(provider: DbProvider): Migration[] {
  const dir = join(MIGRATIONS_ROOT, provider);
  return readdirSync(dir)
    .sort()
    .map((id) => {
      const sql = readFileSync(join(dir, id, "migration.sql"), "utf8");
      return { id, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_rnn_migrations" ("id" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`;

function checkApplied(migration: Migration, applied: Map<string, string>): boolean {
  const checksum = applied.get(migration.id);
  if (checksum === undefined) return false;
  if (checksum !== migration.checksum) throw new Error(`migration ${migration.id} was changed after it was applied`);
  return true;
}

/** Returns the ids of the migrations it applied now. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  const migrations = listMigrations(provider);
  return provider === "sqlite" ? migrateSqlite(sqlitePath(databaseUrl), migrations) : migratePostgres(databaseUrl, migrations);
}

function migrateSqlite(path: string, migrations: Migration[]): string[] {
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_TABLE);
    const done: string[] = [];
    // BEGIN IMMEDIATE takes the write lock first, so two processes cannot apply the same migration.
    db.transaction(() => {
      const rows = db.prepare(`SELECT "id", "checksum" FROM "_rnn_migrations"`).all() as { id: string; checksum: string }[];
      const applied = new Map(rows.map((r) => [r.id, r.checksum]));
      for (const m of migrations) {
        if (checkApplied(m, applied)) continue;
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_rnn_migrations" VALUES (?, ?, ?)`).run(m.id, m.checksum, new Date().toISOString());
        done.push(m.id);
      }
    }).immediate();
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ id: string; checksum: string }>(`SELECT "id", "checksum" FROM "_rnn_migrations"`);
    const applied = new Map(rows.map((r) => [r.id, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      if (checkApplied(m, applied)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_rnn_migrations" VALUES ($1, $2, $3)`, [m.id, m.checksum, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.id);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
