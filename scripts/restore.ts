/**
 * `npm run restore -- <folder>`: puts a backup made by `npm run backup` in the place of the
 * database named by DATABASE_URL and of DATA_DIR's secret and weight files. Stop the server
 * first (on SQLite this is checked).
 */
import { restore } from "../server/db/backup";
import { loadEnv } from "../server/env";

const source = process.argv[2];
if (!source) {
  console.error("[restore] usage: npm run restore -- <backup folder>");
  process.exit(1);
}
try {
  const manifest = await restore(loadEnv(), source);
  console.log(`[restore] ${manifest.provider} database of ${manifest.createdAt} restored from ${source}; start the server`);
} catch (error) {
  console.error(`[restore] failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}
