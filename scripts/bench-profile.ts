/**
 * Profile of one engine training step on tfjs' WASM backend in Node (one thread): time per kernel
 * type and kernels per step, from tf.profile, of the op-by-op path (cells.ts); then the engine's
 * own WebAssembly path (lib/engine/wasm, what the engine runs on wasm) split into its tfjs kernels
 * and the rest (the module's two passes and the copies in and out).
 *
 *   npm run bench:profile                         (LSTM; PROFILE_CELL=gru|rnn, PROFILE_STEPS=n)
 *
 * The headline configuration (LSTM-128, seq 40, batch 128, one-hot tiny-shakespeare, V = 65).
 * After warm-up steps, PROFILE_STEPS (default 3) steps are profiled; per kernel name it reports
 * kernels per step and the median over steps of their summed time (registered kernels only, not
 * the op wrappers tf.profile also lists). tf.profile times each kernel on its own, so the total
 * is a little above an unprofiled step's wall time.
 * Prints a Markdown table, then one JSON line {"cell":…,"kernelsPerStep":…,"kernelMsPerStep":…,"wallMsPerStep":…}.
 *
 * Then the ceiling: the step's matrix products alone (the shapes and counts of the profiled step's
 * BatchMatMul and _FusedMatMul kernels), timed on tfjs-wasm and, when python3 has PyTorch, with
 * torch.mm on one thread (scripts/bench/torch_matmul.py): GMAC/s of each and their ratio, and the
 * step's split into products and everything else. If the products alone run at r × torch's speed,
 * the engine cannot exceed ≈ r × PyTorch's training throughput without doing fewer multiply-adds.
 * For LSTM, PyTorch also trains the same model (scripts/bench/torch_train.py, one thread, as in
 * bench:train): "ceiling" = PyTorch's step time / the products' time, the engine's ratio to PyTorch
 * if everything but its products were free.
 * Then {"matmulMacsPerStep":…,"wasmMatmulMsPerStep":…,"wasmGmacPerSec":…,"torchGmacPerSec":…,"ratio":…,
 * "otherMsPerStep":…,"torchTrainMsPerStep":…,"ceilingVsTorch":…} (of the op-by-op path), and last
 * {"path":"wasm module","wallMsPerStep":…,"tfjsKernelsPerStep":…,"tfjsKernelMsPerStep":…,"moduleMsPerStep":…,"vsTorch":…}.
 */
import * as tf from "@tensorflow/tfjs";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, Trainer, buildVocabulary, encode, makeConfig, splitCorpus } from "../lib/engine";
import { useBackend } from "../lib/engine/test-support";
import { median, round } from "./bench/stats";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { torchEnv, torchPython } from "./bench/torchEnv";

const cell = (process.env.PROFILE_CELL ?? "lstm") as "lstm" | "gru" | "rnn";
const steps = Number(process.env.PROFILE_STEPS ?? 3);

await useBackend("wasm");
const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
const vocab = buildVocabulary(split.train, 2000);
const model = CharRNN.create(makeConfig({ cell }), vocab.chars.length);
model.kernelPath = "op-by-op";
const trainer = new Trainer(model, encode(vocab, split.train), encode(vocab, split.validation));
for (let i = 0; i < 3; i++) trainer.step();

/** The matrix-product kernels; the engine calls them without transpose flags (cells.ts), so a is [M, K] and b [K, N]. */
const MATMUL_KERNELS = new Set(["BatchMatMul", "_FusedMatMul"]);
/** "M×K×N" → products of that shape per step (from the first profiled step). */
const productShapes = new Map<string, number>();
const perName = new Map<string, { count: number; ms: number[] }>();
const walls: number[] = [];
const totals: number[] = [];
for (let s = 0; s < steps; s++) {
  const t0 = performance.now();
  trainer.step();
  walls.push(performance.now() - t0);
  const info = await tf.profile(() => {
    trainer.step();
  });
  let total = 0;
  const stepMs = new Map<string, number>();
  // Registered kernels only: tf.profile also lists op wrappers (e.g. fusedMatMul__op) around them.
  for (const k of info.kernels.filter((k) => tf.getKernel(k.name, "wasm") !== undefined)) {
    const ms = typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0;
    total += ms;
    stepMs.set(k.name, (stepMs.get(k.name) ?? 0) + ms);
    if (s === 0 && MATMUL_KERNELS.has(k.name)) {
      const [a, b] = k.inputShapes;
      const key = `${a.at(-2)}×${a.at(-1)}×${b.at(-1)}`;
      productShapes.set(key, (productShapes.get(key) ?? 0) + 1);
    }
    if (s === 0) {
      const entry = perName.get(k.name) ?? { count: 0, ms: [] };
      entry.count += 1;
      perName.set(k.name, entry);
    }
  }
  for (const [name, ms] of stepMs) perName.get(name)?.ms.push(ms);
  totals.push(total);
}
const rows = [...perName.entries()].map(([name, e]) => ({ name, count: e.count, ms: median(e.ms) })).sort((a, b) => b.ms - a.ms);
const kernels = rows.reduce((n, r) => n + r.count, 0);
const kernelMs = median(totals);
console.log(`| kernel | per step | ms per step | share |`);
console.log(`|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.name} | ${r.count} | ${r.ms.toFixed(1)} | ${((100 * r.ms) / kernelMs).toFixed(1)} % |`);
console.log(`| **all** | **${kernels}** | **${kernelMs.toFixed(1)}** | |`);
const wallMs = median(walls);
console.log(JSON.stringify({ cell, kernelsPerStep: kernels, kernelMsPerStep: round(kernelMs), wallMsPerStep: round(wallMs) }));

