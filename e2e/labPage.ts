/** Driving the lab page in e2e tests: read its run stats, prepare a run on a chosen backend. */
import { expect, type Page } from "@playwright/test";

export const step = (page: Page) => page.getByTestId("run-stats").getAttribute("data-step").then(Number);
export const loss = (page: Page) => page.getByTestId("run-stats").getAttribute("data-train-loss").then(Number);

export async function prepare(page: Page, backend: string, tiny = false) {
  await page.goto("/lab");
  await page.getByTestId("backend-choice").selectOption(backend);
  if (tiny) {
    await page.getByTestId("config-hiddenSize").fill("16");
    await page.getByTestId("config-batchSize").fill("4");
    await page.getByTestId("config-seqLen").fill("16");
  }
  await page.getByTestId("prepare").click();
  await expect(page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  if (backend !== "auto") await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", backend);
}
