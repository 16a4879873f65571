/**
 * Playwright e2e: real Chromium (Debian's, see ../shared/SETUP-NOTES.md) against the real app
 * started by `npm start` on its own port and its own fresh SQLite file.
 * WebGPU runs on SwiftShader (CPU) with the flags below; without them the adapter is null and
 * the app must fall back, which e2e/lab tests also check.
 */
import { defineConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS, WEBGPU_SWIFTSHADER_FLAGS } from "./e2e/chromium";

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
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "ko-KR",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_QUIET_FLAGS, ...WEBGPU_SWIFTSHADER_FLAGS],
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
    env: { PORT: String(PORT), DATABASE_URL: `file:${DB_FILE}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
