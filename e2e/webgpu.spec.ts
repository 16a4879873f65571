/**
 * The lab on WebGPU. Chromium has a WebGPU adapter here only on SwiftShader (CPU), with flags that
 * route all its rendering through SwiftShader too; so only this file launches with them
 * (launch options force a browser of its own; see playwright.config.ts for why the rest do not).
 */
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS, WEBGPU_SWIFTSHADER_FLAGS } from "./chromium";
import { expect, test } from "./fixtures";
import { loss, prepare, step } from "./labPage";

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_QUIET_FLAGS, ...WEBGPU_SWIFTSHADER_FLAGS] } });

test("the lab trains on WebGPU (SwiftShader) when asked to", async ({ page }) => {
  await prepare(page, "webgpu", true);
  await page.getByTestId("train").click();
  await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThan(3);
  expect(Number.isFinite(await loss(page))).toBe(true);
});
