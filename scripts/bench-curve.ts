/**
 * Benchmark: the engine's learning curve against PyTorch's, on a bundled corpus.
 *
 *   npm run bench:curve                                        (Korean, checkpoints up to step 2000)
 *   CURVE_TORCH=1 npm run bench:curve                          (PyTorch run live, in parallel)
 *   CURVE_TORCH=unigram npm run bench:curve                    (… its output bias started as the engine's)
 *   CURVE_CORPUS=tinyshakespeare CURVE_TORCH=1 npm run bench:curve
 *   CURVE_STEPS=500 …                                          (stop after the 500-step checkpoint)
 *   CURVE_SEED=2 CURVE_TORCH=1 …                               (another seed for both sides)
 *
 * Protocol (issue 18, "Korean starts slower than PyTorch"): LSTM-128, one layer, one-hot input,
 * seq 40, batch 128, Adam 0.01, clip 5; the text's first 90 % trains (random windows, zero state
 * per window), the validation loss is measured over the first 20,000 characters of the last 10 %
 * as 500 windows of 40 characters, each from a zero state. Runs on tfjs' WASM backend in Node
 * (one thread). The reference is PyTorch nn.LSTM on the same protocol: for the Korean corpus the
 * figures the issue measured, and for any corpus a live run of scripts/bench/torch_curve.py when
 * CURVE_TORCH=1 and a python3 with torch is installed (it runs in its own process while the engine trains);
 * CURVE_TORCH=unigram starts PyTorch's output bias like the engine's (UNIGRAM_START_EXPONENT × the training
 * text's log character frequencies), to compare the two implementations from the same start.
 * CURVE_SEED=n seeds both sides with n (the engine's initialisation and batches; PyTorch's
 * initialisation and windows) instead of their defaults (42 and 1): both curves move with the seed,
 * and a few seeds show how far.
 *
 * Prints the engine's progress on stderr, then a table (step, engine, PyTorch, delta, pass/fail),
 * one JSON line per checkpoint
 *   {"corpus":…,"step":…,"engineNats":…,"pytorchNats":…,"delta":…,"pass":true|false|null}
 * and a last line {"corpus":…,"reference":…,"atOrBelowPytorch":true|false|null}. A checkpoint
 * passes when the engine's loss is at most PyTorch's + 0.005 nats (float32 and batch-order noise).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, Trainer, buildVocabulary, encode, makeConfig } from "../lib/engine";
import { UNIGRAM_START_EXPONENT } from "../lib/engine/model";
import { useBackend } from "../lib/engine/test-support";
import { torchEnv, torchPython } from "./bench/torchEnv";

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
const seed = process.env.CURVE_SEED === undefined ? null : Number(process.env.CURVE_SEED);
if (seed !== null && !(Number.isInteger(seed) && seed >= 0)) throw new Error(`CURVE_SEED must be a whole number ≥ 0, not ${process.env.CURVE_SEED}`);

const text = readBundledCorpus(corpusId);
const cut = Math.floor(text.length * 0.9);
const trainText = text.slice(0, cut);
const validationText = text.slice(cut);

type Curve = Record<number, number>;

/**
 * Starts scripts/bench/torch_curve.py on this corpus in its own process (one thread) and returns
 * its curve when it ends; it trains while the engine does, so the bench takes the longer of the two.
 */
function startPytorchCurve(unigramBias: boolean): Promise<Curve> {
  const python = torchPython();
  if (python === null) return Promise.reject(new Error("PyTorch not installed (apt-get install python3-torch)"));
  const work = mkdtempSync(join(tmpdir(), "bench-curve-"));
  const file = join(work, "corpus.txt");
  writeFileSync(file, text);
  const child = spawn(
    python,
    [
      join(import.meta.dirname, "bench/torch_curve.py"),
      file,
      checkpoints.join(","),
      ...(unigramBias ? ["unigram", String(UNIGRAM_START_EXPONENT)] : []),
      ...(seed === null ? [] : ["--seed", String(seed)]),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"], // its progress lines go to our stderr
      env: torchEnv(),
    },
  );
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  return new Promise<Curve>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(work, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`torch_curve.py exited with ${code}`));
      const curve = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
      resolve(Object.fromEntries(Object.entries(curve).map(([k, v]) => [Number(k), v])));
    });
  });
}

/** PyTorch's curve and where it comes from: a live run when asked for, else the issue's Korean figures. */
const torchMode = process.env.CURVE_TORCH;
const reference: { source: string; curve: Promise<Curve> } | null =
  torchMode === "1" || torchMode === "unigram"
    ? {
        source: `PyTorch live (scripts/bench/torch_curve.py${torchMode === "unigram" ? ", output bias from unigram frequencies" : ", default initialisation"})`,
        curve: startPytorchCurve(torchMode === "unigram"),
      }
    : corpusId === "korean-classics"
      ? { source: "PyTorch as measured in issue 18", curve: Promise.resolve(PYTORCH_KOREAN) }
      : null;

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
  ...(seed === null ? {} : { seed }),
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

console.error(
  `${corpusId}: V=${vocab.chars.length}, train ${trainIds.length} chars, output bias ${unigramInit ? `${UNIGRAM_START_EXPONENT} × unigram log-frequencies` : "zero"}; step 0 validation ${validationNats().toFixed(3)} nats`,
);
const engineCurve: Curve = {};
const started = performance.now();
for (let step = 1; step <= lastStep; step++) {
  trainer.step();
  if (!checkpoints.includes(step)) continue;
  engineCurve[step] = Math.round(validationNats() * 1000) / 1000;
  console.error(`engine step ${step}: ${engineCurve[step]} nats (${Math.round((performance.now() - started) / 1000)} s)`);
}
trainer.dispose();
model.dispose();

const pytorch = reference === null ? null : await reference.curve;
const rows = checkpoints.map((step) => {
  const engineNats = engineCurve[step];
  const pytorchNats = pytorch?.[step] ?? null;
  const delta = pytorchNats === null ? null : Math.round((engineNats - pytorchNats) * 1000) / 1000;
  return { corpus: corpusId, step, engineNats, pytorchNats, delta, pass: delta === null ? null : delta <= LEVEL_NATS };
});
const fmt = (v: number | null, sign = false) => (v === null ? "—" : (sign && v > 0 ? "+" : "") + v.toFixed(3));
console.log(`${corpusId}: validation loss in nats; reference: ${reference?.source ?? "none"}`);
console.log("| step | engine | PyTorch | delta | engine ≤ PyTorch |");
console.log("|-----:|-------:|--------:|------:|:----|");
for (const r of rows) {
  const verdict = r.pass === null ? "—" : r.pass ? "pass" : "FAIL";
  console.log(`| ${r.step} | ${fmt(r.engineNats)} | ${fmt(r.pytorchNats)} | ${fmt(r.delta, true)} | ${verdict} |`);
}
for (const r of rows) console.log(JSON.stringify(r));
const atOrBelowPytorch = pytorch === null ? null : rows.every((r) => r.pass === true);
console.log(JSON.stringify({ corpus: corpusId, reference: reference?.source ?? null, atOrBelowPytorch }));
