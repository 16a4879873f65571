/**
 * Backup and restore (R8): the database, the session secret that signs students' rejoin tokens
 * (without it every student is refused after a restore) and the submitted weight files.
 *  - SQLite: SQLite's online backup API through better-sqlite3 — a consistent copy while the
 *    server runs (copying the file would miss what is still in the write-ahead log).
 *  - PostgreSQL: pg_dump's custom format; pg_restore --clean to restore.
 * The database is copied before the weight files: files are written before their rows commit
 * and never deleted, so every row in the backup has its file.
 */
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import type { Env } from "../env";
import { providerOf, sqlitePath } from "./client";
import { acquireServerLock } from "./serverLock";

const run = promisify(execFile);

const manifestSchema = z.object({
  format: z.literal(1),
  provider: z.enum(["sqlite", "postgresql"]),
  createdAt: z.string(),
  /** False when SESSION_SECRET comes from the environment: keep it with the backup yourself. */
  secretIncluded: z.boolean(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const FILES = { sqlite: "database.sqlite", postgresql: "database.pgdump", secret: "session-secret", weights: "weights", manifest: "manifest.json" };

function secretFile(env: Env): string {
  return resolve(env.DATA_DIR, "session-secret");
}

export async function backup(env: Env, target: string): Promise<BackupManifest> {
  mkdirSync(target, { recursive: true });
  const provider = providerOf(env.DATABASE_URL);
  if (provider === "sqlite") {
    const db = new Database(sqlitePath(env.DATABASE_URL), { fileMustExist: true });
    try {
      await db.backup(join(target, FILES.sqlite));
    } finally {
      db.close();
    }
  } else {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${join(target, FILES.postgresql)}`, env.DATABASE_URL]);
  }
  const secretIncluded = existsSync(secretFile(env));
  if (secretIncluded) copyFileSync(secretFile(env), join(target, FILES.secret));
  const weights = resolve(env.DATA_DIR, FILES.weights);
  if (existsSync(weights)) cpSync(weights, join(target, FILES.weights), { recursive: true, filter: (path) => !path.endsWith(".part") });
  const manifest: BackupManifest = { format: 1, provider, createdAt: new Date().toISOString(), secretIncluded };
  writeFileSync(join(target, FILES.manifest), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores `source` into the place `env` names. The server must be stopped (SQLite: its lock is taken here). */
export async function restore(env: Env, source: string): Promise<BackupManifest> {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(source, FILES.manifest), "utf8")));
  const provider = providerOf(env.DATABASE_URL);
  if (manifest.provider !== provider) throw new Error(`this backup is of a ${manifest.provider} database, DATABASE_URL is ${provider}`);
  if (provider === "sqlite") {
    const path = sqlitePath(env.DATABASE_URL);
    const lock = acquireServerLock(path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
      copyFileSync(join(source, FILES.sqlite), path);
    } finally {
      lock.release();
    }
  } else {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${env.DATABASE_URL}`, join(source, FILES.postgresql)]);
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  if (manifest.secretIncluded) copyFileSync(join(source, FILES.secret), secretFile(env));
  const weights = join(source, FILES.weights);
  if (existsSync(weights)) cpSync(weights, resolve(env.DATA_DIR, FILES.weights), { recursive: true });
  return manifest;
}
