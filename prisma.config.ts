// Prisma CLI configuration: JavaScript engines only (no native binaries to download),
// see ../shared/SETUP-NOTES.md. The CLI is used for `prisma generate` and for writing
// migrations (scripts/db-migration.ts); the app applies migrations itself (server/db/migrate.ts).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" });
  },
});
