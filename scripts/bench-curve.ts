/**
 * Benchmark: the engine's early learning curve against PyTorch's, on a bundled corpus.
 *
 *   npm run bench:curve                      (Korean corpus, checkpoints up to step 2000)
 *   CURVE_CORPUS=tinyshakespeare CURVE_STEPS=500 npm run bench:curve
 *
 * Protocol (issue 18, "Korean starts slower than PyTorch"): LSTM-128, one layer, one-hot input,
 * seq 40, batch 128, Adam 0.01, clip 5; the text's first 90 % trains (random windows, zero state
 * per window), the validation loss is measured over the first 20,000 characters of the last 10 %
 * as 500 windows of 40 characters, each from a zero state. Runs on tfjs' WASM backend in Node
 * (one thread). The reference is PyTorch nn.LSTM on the same protocol: the figures the issue
 * measured for the Korean corpus, and for any corpus a live run of scripts/bench/torch_curve.py
 * when CURVE_TORCH=1 and a python3 with torch is installed.
 *
 * Prints one JSON line per checkpoint:
 *   {"corpus":…,"step":…,"engineNats":…,"pytorchNats":…,"delta":…}
 * and a last line {"corpus":…,"atOrBelowPytorch":true|false} (delta ≤ 0.005 nats counts as level).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, Trainer, buildVocabulary, encode, makeConfig } from "../lib/engine";
import { useBackend } from "../lib/engine/test-support";

const CHECKPOINTS = [100, 250, 500, 1000, 2000];
const VALIDATION_CHARS = 20_000;
const SEQ = 40;
/** Within this many nats of PyTorch counts as level (float32 and batch-order noise). */
const LEVEL_NATS = 0.005;
/** PyTorch 1.13 nn.LSTM on the Korean corpus with this protocol, as measured in issue 18. */
const PYTORCH_KOREAN: Record<number, number> = { 100: 3.745, 250: 3.164, 500: 2.936, 1000: 2.818, 2000: 2.789 };

const corpusId = process.env.CURVE_CORPUS ?? "korean-classics";
const lastStep = Number(process.env.CURVE_STEPS ?? 2000);
const checkpoints = CHECKPOINTS.filter((s) => s <= lastStep);
const unigramInit = process.env.CURVE_INIT !== "uniform";

const text = readBundledCorpus(corpusId);
const cut = Math.floor(text.length * 0.9);
const trainText = text.slice(0, cut);
const validationText = text.slice(cut);

/** PyTorch's validation loss per checkpoint: a live run when asked for, else the Korean figures. */
function pytorchCurve(): Record<number, number> | null {
  if (process.env.CURVE_TORCH !== "1") return corpusId === "korean-classics" ? PYTORCH_KOREAN : null;
  const work = mkdtempSync(join(tmpdir(), "bench-curve-"));
  try {
    const file = join(work, "corpus.txt");
    writeFileSync(file, text);
    const out = execFileSync("/usr/bin/python3", [join(import.meta.dirname, "bench/torch_curve.py"), file, checkpoints.join(",")], {
      encoding: "utf8",
      env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" },
    });
    const curve = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
    return Object.fromEntries(Object.entries(curve).map(([k, v]) => [Number(k), v]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await useBackend("wasm");
const vocab = buildVocabulary(trainText, 4000);
const trainIds = encode(vocab, trainText);
const validationIds = encode(vocab, validationText).subarray(0, VALIDATION_CHARS + 1);
const config = makeConfig({
  cell: "lstm",
  hiddenSize: 128,
  layers: 1,
  embeddingSize: 0,
  seqLen: SEQ,
  batchSize: 128,
  learningRate: 0.01,
  clipNorm: 5,
  maxVocab: 4000,
});
const model = CharRNN.create(config, vocab.chars.length, unigramInit ? { trainIds } : {});
const trainer = new Trainer(model, trainIds, validationIds);

/** Mean loss over the validation characters as 500 zero-state windows of 40, scored 100 windows at a time. */
function validationNats(): number {
  const windows = Math.floor((validationIds.length - 1) / SEQ);
  let total = 0;
  for (let first = 0; first < windows; first += 100) {
    const count = Math.min(100, windows - first);
    const inputs = validationIds.slice(first * SEQ, (first + count) * SEQ);
    const targets = validationIds.slice(first * SEQ + 1, (first + count) * SEQ + 1);
    const { logProbs, state } = model.score({ inputs, targets, batchSize: count });
    state.forEach(({ h, c }) => {
      h.dispose();
      c?.dispose();
    });
    for (const lp of logProbs) total -= lp;
  }
  return total / (windows * SEQ);
}

const reference = pytorchCurve();
console.error(
  `${corpusId}: V=${vocab.chars.length}, train ${trainIds.length} chars, output bias ${unigramInit ? "unigram log-frequencies" : "zero"}; step 0 validation ${validationNats().toFixed(3)} nats`,
);
let level = true;
const started = performance.now();
for (let step = 1; step <= lastStep; step++) {
  trainer.step();
  if (!checkpoints.includes(step)) continue;
  const engineNats = validationNats();
  const pytorchNats = reference?.[step] ?? null;
  const delta = pytorchNats === null ? null : Math.round((engineNats - pytorchNats) * 1000) / 1000;
  if (delta !== null && delta > LEVEL_NATS) level = false;
  console.log(
    JSON.stringify({
      corpus: corpusId,
      step,
      engineNats: Math.round(engineNats * 1000) / 1000,
      pytorchNats,
      delta,
      seconds: Math.round((performance.now() - started) / 1000),
    }),
  );
}
trainer.dispose();
model.dispose();
console.log(JSON.stringify({ corpus: corpusId, atOrBelowPytorch: reference === null ? null : level }));
