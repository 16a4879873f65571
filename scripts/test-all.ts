/**
 * `npm test`: every test runner, one summary. Runs the node:test suites (unit and integration:
 * real servers, real sockets, real SQLite — and PostgreSQL when DATABASE_URL_PG is set), then the
 * Playwright e2e suite in Chromium, and ends with one line `N passed, N failed` summed over both.
 *
 *   npm test                 everything
 *   npm test -- --only node  only node:test suites     npm test -- --only e2e  only Playwright
 *   npm test -- --only checks  only the repository checks (paths named in docs exist, formatting)
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

/** Longest a single node:test test may run (ms). */
const TEST_TIMEOUT_MS = 180_000;

interface Counts {
  passed: number;
  failed: number;
}

function findTests(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") findTests(path, out);
    else if (entry.name.endsWith(".test.ts")) out.push(relative(root, path));
  }
  return out;
}

/** Runs a command, echoing its output; resolves with the output and exit code. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ output: string; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("close", (code) => resolve({ output, code: code ?? 1 }));
  });
}

async function nodeTests(): Promise<Counts> {
  const files = ["lib", "server", "test"].flatMap((d) => findTests(join(root, d))).sort();
  console.log(`\n== node:test — ${files.length} files`);
  // A hung test fails after TEST_TIMEOUT_MS instead of holding CI until its deadline.
  const { output, code } = await run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", `--test-timeout=${TEST_TIMEOUT_MS}`, ...files]);
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, "m").exec(output)?.[1] ?? NaN);
  const counts = { passed: count("pass"), failed: count("fail") };
  if (Number.isNaN(counts.passed) || Number.isNaN(counts.failed)) return { passed: 0, failed: 1 }; // the runner itself broke
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function e2eTests(): Promise<Counts> {
  console.log("\n== Playwright e2e (Chromium)");
  const report = join(root, "test-results/e2e.json");
  rmSync(report, { force: true });
  const { code } = await run(join(root, "node_modules/.bin/playwright"), ["test"]);
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const stats = (JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  const counts = { passed: stats.expected, failed: stats.unexpected + stats.flaky };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** Repository checks, one counted test each: they fail CI like a test does. */
async function repositoryChecks(): Promise<Counts> {
  console.log("\n== repository checks");
  const checks: [name: string, command: string, args: string[]][] = [
    ["paths named in comments and Markdown exist", process.execPath, ["--import", "tsx", "scripts/check-paths.ts"]],
    ["code is formatted (Prettier)", join(root, "node_modules/.bin/prettier"), ["--check", "--log-level", "warn", "."]],
  ];
  const counts = { passed: 0, failed: 0 };
  for (const [name, command, args] of checks) {
    const { code } = await run(command, args);
    console.log(`${code === 0 ? "✔" : "✖"} ${name}`);
    if (code === 0) counts.passed++;
    else counts.failed++;
  }
  return counts;
}

const results: Counts[] = [];
if (only === undefined || only === "checks") results.push(await repositoryChecks());
if (only !== "e2e" && only !== "checks") results.push(await nodeTests());
if (only !== "node" && only !== "checks") results.push(await e2eTests());
const total = results.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
