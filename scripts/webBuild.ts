/**
 * The Next.js build of the current sources: `npm start` and `npm run cluster` build the web app
 * first when there is no build, or the build is older than the sources.
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

/** Builds the web app unless a build of the current sources exists. */
export function ensureWebBuild(): void {
  // A build made for the e2e tests (NEXT_PUBLIC_TEST_HOOKS=1 exposes test hooks) is not the production build.
  const stamp = `${sourceStamp()} test-hooks=${process.env.NEXT_PUBLIC_TEST_HOOKS ?? ""}`;
  const built = existsSync(join(root, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (built) return;
  console.log("[start] building the web app (first start or sources changed)…");
  execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/prepare-assets.ts")], { stdio: "inherit", cwd: root });
  execFileSync(join(root, "node_modules/.bin/next"), ["build"], { stdio: "inherit", cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stampFile, stamp);
}
