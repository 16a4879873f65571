// Prisma CLI configuration: JavaScript engines only. Prisma 7 and the native engines download
// binaries from Prisma's servers, which these machines cannot reach; Prisma 6.19 with `engine: "js"`
// works offline. The CLI is used for `prisma generate` and for writing migrations (scripts/db.ts);
// the app applies migrations itself (server/db/migrate.ts).
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
