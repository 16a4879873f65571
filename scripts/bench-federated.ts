/**
 * Benchmark of the class model (lib/federated, server/federated). Prints JSON lines.
 *
 *   npm run bench:federated      env: BENCH_ROUNDS=8 BENCH_STEPS=8 (R rounds of K local steps)
 *                                     BENCH_STUDENTS=4,8 BENCH_SEEDS=42 (e.g. 1,2,42)
 *                                     BENCH_RUNS=single,adam,fedavg,default,float16 (which learning runs)
 *                                     BENCH_SERVER_STEPS=η/β,… (more server steps to compare, e.g. 2/0,1/0.5)
 *                                     BENCH_SKIP_TRAINING=1 BENCH_SKIP_AGGREGATION=1
 *
 * (a) Learning, at equal steps per student: simulated students (worker threads, tfjs wasm, one per
 *     core) train the headline configuration (LSTM-128, seq 40, batch 128, Adam 0.01) on their shards
 *     of tiny-shakespeare for R rounds of K local steps; the class model with N = 4 and 8, once as
 *     plain FedAvg (the baseline) and once with the default server step (F16), vs one student training
 *     R·K steps on the whole split without interruption (`vsSingle`: the class model's loss minus
 *     that student's, same run and seed; negative = better). The class runs send float32 values;
 *     the float16 run repeats N = 4 with the default step and float16 updates as the browser sends
 *     them (F17: the accuracy cost of halving the upload). "adam": one student whose Adam moments
 *     restart every K steps (the cost of F13's choice).
 *     {"part":"learning","run":…,"seed":…,"students":…,"rounds":…,"stepsPerStudent":…,"valLoss":…,"vsSingle":…}
 * (b) The server's aggregation (server/federated/aggregator.ts, a worker thread) of 30 and 300
 *     float16 updates of the headline model, with the main thread's event-loop lag measured meanwhile:
 *     {"part":"aggregate","students":…,"aggregateMs":…,"bytesPerRound":…,"bytesPerRoundFloat32":…,"loopLagP99Ms":…,"rssMb":…}
 * The machine is shared: figures are indicative.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, type CharRNNConfig, buildVocabulary, encode, encodeWeights, evaluateText, makeConfig, splitCorpus } from "../lib/engine";
import { toFloat16, fromFloat16 } from "../lib/engine/weights";
import { useBackend } from "../lib/engine/test-support";
import { combine } from "../lib/federated/combine";
import { UPDATE_DTYPE } from "../lib/federated/local";
import { DEFAULT_SERVER_STEP, FEDAVG_STEP, serverStep, type ServerStep } from "../lib/federated/serverStep";
import { assignShards, shardText } from "../lib/federated/shards";
import { modelFromVector, modelVector } from "../lib/federated/vectors";
import { Aggregator } from "../server/federated/aggregator";
import type { StudentJob } from "./bench/federatedStudent";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const STEPS = Number(process.env.BENCH_STEPS ?? 8);
/** Which learning runs (a) to make: a longer run can pick the comparison that matters (default: all). */
const RUNS = new Set((process.env.BENCH_RUNS ?? "single,adam,fedavg,default,float16").split(","));
/** Class sizes of the class-model runs. */
const CLASS_SIZES = (process.env.BENCH_STUDENTS ?? "4,8").split(",").map(Number);
/** Seeds (initialisation, batches): each learning run is repeated for each. */
const SEEDS = (process.env.BENCH_SEEDS ?? "42").split(",").map(Number);
/** Extra server steps to compare, "η/β,η/β" (e.g. BENCH_SERVER_STEPS=2/0,1/0.5). */
const EXTRA_STEPS: ServerStep[] = (process.env.BENCH_SERVER_STEPS ?? "")
  .split(",")
  .filter(Boolean)
  .map((pair) => {
    const [learningRate, momentum] = pair.split("/").map(Number);
    return { learningRate, momentum };
  });
