/**
 * Profile of one engine training step on tfjs' WASM backend in Node (one thread): time per kernel
 * type and kernels per step, from tf.profile.
 *
 *   npm run bench:profile                         (LSTM; PROFILE_CELL=gru|rnn, PROFILE_STEPS=n)
 *
 * The headline configuration (LSTM-128, seq 40, batch 128, one-hot tiny-shakespeare, V = 65).
 * After warm-up steps, PROFILE_STEPS (default 3) steps are profiled; per kernel name it reports
 * kernels per step and the median over steps of their summed time (registered kernels only, not
 * the op wrappers tf.profile also lists). tf.profile times each kernel on its own, so the total
 * is a little above an unprofiled step's wall time.
 * Prints a Markdown table, then one JSON line {"cell":…,"kernelsPerStep":…,"kernelMsPerStep":…,"wallMsPerStep":…}.
 */
import * as tf from "@tensorflow/tfjs";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, Trainer, buildVocabulary, encode, makeConfig, splitCorpus } from "../lib/engine";
import { useBackend } from "../lib/engine/test-support";
import { median, round } from "./bench/stats";

const cell = (process.env.PROFILE_CELL ?? "lstm") as "lstm" | "gru" | "rnn";
const steps = Number(process.env.PROFILE_STEPS ?? 3);

await useBackend("wasm");
const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
const vocab = buildVocabulary(split.train, 2000);
const model = CharRNN.create(makeConfig({ cell }), vocab.chars.length);
const trainer = new Trainer(model, encode(vocab, split.train), encode(vocab, split.validation));
for (let i = 0; i < 3; i++) trainer.step();

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
trainer.dispose();
model.dispose();
console.log(JSON.stringify({ cell, kernelsPerStep: kernels, kernelMsPerStep: round(kernelMs), wallMsPerStep: round(median(walls)) }));
