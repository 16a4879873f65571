/**
 * Database tooling. One source of truth: prisma/schema.prisma (SQLite provider).
 *
 *   node --import tsx scripts/db.ts generate          derive the PostgreSQL schema and generate both clients
 *   node --import tsx scripts/db.ts migration <name>  write a new migration for both providers
 *
 * Migrations live in prisma/migrations/<provider>/<timestamp>_<name>/migration.sql and are applied
 * by the app itself (server/db/migrate.ts). Each migration also stores the schema it leads to
 * (prisma/migrations/snapshots/<id>.prisma), so the next migration is the diff from that snapshot.
 * Prisma's CLI runs with its JavaScript engines only (the native ones are downloaded from Prisma's
 * servers at install, which these machines cannot reach; see prisma.config.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const schemaPath = join(root, "prisma/schema.prisma");
const migrationsDir = join(root, "prisma/migrations");
const snapshotsDir = join(migrationsDir, "snapshots");
const providers = ["sqlite", "postgresql"] as const;
type Provider = (typeof providers)[number];

/** The same schema for another provider, with its own client output folder. */
function schemaFor(provider: Provider, sqliteSchema: string): string {
  if (provider === "sqlite") return sqliteSchema;
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"')
    .replace('output       = "../generated/prisma"', 'output       = "./prisma-pg"');
}

function writeVariant(provider: Provider, sqliteSchema: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, provider === "sqlite" ? "schema.prisma" : "schema-pg.prisma");
  writeFileSync(path, schemaFor(provider, sqliteSchema));
  return path;
}

function prisma(args: string[]): string {
  mkdirSync(join(root, "data"), { recursive: true }); // prisma.config.ts points the CLI at data/
  return execFileSync(join(root, "node_modules/.bin/prisma"), args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

function generate() {
  const sqliteSchema = readFileSync(schemaPath, "utf8");
  prisma(["generate", "--schema", schemaPath]);
  const pgSchema = writeVariant("postgresql", sqliteSchema, join(root, "generated"));
  prisma(["generate", "--schema", pgSchema]);
}

function createMigration(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lowercase letters, digits and _ only");
  const id = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  const snapshots = existsSync(snapshotsDir) ? readdirSync(snapshotsDir).sort() : [];
  const previous = snapshots.at(-1);
  const current = readFileSync(schemaPath, "utf8");
  const tmp = join(root, "data/migration-tmp");
  for (const provider of providers) {
    const to = writeVariant(provider, current, join(tmp, "to"));
    const from = previous
      ? ["--from-schema-datamodel", writeVariant(provider, readFileSync(join(snapshotsDir, previous), "utf8"), join(tmp, "from"))]
      : ["--from-empty"];
    const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"]);
    const dir = join(migrationsDir, provider, id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    if (provider === "sqlite" && /DROP TABLE/.test(sql)) {
      // The app applies each migration in one transaction, where PRAGMA foreign_keys=OFF does nothing:
      // Prisma's table rebuild would cascade-delete every row referencing the dropped table.
      console.warn(
        `${id} (sqlite) rebuilds a table: rewrite it by hand (e.g. ALTER TABLE … ADD COLUMN); the upgrade test in test/foundation/restart.test.ts checks that no row is lost`,
      );
    }
  }
  mkdirSync(snapshotsDir, { recursive: true });
  copyFileSync(schemaPath, join(snapshotsDir, `${id}.prisma`));
  console.log(`wrote migration ${id}`);
}

const [command, arg] = process.argv.slice(2);
if (command === "generate") generate();
else if (command === "migration" && arg) createMigration(arg);
else {
  console.error("usage: scripts/db.ts generate | migration <name>");
  process.exit(2);
}
