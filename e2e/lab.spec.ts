/** The student lab in real Chromium: training on WASM, falling back without WebGPU, responsiveness, resume, and browser/Node agreement (WebGPU: e2e/webgpu.spec.ts). */
import * as tf from "@tensorflow/tfjs";
import type { Page } from "@playwright/test";
import { CharRNN, makeConfig, sample } from "../lib/engine";
import { meanNLL, randomBatch, useBackend } from "../lib/engine/test-support";
import { vocabularyFromChars } from "../lib/engine/text";
import { expect, test } from "./fixtures";
import { loss, prepare, step } from "./labPage";
import { speaks } from "./language";

test.beforeEach(async ({ page }) => {
  // Main-thread long tasks, to show the page stays responsive while the worker trains.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
});

test("a student trains on the WASM backend: the loss falls, samples appear, and the page stays responsive", async ({ page }) => {
  await prepare(page, "wasm");
  await page.getByTestId("train").click();
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(20);
  const early = await loss(page);
  const longTasksBefore = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
  const windowStart = Date.now();
  // Typing into the prime field while training works and echoes at once.
  await page.getByTestId("prime").fill("ROMEO:");
  await expect(page.getByTestId("prime")).toHaveValue("ROMEO:");
  await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThan(200);
  expect(await loss(page)).toBeLessThan(early - 0.3);
  await expect(page.getByTestId("progression-log").locator("li").first()).toBeVisible();
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const duringTraining = longTasks.slice(longTasksBefore);
  // Blocking time (the part of each long task over 50 ms) as a share of the training window: training on
  // the main thread would block nearly all of it; a worker leaves the page free but for a rare hiccup.
  const blocking = duringTraining.reduce((sum, d) => sum + Math.max(0, d - 50), 0) / (Date.now() - windowStart);
  expect(blocking, `long tasks while training: ${duringTraining.join(", ")}`).toBeLessThan(0.2);
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("sample-text")).toContainText(/ROMEO:.{20,}/s, { timeout: 60_000 });
});

test("without a WebGPU adapter the automatic choice falls back and says why", async ({ page }) => {
  await prepare(page, "auto", true);
  const backend = page.getByTestId("backend");
  await expect(backend.locator("li").filter({ hasText: /^webgpu/ })).toHaveAttribute("data-status", "unavailable");
  // The reason in the page's language (Korean here: playwright.config.ts), from the catalog, not English from the probe.
  await expect(backend.locator('li[data-reason="noAdapter"]')).toContainText("WebGPU 어댑터가 없습니다");
  await speaks(page, "ko", "lab backend reasons");
  await expect(backend).toHaveAttribute("data-backend", /^(wasm|webgl|cpu)$/);
  await expect(backend.locator('li[data-status="chosen"]')).toHaveCount(1);
  await page.getByTestId("train").click();
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(3);
  // The same reasons in English, with nothing left of the Korean catalog.
  await page.context().addCookies([{ name: "locale", value: "en", url: page.url() }]);
  await prepare(page, "auto", true);
  await expect(backend.locator('li[data-reason="noAdapter"]')).toContainText("no WebGPU adapter");
  await speaks(page, "en", "lab backend reasons (en)");
});

/** The newest checkpoint the lab stored in IndexedDB: its step and loss curve. */
function storedCheckpoint(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ step: number; history: { valLoss: number | null }[] }>((resolve) => {
        const open = indexedDB.open("rnn-classroom", 1);
        open.onsuccess = () => {
          const get = open.result.transaction("checkpoints").objectStore("checkpoints").getAll();
          get.onsuccess = () => resolve(get.result.reduce((newest, c) => (c.step > newest.step ? c : newest), { step: 0, history: [] }));
        };
      }),
  );
}
const validationPoints = (history: { valLoss: number | null }[]) => history.filter((p) => p.valLoss !== null).length;

test("a reload resumes training from the checkpoint instead of starting over", async ({ page }) => {
  await prepare(page, "wasm");
  await page.getByTestId("train").click();
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(100);
  await expect.poll(async () => validationPoints((await storedCheckpoint(page)).history), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId("pause").click(); // pausing writes a checkpoint
  const paused = await step(page);
  await expect.poll(async () => (await storedCheckpoint(page)).step, { timeout: 30_000 }).toBeGreaterThanOrEqual(paused - 50);
  // The curve keeps validation loss only at the steps where it was measured (every few seconds), not
  // repeated on every progress point in between (which drew a staircase).
  const { history } = await storedCheckpoint(page);
  expect(validationPoints(history)).toBeGreaterThanOrEqual(2);
  expect(validationPoints(history)).toBeLessThan(history.length / 3);
  await page.reload();
  await expect(page.getByTestId("resumed")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready");
  await page.getByTestId("train").click();
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(paused);
});

test("the browser and Node compute the same loss on a fixed batch and the same seeded sample", async ({ page }) => {
  const config = makeConfig({ hiddenSize: 32, seqLen: 12, batchSize: 4, seed: 11 });
  const chars = ["\uFFFD", ...Array.from("abcdefghij klmnop\n")];
  const batch = randomBatch(chars.length, 4, 12, 5);
  await page.goto("/lab");
  await page.waitForFunction(() => window.__rnnLab !== undefined); // set once the page has hydrated
  const browser = await page.evaluate(
    async ({ config, chars, batch }) => {
      const lab = window.__rnnLab!;
      await lab.tf.setBackend("wasm");
      const vocab = lab.engine.vocabularyFromChars(chars);
      const model = lab.engine.CharRNN.create(config, vocab.chars.length);
      const scored = model.score({ inputs: Int32Array.from(batch.inputs), targets: Int32Array.from(batch.targets), batchSize: batch.batchSize });
      lab.engine.disposeState(scored.state);
      let total = 0;
      for (const lp of scored.logProbs) total -= lp;
      const text = lab.engine.sample(model, vocab, { prime: "ab", length: 60, temperature: 0.9, seed: 3 });
      model.dispose();
      return { loss: total / scored.logProbs.length, text, backend: lab.tf.getBackend() };
    },
    { config, chars, batch: { inputs: Array.from(batch.inputs), targets: Array.from(batch.targets), batchSize: batch.batchSize } },
  );
  expect(browser.backend).toBe("wasm");

  await useBackend("wasm");
  const vocab = vocabularyFromChars(chars);
  const model = CharRNN.create(config, vocab.chars.length);
  const nodeLoss = meanNLL(model, batch);
  const nodeText = sample(model, vocab, { prime: "ab", length: 60, temperature: 0.9, seed: 3 });
  model.dispose();
  expect(tf.getBackend()).toBe("wasm");
  expect(Math.abs(browser.loss - nodeLoss)).toBeLessThan(1e-4);
  expect(browser.text).toBe(nodeText);
});
