/**
 * `npm run backup [-- <folder>]`: an online, consistent backup of the database named by
 * DATABASE_URL, with the session secret and the submitted weight files (server/db/backup.ts).
 * Default folder: backups/<timestamp>. Safe while the server runs.
 */
import { join } from "node:path";
import { backup } from "../server/db/backup";
import { loadEnv } from "../server/env";

const target = process.argv[2] ?? join("backups", new Date().toISOString().replace(/[:.]/g, "-"));
try {
  const manifest = await backup(loadEnv(), target);
  console.log(`[backup] ${manifest.provider} database${manifest.secretIncluded ? ", session secret" : ""} and weight files saved in ${target}`);
  if (!manifest.secretIncluded) console.log("[backup] SESSION_SECRET comes from the environment: keep it with this backup");
} catch (error) {
  console.error(`[backup] failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}