// ── The ceiling: the step's matrix products alone ───────────────────────────────────────────
const shapes = [...productShapes].map(([key, count]) => {
  const [m, k, n] = key.split("×").map(Number);
  return { m, k, n, count };
});
const macs = shapes.reduce((sum, { m, k, n, count }) => sum + m * k * n * count, 0);

/**
 * One step's products on tfjs-wasm, on operands made afresh before each timing (outside it): XNNPACK
 * packs a right operand once per tensor, so a product made once per step (the weight gradients)
 * pays its packing every time, and a right operand shared by many products (a gate's kernel, Uᵀ)
 * once, as in the step.
 */
function wasmProducts(): number[] {
  return tf.tidy(() => {
    const operands = shapes.map(({ m, k, n, count }) => ({ a: tf.randomUniform([m, k]), b: tf.randomUniform([k, n]), count }));
    return operands.map(({ a, b, count }) => {
      const started = performance.now();
      for (let i = 0; i < count; i++) tf.matMul(a, b).dispose();
      return performance.now() - started;
    }); // ms per shape
  });
}
for (let i = 0; i < 3; i++) wasmProducts();
const wasmRuns = Array.from({ length: 15 }, wasmProducts);
const wasmShapeMs = shapes.map((_, i) => median(wasmRuns.map((run) => run[i])));
const wasmMs = median(wasmRuns.map((run) => run.reduce((a, b) => a + b, 0)));
const wasmGmac = macs / wasmMs / 1e6;

interface TorchMatmul {
  torch: string;
  blas: string;
  msPerStep: number;
  /** Median ms per shape, in the order given. */
  msPerShape: number[];
  gmacPerSec: number;
}
/** The last JSON line of a PyTorch script run on one thread, or why there is none. */
function runTorch<T>(script: string, args: string[]): T | string {
  const python = torchPython();
  if (python === null) return "PyTorch not installed (apt-get install python3-torch)";
  const out = execFileSync(python, [join(import.meta.dirname, script), ...args], { encoding: "utf8", timeout: 300_000, env: torchEnv() });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as T;
}
const torchMm = runTorch<TorchMatmul>("bench/torch_matmul.py", [JSON.stringify(shapes)]);
// PyTorch training the same model (scripts/bench/torch_train.py, as in bench:train) on the same text.
const work = mkdtempSync(join(tmpdir(), "bench-profile-"));
const trainFile = join(work, "train.txt");
writeFileSync(trainFile, split.train);
const torchTrain = cell === "lstm" ? runTorch<{ msPerStep: number; charsPerSec: number }>("bench/torch_train.py", [trainFile, "1"]) : "LSTM only";
rmSync(work, { recursive: true });