/** BENCH_SKIP_AGGREGATION=1: only the learning runs (a). */
const SKIP_AGGREGATION = Boolean(process.env.BENCH_SKIP_AGGREGATION);
/** The headline configuration; the learning runs take its architecture with each seed of SEEDS. */
const config = makeConfig({});
const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
const vocabulary = buildVocabulary(split.train, config.maxVocab);
const V = vocabulary.chars.length;
const validationIds = encode(vocabulary, split.validation).subarray(0, 10_001);
const trainIds = encode(vocabulary, split.train);
const require = createRequire(import.meta.url);
const wasmPath = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/";
const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./bench/federatedStudent.ts", import.meta.url).href)}); })`;

/** One worker per core; jobs go to whichever is free. */
class StudentPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private jobId = 0;
  static async start(size: number): Promise<StudentPool> {
    const pool = new StudentPool();
    await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = new Worker(bootstrap, { eval: true, workerData: { wasmPath } });
        await new Promise((resolve) => worker.once("message", resolve));
        pool.idle.push(worker);
      }),
    );
    return pool;
  }
  async train(job: Omit<StudentJob, "jobId">): Promise<{ values: Float32Array; stepsDone: number }> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const worker = this.idle.pop()!;
    const jobId = ++this.jobId;
    const base = job.base.slice();
    const result = await new Promise<{ values: Float32Array; stepsDone: number }>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage({ ...job, base, jobId }, [base.buffer]);
    });
    this.idle.push(worker);
    this.waiting.shift()?.();
    return result;
  }
  async close() {
    await Promise.all(this.idle.map((w) => w.terminate()));
  }
}

function valLoss(values: Float32Array): number {
  const model = modelFromVector(config, V, values);
  try {
    return evaluateText(model, validationIds).nats;
  } finally {
    model.dispose();
  }
}

const halfPrecision = (values: Float32Array) => values.map((v) => fromFloat16(toFloat16(v)));

/** The class model after ROUNDS rounds of `students` students (F3), combined by FedAvg (F8) and moved by `step` (F16). */
async function classModel(pool: StudentPool, config: CharRNNConfig, init: Float32Array, students: number, step: ServerStep, float16: boolean): Promise<number> {
  const ids = Array.from({ length: students }, (_, i) => `s${i}`);
  const shards = assignShards(new Map(), ids);
  let base = init;
  let previous: Float32Array | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const updates = await Promise.all(
      ids.map(async (id) => {
        const shard = shards.get(id)!;
        const job = {
          config,
          vocabulary: [...vocabulary.chars],
          base,
          round,
          shardStart: shard.start,
          shardIds: encode(vocabulary, shardText(split.train, shard)),
          validationIds,
          steps: STEPS,
        };
        const r = await pool.train(job);
        return { id, values: float16 ? halfPrecision(r.values) : r.values, chars: r.stepsDone * config.batchSize * config.seqLen };
      }),
    );
    const next = serverStep(step, base, previous, combine("fedavg", base, updates).values);
    previous = base;
    base = next;
  }
  return valLoss(base);
}

/** One student on the whole split for ROUNDS·STEPS steps; `restartAdam`: rebuilt every STEPS steps (F13). */
async function singleStudent(pool: StudentPool, config: CharRNNConfig, init: Float32Array, restartAdam: boolean): Promise<number> {
  if (!restartAdam) {
    const r = await pool.train({
      config,
      vocabulary: [...vocabulary.chars],
      base: init,
      round: 0,
      shardStart: 0,
      shardIds: trainIds,
      validationIds,
      steps: ROUNDS * STEPS,
    });
    return valLoss(r.values);
  }
  let base = init;
  for (let round = 0; round < ROUNDS; round++) {
    base = (await pool.train({ config, vocabulary: [...vocabulary.chars], base, round, shardStart: 0, shardIds: trainIds, validationIds, steps: STEPS }))
      .values;
  }
  return valLoss(base);
}

