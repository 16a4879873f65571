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

/**
 * The engine's WebGPU path (lib/engine/gpu: fused WGSL step kernels) against the CPU backend in the
 * same browser: per cell, the loss and every gradient of one batch, three Adam steps' losses, the
 * validation loss and a seeded sample; its gradients against central finite differences of its own
 * loss; and its kernel count per time step and layer (the slope between two window lengths) at most 6.
 * Two-layer cases: WebGPU's AddN cannot take 8+ inputs (see lib/engine/optimizer.ts); their Adam steps check that.
 */
test("the WebGPU path computes what the CPU backend computes, with ≤ 6 kernels per time step", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/lab");
  await page.waitForFunction(() => window.__rnnLab !== undefined); // set once the page has hydrated
  const text = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.\n".repeat(30);
  const cases = [
    { cell: "lstm", layers: 1, embeddingSize: 0, dropout: 0 },
    { cell: "gru", layers: 2, embeddingSize: 8, dropout: 0.25 },
    { cell: "rnn", layers: 2, embeddingSize: 0, dropout: 0 },
  ] as const;
  const results = await page.evaluate(
    async ({ text, cases }) => {
      const { engine, tf } = window.__rnnLab!;
      const vocab = engine.buildVocabulary(text, 64);
      const ids = engine.encode(vocab, text);
      const V = vocab.chars.length;
      const configOf = (c: (typeof cases)[number], seqLen = 8) => engine.makeConfig({ ...c, hiddenSize: 16, seqLen, batchSize: 4, seed: 11 });

      /** One batch's loss and gradients, three training steps, the validation loss and a sample. */
      async function runOn(backend: string, c: (typeof cases)[number]) {
        if (!(await tf.setBackend(backend))) throw new Error(`no ${backend} backend`);
        await tf.ready();
        const config = configOf(c);
        const model = engine.CharRNN.create(config, V, { trainIds: ids });
        const trainer = new engine.Trainer(model, ids, ids.subarray(0, 600));
        const g = model.computeGradients(trainer.nextBatch(), undefined, config.dropout > 0);
        const grads: Record<string, number[]> = {};
        for (const [name, t] of g.grads) grads[name] = Array.from(await t.data());
        const loss = (await g.loss.data())[0];
        g.loss.dispose();
        g.grads.forEach((t) => t.dispose());
        engine.disposeState(g.state);
        const losses: number[] = [];
        for (let i = 0; i < 3; i++) losses.push((await trainer.stepAsync()).loss);
        const validation = trainer.validate().nats;
        const sample = engine.sample(model, vocab, { prime: "th", length: 60, temperature: 0.8, seed: 5 });
        trainer.dispose();
        model.dispose();
        return { loss, grads, losses, validation, sample };
      }

      /** Central finite differences of the WebGPU path's loss against its gradients (as lib/engine/gradients.test.ts). */
      async function finiteDifferences(c: (typeof cases)[number]) {
        await tf.setBackend("webgpu");
        const config = configOf(c);
        const model = engine.CharRNN.create(config, V);
        const batch = new engine.Trainer(model, ids, ids.subarray(0, 600)).nextBatch();
        const g = model.computeGradients(batch);
        const meanNLL = (m: ReturnType<typeof engine.CharRNN.create>) => {
          const scored = m.score(batch);
          engine.disposeState(scored.state);
          return -scored.logProbs.reduce((a: number, b: number) => a + b, 0) / scored.logProbs.length;
        };
        const params = model.parameters();
        const rng = new engine.Rng(7);
        const misses: string[] = [];
        let probes = 0;
        for (const p of params) {
          const analytic = await g.grads.get(p.name)!.data();
          for (let k = 0; k < 3; k++) {
            // A one-hot input kernel has gradient only in the rows of ids the batch holds.
            const cols = p.shape[p.shape.length - 1];
            const i =
              p.name === "layer0.kernel" && !config.embeddingSize
                ? batch.inputs[rng.int(batch.inputs.length)] * cols + rng.int(cols)
                : rng.int(p.values.length);
            const lossWith = (delta: number) => {
              const values = new Map(params.map((q) => [q.name, q.values.slice()] as const));
              values.get(p.name)![i] += delta;
              const m = engine.CharRNN.fromParameters(config, V, values);
              const l = meanNLL(m);
              m.dispose();
              return l;
            };
            const numeric = (lossWith(1e-2) - lossWith(-1e-2)) / 2e-2;
            probes += 1;
            if (!(Math.abs(numeric - analytic[i]) < 3e-4 + 2e-2 * Math.abs(numeric))) misses.push(`${p.name}[${i}]: ${analytic[i]} vs ${numeric}`);
          }
        }
        g.loss.dispose();
        g.grads.forEach((t) => t.dispose());
        engine.disposeState(g.state);
        model.dispose();
        return { probes, misses };
      }

      /** Registered kernels in one WebGPU training step, and which ones. */
      async function kernelsPerStep(c: (typeof cases)[number], seqLen: number) {
        await tf.setBackend("webgpu");
        const model = engine.CharRNN.create(configOf(c, seqLen), V);
        const trainer = new engine.Trainer(model, ids, ids.subarray(0, 600));
        await trainer.stepAsync(); // the first step compiles the shaders
        const profile = await tf.profile(async () => {
          await trainer.stepAsync();
        });
        const names = profile.kernels.map((k) => k.name).filter((n) => tf.getKernel(n, "webgpu") !== undefined);
        trainer.dispose();
        model.dispose();
        return names;
      }

      const out = [];
      for (const c of cases) {
        const cpu = await runOn("cpu", c);
        const gpu = await runOn("webgpu", c);
        const at8 = await kernelsPerStep(c, 8);
        const at16 = await kernelsPerStep(c, 16);
        out.push({
          cell: c.cell,
          cpu,
          gpu,
          fd: await finiteDifferences(c),
          perTimeStep: (at16.length - at8.length) / 8 / c.layers,
          kernels: [...new Set(at8)],
        });
      }
      return out;
    },
    { text, cases },
  );
  for (const r of results) {
    expect(
      r.kernels.some((k) => k.startsWith("Rnn")),
      `${r.cell}: the fused step kernels ran`,
    ).toBe(true);
    expect(r.perTimeStep, `${r.cell}: kernels per time step and layer`).toBeLessThanOrEqual(6);
    expect(Math.abs(r.gpu.loss - r.cpu.loss), `${r.cell}: loss`).toBeLessThan(1e-5);
    for (const [name, g] of Object.entries(r.cpu.grads)) {
      const maxDiff = g.reduce((m, v, i) => Math.max(m, Math.abs(v - r.gpu.grads[name][i])), 0);
      expect(maxDiff, `${r.cell}: ${name}, max |cpu − webgpu|`).toBeLessThan(1e-5);
    }
    r.cpu.losses.forEach((l, i) => expect(Math.abs(r.gpu.losses[i] - l), `${r.cell}: training loss ${i + 1}`).toBeLessThan(1e-4));
    expect(Math.abs(r.gpu.validation - r.cpu.validation), `${r.cell}: validation loss`).toBeLessThan(1e-4);
    expect(r.gpu.sample, `${r.cell}: seeded sample`).toBe(r.cpu.sample);
    expect(r.fd.misses, `${r.cell}: gradients vs finite differences (${r.fd.probes} probes)`).toEqual([]);
  }
});
