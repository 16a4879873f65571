/**
 * One server per SQLite database (R7). Two processes on one SQLite file would each keep their own
 * presence, broadcasts and quiz clocks and silently disagree. The lock is an exclusive SQLite
 * transaction on a small file beside the database (<db>.lock): the operating system holds it for
 * as long as the process lives and releases it when the process ends in any way (kill -9
 * included), so a restart never finds a stale lock, and a second process is refused at once.
 * PostgreSQL needs no lock: several processes share it by design (with REDIS_URL).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export class DatabaseInUse extends Error {}

export interface ServerLock {
  release(): void;
}

export function lockPath(databasePath: string): string {
  return `${databasePath}.lock`;
}

export function acquireServerLock(databasePath: string): ServerLock {
  const path = lockPath(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(path, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new DatabaseInUse(
        `another server is already running on the SQLite database ${databasePath} (it holds ${path}); stop it first, or use PostgreSQL to run several processes`,
      );
    }
    throw error;
  }
  return { release: () => lock.close() };
}
