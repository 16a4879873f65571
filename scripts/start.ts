/**
 * `npm start`: build the Next.js app if there is no build of the current sources, then run the
 * server (which applies migrations itself). Works on a fresh clone with nothing else running.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const stampFile = join(root, ".next/source-stamp");

/** Newest modification time among the sources that the Next.js build depends on. */
function sourceStamp(): string {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ["app", "lib", "public"]) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of ["next.config.js", "instrumentation-client.ts", "package.json"]) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return String(newest);
}

// A build made for the e2e tests (NEXT_PUBLIC_TEST_HOOKS=1 exposes test hooks) is not the production build.
const stamp = `${sourceStamp()} test-hooks=${process.env.NEXT_PUBLIC_TEST_HOOKS ?? ""}`;
const built = existsSync(join(root, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
if (!built) {
  console.log("[start] building the web app (first start or sources changed)…");
  execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/prepare-assets.ts")], { stdio: "inherit", cwd: root });
  execFileSync(join(root, "node_modules/.bin/next"), ["build"], { stdio: "inherit", cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stampFile, stamp);
}
await import("../server/index");
