/**
 * Playwright e2e: real Chromium (Debian's: see e2e/chromium.ts) against the real app
 * started by `npm start` on its own port and its own fresh SQLite file.
 * Chromium runs with its default GPU settings: no WebGPU adapter, software compositing. Only
 * e2e/webgpu.spec.ts adds the SwiftShader flags (WEBGPU_SWIFTSHADER_FLAGS): they route
 * all of Chromium's rendering through SwiftShader's GPU process, which falls minutes behind when
 * three students' workers keep both cores busy (a page's evaluate took 1.6 s, 7 s, 22 s, 46 s,
 * 75 s over the first minute of training; none over 300 ms without them).
 */
import { defineConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `./data/e2e-${PORT}.db`;
// Only the runner starts fresh: workers load this file too, and must not delete the running server's database.
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(DB_FILE, { force: true });

export default defineConfig({
  testDir: "./e2e",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // scripts/test-all.ts reads the JSON report for the pass/fail counts.
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "ko-KR",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_QUIET_FLAGS,
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // NEXT_PUBLIC_TEST_HOOKS: the build exposes the lab's engine to the tests (window.__rnnLab).
    env: { PORT: String(PORT), DATABASE_URL: `file:${DB_FILE}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_PUBLIC_TEST_HOOKS: "1" },
  },
});