async function learning(seed: number): Promise<void> {
  const seeded = makeConfig({ ...config, seed });
  // Version 0 as the server makes it: the output bias from the training split's character frequencies.
  const initModel = CharRNN.create(seeded, V, { trainIds });
  const init = modelVector(initModel);
  initModel.dispose();
  const pool = await StudentPool.start(Math.max(1, availableParallelism()));
  let single = NaN;
  const line = (run: string, students: number, loss: number, extra: Record<string, unknown> = {}) =>
    console.log(
      JSON.stringify({
        part: "learning",
        run,
        seed,
        students,
        rounds: ROUNDS,
        stepsPerStudent: ROUNDS * STEPS,
        ...extra,
        valLoss: Number(loss.toFixed(4)),
        // Against the single student of the same run and seed: negative = the class model is better.
        vsSingle: Number.isNaN(single) || students <= 1 ? undefined : Number((loss - single).toFixed(4)),
      }),
    );
  line("initial model", 0, valLoss(init));
  if (RUNS.has("single")) line("one student, whole split", 1, (single = await singleStudent(pool, seeded, init, false)));
  if (RUNS.has("adam")) line("one student, Adam restarted every round (F13)", 1, await singleStudent(pool, seeded, init, true));
  const steps = new Map<string, ServerStep>();
  if (RUNS.has("fedavg")) steps.set("class model, fedavg", FEDAVG_STEP);
  if (RUNS.has("default")) steps.set("class model, default server step (F16)", DEFAULT_SERVER_STEP);
  for (const s of EXTRA_STEPS) steps.set(`class model, server step η=${s.learningRate} β=${s.momentum}`, s);
  for (const students of CLASS_SIZES)
    for (const [run, step] of steps) line(run, students, await classModel(pool, seeded, init, students, step, false), { server: step });
  if (RUNS.has("float16"))
    line("class model, default server step (F16), float16 updates (F17)", 4, await classModel(pool, seeded, init, 4, DEFAULT_SERVER_STEP, true), {
      server: DEFAULT_SERVER_STEP,
    });
  await pool.close();
}

async function aggregation(students: number, aggregator: Aggregator, combiner: "fedavg" | "trimmedMean"): Promise<void> {
  const initModel = CharRNN.create(config, V);
  const base = encodeWeights(initModel, vocabulary);
  const baseValues = modelVector(initModel);
  initModel.dispose();
  // Updates: the base plus a small random delta each, encoded as students upload them (float16, F17).
  let float32Bytes = 0;
  let seed = 1;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.02;
  const updates = Array.from({ length: students }, (_, k) => {
    const model = modelFromVector(
      config,
      V,
      baseValues.map((v) => v + noise()),
    );
    const bytes = encodeWeights(model, vocabulary, { step: STEPS, dtype: UPDATE_DTYPE });
    float32Bytes = encodeWeights(model, vocabulary, { step: STEPS }).length;
    model.dispose();
    return { id: `s${k}`, bytes, chars: STEPS * config.batchSize * config.seqLen };
  });
  await aggregator.run({
    config,
    vocabulary: [...vocabulary.chars],
    base,
    trainIds: null,
    previous: null,
    updates: updates.slice(0, 3),
    combiner,
    validationIds,
    step: 0,
    temperature: 1,
  }); // warm the worker
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const outcome = await aggregator.run({
    config,
    vocabulary: [...vocabulary.chars],
    base,
    trainIds: null,
    previous: base,
    updates,
    combiner,
    validationIds,
    step: STEPS,
    temperature: 1,
  });
  const aggregateMs = performance.now() - t0;
  lag.disable();
  const versionBytes = outcome.kind === "version" ? outcome.weights.length : 0;
  console.log(
    JSON.stringify({
      part: "aggregate",
      combiner,
      students,
      aggregateMs: Math.round(aggregateMs),
      workerMs: Math.round(outcome.ms),
      bytesPerRound: updates.reduce((s, u) => s + u.bytes.length, 0) + students * versionBytes,
      // The same round with float32 uploads, as before F17.
      bytesPerRoundFloat32: students * (float32Bytes + versionBytes),
      loopLagP99Ms: Number((lag.percentile(99) / 1e6).toFixed(1)),
      rssMb: Math.round(Math.max(rss0, process.memoryUsage().rss) / 2 ** 20),
    }),
  );
}

await useBackend("wasm");
if (!process.env.BENCH_SKIP_TRAINING) for (const seed of SEEDS) await learning(seed);
if (!SKIP_AGGREGATION) {
  const aggregator = new Aggregator();
  for (const students of [30, 300]) await aggregation(students, aggregator, "fedavg");
  await aggregation(30, aggregator, "trimmedMean");
  await aggregator.close();
}