console.log("");
console.log(
  `Matrix products of one step (${shapes.length} shapes, ${shapes.reduce((n, s) => n + s.count, 0)} products, ${round(macs / 1e9, 3)} G multiply-adds):`,
);
for (const [i, { m, k, n, count }] of shapes.entries()) {
  const gmac = (ms: number) => ((m * k * n * count) / ms / 1e6).toFixed(1);
  const torchPart = typeof torchMm === "string" ? "" : `; torch.mm ${torchMm.msPerShape[i].toFixed(1)} ms (${gmac(torchMm.msPerShape[i])} GMAC/s)`;
  console.log(`  ${count} × [${m}, ${k}]·[${k}, ${n}]: tfjs-wasm ${wasmShapeMs[i].toFixed(1)} ms (${gmac(wasmShapeMs[i])} GMAC/s)${torchPart}`);
}
console.log(`tfjs-wasm (1 thread): ${wasmMs.toFixed(1)} ms = ${wasmGmac.toFixed(2)} GMAC/s`);
const matmulKernelMs = rows.filter((r) => MATMUL_KERNELS.has(r.name)).reduce((sum, r) => sum + r.ms, 0);
const productKernels = rows.filter((r) => MATMUL_KERNELS.has(r.name)).reduce((n, r) => n + r.count, 0);
const otherKernels = kernels - productKernels;
console.log(
  `engine step: ${wallMs.toFixed(1)} ms wall; products alone ${wasmMs.toFixed(1)} ms, everything else ${(wallMs - wasmMs).toFixed(1)} ms ` +
    `= ${otherKernels} other kernels × ${((1000 * (wallMs - wasmMs)) / otherKernels).toFixed(1)} µs each, their work and dispatch ` +
    `(profile: products ${matmulKernelMs.toFixed(1)} ms of ${kernelMs.toFixed(1)} ms in ${productKernels} of ${kernels} kernels)`,
);
if (typeof torchMm === "string") console.log(`torch.mm: ${torchMm}`);
else {
  console.log(`torch.mm (torch ${torchMm.torch}, 1 thread, ${torchMm.blas}): ${torchMm.msPerStep.toFixed(1)} ms = ${torchMm.gmacPerSec.toFixed(2)} GMAC/s`);
  console.log(`tfjs-wasm / torch.mm = ${round(wasmGmac / torchMm.gmacPerSec, 2)}×`);
}
// With everything but the products free, a step would take wasmMs: the most the engine could reach.
const ceiling = typeof torchTrain === "string" ? null : round(torchTrain.msPerStep / wasmMs, 2);
console.log(
  typeof torchTrain === "string"
    ? `PyTorch training: ${torchTrain}`
    : `PyTorch training (nn.LSTM, 1 thread): ${torchTrain.msPerStep} ms per step; engine step / PyTorch = ${round(torchTrain.msPerStep / wallMs, 2)}×; ` +
        `ceiling with everything but the products free = ${ceiling}×`,
);
console.log(
  JSON.stringify({
    matmulMacsPerStep: macs,
    wasmMatmulMsPerStep: round(wasmMs),
    wasmGmacPerSec: round(wasmGmac, 2),
    torchGmacPerSec: typeof torchMm === "string" ? null : torchMm.gmacPerSec,
    ratio: typeof torchMm === "string" ? null : round(wasmGmac / torchMm.gmacPerSec, 2),
    otherMsPerStep: round(wallMs - wasmMs),
    torchTrainMsPerStep: typeof torchTrain === "string" ? null : torchTrain.msPerStep,
    ceilingVsTorch: ceiling,
  }),
);

// ── The engine's WebAssembly path ───────────────────────────────────────────────────────────
// The same model and trainer on the engine's default path: the layer is two calls into the engine's
// module, invisible to tf.profile, so its share is the wall time minus the tfjs kernels around it.
model.kernelPath = "auto";
for (let i = 0; i < 3; i++) trainer.step();
const moduleWalls: number[] = [];
const moduleKernelMs: number[] = [];
let moduleKernels = 0;
for (let s = 0; s < Math.max(steps, 5); s++) {
  const started = performance.now();
  trainer.step();
  moduleWalls.push(performance.now() - started);
  const info = await tf.profile(() => {
    trainer.step();
  });
  const registered = info.kernels.filter((k) => tf.getKernel(k.name, "wasm") !== undefined);
  moduleKernels = registered.length;
  moduleKernelMs.push(registered.reduce((sum, k) => sum + (typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0), 0));
}
trainer.dispose();
model.dispose();
const pathWall = median(moduleWalls);
const pathKernelMs = median(moduleKernelMs);
console.log("");
console.log(
  `engine's WebAssembly path: ${pathWall.toFixed(1)} ms per step (${round(wallMs / pathWall, 2)}× faster than op-by-op) = ` +
    `${moduleKernels} tfjs kernels ${pathKernelMs.toFixed(1)} ms (gradient clipping, Adam) + ` +
    `${(pathWall - pathKernelMs).toFixed(1)} ms the module's passes (layers, output layer, loss) and the copies` +
    (typeof torchTrain === "string" ? "" : `; PyTorch step / engine step = ${round(torchTrain.msPerStep / pathWall, 2)}×`),
);
console.log(
  JSON.stringify({
    path: "wasm module",
    wallMsPerStep: round(pathWall),
    tfjsKernelsPerStep: moduleKernels,
    tfjsKernelMsPerStep: round(pathKernelMs),
    moduleMsPerStep: round(pathWall - pathKernelMs),
    vsTorch: typeof torchTrain === "string" ? null : round(torchTrain.msPerStep / pathWall, 2),
  }),
);
