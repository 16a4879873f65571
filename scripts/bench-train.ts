/**
 * Benchmark: training throughput in the browser, the engine vs the equivalent tf.layers model.
 *
 *   npm run bench:train
 *
 * Bundles scripts/bench/trainPage.ts (lib/engine + @tensorflow/tfjs with the wasm and webgpu
 * backends) with esbuild, serves it from a small static server on 127.0.0.1 (COOP same-origin,
 * COEP require-corp, like the app) together with tfjs' .wasm files and tiny-shakespeare's train
 * split, and drives headless Chromium (/usr/bin/chromium, the e2e flags: WebGPU and WebGL on
 * SwiftShader). For each backend (wasm, webgl, webgpu, cpu), in a fresh browser: the headline
 * configuration (LSTM-128, 1 layer, seq 40, batch 128, Adam 0.01, one-hot input) is trained by
 * the engine (Trainer.stepAsync) and by the equivalent tf.layers model (lstm → dense softmax,
 * trainOnBatch) on the same batches; the median step time gives characters/s (B·T per step).
 *
 * The machine is noisy: medians of several timed steps after warm-up; on wasm the sides'
 * timed steps are interleaved so load changes hit all alike. Software backends are 10–100×
 * slower: they get 1 warm-up + 2 timed steps, and the tf.layers side is skipped when building it
 * or one of its batches takes longer than LAYERS_SKIP_MS ("skipped (too slow)"). Backends run
 * wasm, cpu, webgl, webgpu; the run keeps to DEADLINE_MS (≈ 5⅓ min) by cutting the last ones short
 * ("skipped (time budget)"). WebGL on SwiftShader reports 16-bit floats: timed anyway, marked
 * "inaccurate (16-bit)". BENCH_BACKENDS=wasm,cpu limits the backends; CHROMIUM_PATH the browser.
 *
 * For comparison, when a python3 with PyTorch is installed (Debian: apt-get install python3-torch),
 * scripts/bench/torch_train.py trains the same model the usual PyTorch way on the CPU (nn.LSTM,
 * autograd, torch.optim.Adam) on the same train split, one thread: one PyTorch step after each of the
 * headline row's timed engine steps (the same moments of a machine whose speed drifts), which gives
 * the reference printed under the table; and separate runs before and after the browser rows.
 *
 * WASM runs twice, with 1 and with 2 XNNPACK threads (the threaded SIMD build, its pthread workers
 * loading the unbundled factory script as in the app: app/training/wasmThreads.ts; the page is
 * minified like the production bundle). Each backend also reports kernel dispatches per training
 * step for every cell (tf.profile's registered kernels over one step; batch-independent) and per
 * time step (the growth from windows of 20 to 40 characters, ÷ 20). On webgpu and wasm the table's
 * "engine" column is the op-by-op engine and "new path" the engine's own path: the fused WGSL kernels
 * on webgpu (lib/engine/gpu), the engine's WebAssembly module on wasm (lib/engine/wasm: the recurrent
 * layers of every cell, the output layer and the loss; the dispatch counts are that path's).
 *
 * Prints a table, a JSON array of every row, the PyTorch line
 *   {"reference":"pytorch","charsPerSec":…,"threads":1,"blas":…,"interleaved":true,"separateRuns":[…, …]}
 * then, last but one, {"backend":"webgpu","engineCharsPerSec":…,"opByOpCharsPerSec":…,"dispatchesPerStep":…}
 * (the engine's WebGPU path, lib/engine/gpu, and the same engine forced op-by-op, alternating step by
 * step in one page; dispatchesPerStep of the WebGPU path per cell) and as the LAST line the headline
 * WASM figure (one thread):
 *   {"backend":"wasm","engineCharsPerSec":…,"layersCharsPerSec":…,"ratio":…}
 * Exits non-zero only when that headline could not be measured.
 */
import { chromium, type BrowserServer, type Page } from "@playwright/test";
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitCorpus } from "../lib/engine";
import { median, round } from "./bench/stats";
import { PTHREAD_SCRIPT_PATH } from "../app/training/wasmThreads";
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS, WEBGPU_SWIFTSHADER_FLAGS } from "../e2e/chromium";
import { TRAIN_BACKENDS, type BackendInfo, type DispatchCount, type StepResult, type TrainBackend, type TrainSide } from "./bench/trainTypes";
import { torchEnv, torchPython } from "./bench/torchEnv";
import { TorchStepper } from "./bench/torchStepper";

const root = join(import.meta.dirname, "..");
/** A tf.layers batch slower than this is not repeated: "skipped (too slow)". */
const LAYERS_SKIP_MS = 30_000;
/** An engine step slower than this counts as hung: the browser is closed, the backend reported as timed out. */
const ENGINE_STEP_TIMEOUT_MS = 120_000;
/** Initialising a backend (wasm download, WebGPU adapter, shader setup) may take this long. */
const INIT_TIMEOUT_MS = 60_000;
/**
 * Time budget of the whole run (ms, from start). Past it, a side takes no timed step beyond its
 * first, and a tf.layers side that could not finish a LAYERS_SKIP_MS batch in time is not started.
 */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 400_000);
const t0 = performance.now();
const remainingMs = () => DEADLINE_MS - (performance.now() - t0);

interface Plan {
  warmup: number;
  /** Timed steps: at least `min`, at most `max`, more only while within `budgetMs`. */
  min: number;
  max: number;
  budgetMs: number;
}
/** The headline backend gets many steps; software GPUs (and cpu) few. opByOp runs only where the engine has a path of its own (NEW_PATH). */
const SLOW: Plan = { warmup: 1, min: 2, max: 3, budgetMs: 15_000 };
const PLANS: Record<TrainBackend, Record<TrainSide, Plan>> = {
  wasm: {
    engine: { warmup: 3, min: 9, max: 25, budgetMs: 12_000 },
    opByOp: { warmup: 2, min: 9, max: 25, budgetMs: 12_000 },
    layers: { warmup: 1, min: 5, max: 7, budgetMs: 15_000 },
  },
  webgl: { engine: SLOW, opByOp: SLOW, layers: { warmup: 1, min: 2, max: 2, budgetMs: 0 } },
  // The two engine paths alternate, 3 timed steps each (≈ 20–40 s a step on SwiftShader under load).
  webgpu: { engine: { ...SLOW, min: 3 }, opByOp: { ...SLOW, min: 3 }, layers: { warmup: 1, min: 2, max: 2, budgetMs: 0 } },
  cpu: { engine: SLOW, opByOp: SLOW, layers: { warmup: 1, min: 2, max: 2, budgetMs: 0 } },
};
/**
 * Backends where the engine takes a path of its own, measured against its op-by-op path in the same
 * page: webgpu (lib/engine/gpu) and wasm (lib/engine/wasm), every cell.
 */
const NEW_PATH: readonly TrainBackend[] = ["webgpu", "wasm"];

interface SideResult {
  /** Median step time (ms); null when not measured. */
  msPerStep: number | null;
  charsPerSec: number | null;
  warmupMs: number[];
  stepMs: number[];
  /** Loss of the first and the last step (a sanity check that it trains). */
  firstLoss: number | null;
  lastLoss: number | null;
  note: string | null;
}

interface Row {
  backend: TrainBackend;
  /** XNNPACK threads (wasm), 1 elsewhere. */
  threads: number;
  /** Kernel dispatches per engine training step, per cell; null when not counted. */
  dispatches: Record<string, DispatchCount> | null;
  status: "ok" | "partial" | "unavailable" | "failed";
  floatPrecision: number | null;
  /** The engine's path on this backend (on webgpu: the fused kernels). */
  engineCharsPerSec: number | null;
  /** The engine forced op-by-op, where it has a path of its own (webgpu); null elsewhere. */
  opByOpCharsPerSec: number | null;
  layersCharsPerSec: number | null;
  /** PyTorch's one-thread chars/s from steps taken between the engine's timed steps (wasm, 1 thread), else null. */
  torchInterleavedCharsPerSec: number | null;
  ratio: number | null;
  engineMsPerStep: number | null;
  opByOpMsPerStep: number | null;
  layersMsPerStep: number | null;
  engineSteps: number;
  layersSteps: number;
  engineLoss: [number, number] | null;
  layersLoss: [number, number] | null;
  note: string;
}

class TimeoutError extends Error {}
class BudgetError extends Error {}

const message = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));

/** `promise`, or a TimeoutError after `ms` (the promise is left to fail on its own; its rejection is swallowed). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => undefined);
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

// ── The page and its server ─────────────────────────────────────────────────────────────────
async function bundlePage(outDir: string): Promise<string> {
  const outfile = join(outDir, "bench.js");
  await build({
    entryPoints: [join(import.meta.dirname, "bench/trainPage.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile,
    minify: true, // like the production bundle: the threaded WASM build must survive it
    sourcemap: false,
    logLevel: "error",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return outfile;
}

function startServer(bundle: string, trainText: string): Promise<Server> {
  const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
  const files = new Map<string, { body: Buffer; type: string }>([
    [
      "/",
      {
        body: Buffer.from('<!doctype html><meta charset="utf-8"><title>bench:train</title><script type="module" src="/bench.js"></script>'),
        type: "text/html; charset=utf-8",
      },
    ],
    ["/bench.js", { body: readFileSync(bundle), type: "text/javascript; charset=utf-8" }],
    ["/train.txt", { body: Buffer.from(trainText, "utf8"), type: "text/plain; charset=utf-8" }],
  ]);
  for (const file of readdirSync(wasmDir).filter((f) => f.endsWith(".wasm")))
    files.set(`/tfjs/${file}`, { body: readFileSync(join(wasmDir, file)), type: "application/wasm" });
  files.set(PTHREAD_SCRIPT_PATH, {
    body: readFileSync(join(root, "node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js")),
    type: "text/javascript; charset=utf-8",
  });
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? "/", "http://localhost").pathname);
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "no-store",
    };
    if (file === undefined) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": file.type, "Content-Length": file.body.length }).end(file.body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ── Driving one backend ─────────────────────────────────────────────────────────────────────
const callInit = (page: Page, backend: TrainBackend, threads: number) =>
  page.evaluate(
    async (b) => {
      const api = window.benchTrain;
      if (api === undefined) throw new Error("bench page not loaded");
      return api.init(b.backend, b.threads);
    },
    { backend, threads },
  );
const callStart = (page: Page, side: TrainSide) =>
  page.evaluate((s) => {
    const api = window.benchTrain;
    if (api === undefined) throw new Error("bench page not loaded");
    api.start(s);
  }, side);
const callStep = (page: Page, side: TrainSide): Promise<StepResult> =>
  page.evaluate(async (s) => {
    const api = window.benchTrain;
    if (api === undefined) throw new Error("bench page not loaded");
    return api.step(s);
  }, side);
const emptySide = (note: string | null): SideResult => ({
  msPerStep: null,
  charsPerSec: null,
  warmupMs: [],
  stepMs: [],
  firstLoss: null,
  lastLoss: null,
  note,
});

/** One side's measurement in a page: warm-up, then timed steps while its plan wants more. */
class SideRun {
  readonly result = emptySide(null);
  private readonly losses: number[] = [];
  private done = false;

  constructor(
    private readonly page: Page,
    readonly side: TrainSide,
    private readonly plan: Plan,
    private readonly log: (s: string) => void,
  ) {}

  private get timeoutMs(): number {
    return this.side === "layers" ? LAYERS_SKIP_MS : ENGINE_STEP_TIMEOUT_MS;
  }

  get name(): string {
    return this.side === "opByOp" ? "op-by-op engine" : this.side;
  }

  private async step(): Promise<StepResult> {
    const r = await within(callStep(this.page, this.side), this.timeoutMs, `${this.side} step`);
    this.losses.push(r.loss);
    return r;
  }

  async warmup(): Promise<void> {
    if (this.side === "layers" && remainingMs() < LAYERS_SKIP_MS) throw new BudgetError("skipped (time budget)");
    // Building the model initialises its weights on the backend (tf.layers: an orthogonal
    // recurrent kernel, slow on software WebGL): bounded like a step.
    await within(callStart(this.page, this.side), this.timeoutMs, `${this.side} model setup`);
    for (let i = 0; i < this.plan.warmup; i++) {
      const r = await this.step();
      this.result.warmupMs.push(r.ms);
      this.log(`  ${this.side} warm-up ${i + 1}: ${r.ms.toFixed(0)} ms (loss ${r.loss.toFixed(3)})`);
    }
  }

  async timedStep(): Promise<void> {
    this.result.stepMs.push((await this.step()).ms);
  }

  /** Whether another timed step is due, the timed phase having started at `since`. */
  wantsMore(since: number): boolean {
    const n = this.result.stepMs.length;
    if (this.done || n >= this.plan.max) return false;
    // Past the budget, or when the last step says the next would overrun it: the first timed step only.
    const last = n > 0 ? this.result.stepMs[n - 1] : (this.result.warmupMs.at(-1) ?? 0);
    if (remainingMs() - last <= 0) return n === 0;
    return n < this.plan.min || performance.now() - since < this.plan.budgetMs;
  }

  get maxSteps(): number {
    return this.plan.max;
  }

  /** Records a failure; a timeout means the page is still busy (the browser must be closed). */
  fail(error: unknown): void {
    this.done = true;
    const timedOut = error instanceof TimeoutError;
    this.result.note =
      error instanceof BudgetError
        ? error.message
        : timedOut
          ? this.side === "layers"
            ? `skipped (too slow): ${message(error)}`
            : `timed out (${message(error)})`
          : `failed: ${message(error)}`;
    if (this.result.stepMs.length > 0) this.result.note += `; ${this.result.stepMs.length} timed step(s) kept`;
    this.log(`  ${this.side}: ${this.result.note}`);
  }

  finish(charsPerStep: number): SideResult {
    if (this.result.stepMs.length > 0) {
      this.log(`  ${this.side} timed: ${this.result.stepMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
      this.result.msPerStep = median(this.result.stepMs);
      this.result.charsPerSec = Math.round((charsPerStep / this.result.msPerStep) * 1000);
      this.result.firstLoss = this.losses[0] ?? null;
      this.result.lastLoss = this.losses[this.losses.length - 1] ?? null;
    }
    return this.result;
  }
}

/**
 * Both sides in one page. Interleaved (the headline): both warm up, then every round takes one
 * tf.layers step and a few engine steps, so a change in the machine's load hits both medians
 * alike. Otherwise (slow backends): the engine first, then tf.layers, so a tf.layers batch that
 * hangs past LAYERS_SKIP_MS cannot cost the engine's figure.
 */
async function measurePair(
  page: Page,
  plans: Record<TrainSide, Plan>,
  interleave: boolean,
  withOpByOp: boolean,
  torch: TorchStepper | null,
  log: (s: string) => void,
): Promise<{ engine: SideRun; opByOp: SideRun | null; layers: SideRun; pageUsable: boolean; torchMs: number[] }> {
  const torchMs: number[] = [];
  let torchStepping = torch;
  /** One PyTorch step right after an engine step (the same moment of the machine), while PyTorch answers. */
  const torchStep = async () => {
    if (torchStepping === null) return;
    try {
      torchMs.push(await torchStepping.step());
    } catch (error) {
      log(`  PyTorch interleaved: ${message(error)}`);
      torchStepping = null;
    }
  };
  const engine = new SideRun(page, "engine", plans.engine, log);
  const opByOp = withOpByOp ? new SideRun(page, "opByOp", plans.opByOp, log) : null;
  const layers = new SideRun(page, "layers", plans.layers, log);
  let pageUsable = true;
  const guard = async (run: SideRun, action: () => Promise<void>) => {
    if (!pageUsable) return;
    try {
      await action();
    } catch (error) {
      run.fail(error);
      if (error instanceof TimeoutError) pageUsable = false;
    }
  };
  const timedSteps = async (run: SideRun) => {
    const since = performance.now();
    while (pageUsable && run.wantsMore(since)) await guard(run, () => run.timedStep());
  };
  if (interleave) {
    // The tf.layers side's slow steps are spread between the engine's (and its op-by-op path's), so load changes hit all alike.
    await guard(engine, () => engine.warmup());
    if (opByOp !== null) await guard(opByOp, () => opByOp.warmup());
    await guard(layers, () => layers.warmup());
    const since = performance.now();
    const perRound = Math.max(1, Math.ceil(engine.maxSteps / layers.maxSteps));
    const enginesWantMore = () => engine.wantsMore(since) || (opByOp?.wantsMore(since) ?? false);
    while (pageUsable && (enginesWantMore() || layers.wantsMore(since))) {
      if (layers.wantsMore(since)) await guard(layers, () => layers.timedStep());
      for (let i = 0; i < perRound && pageUsable && enginesWantMore(); i++) {
        if (engine.wantsMore(since)) {
          await guard(engine, () => engine.timedStep());
          await torchStep();
        }
        if (opByOp !== null && pageUsable && opByOp.wantsMore(since)) await guard(opByOp, () => opByOp.timedStep());
      }
    }
  } else if (opByOp !== null) {
    // The engine's own path and its op-by-op path alternate step by step (same load for both).
    await guard(engine, () => engine.warmup());
    await guard(opByOp, () => opByOp.warmup());
    const since = performance.now();
    while (pageUsable && (engine.wantsMore(since) || opByOp.wantsMore(since))) {
      if (engine.wantsMore(since)) await guard(engine, () => engine.timedStep());
      if (pageUsable && opByOp.wantsMore(since)) await guard(opByOp, () => opByOp.timedStep());
    }
  } else {
    await guard(engine, async () => {
      await engine.warmup();
      await timedSteps(engine);
    });
  }
  if (!interleave) {
    if (!pageUsable) layers.result.note = "not run (the engine hung the page)";
    await guard(layers, async () => {
      await layers.warmup();
      await timedSteps(layers);
    });
  }
  return { engine, opByOp, layers, pageUsable, torchMs };
}

const callDispatches = (page: Page) =>
  page.evaluate(async () => {
    const api = window.benchTrain;
    if (api === undefined) throw new Error("bench page not loaded");
    return api.dispatches();
  });

/** `torch`: PyTorch stepping between the engine's timed steps (the headline row), or null. */
async function measureBackend(url: string, backend: TrainBackend, threads: number, torch: TorchStepper | null, log: (s: string) => void): Promise<Row> {
  const row: Row = {
    backend,
    threads,
    dispatches: null,
    status: "failed",
    floatPrecision: null,
    engineCharsPerSec: null,
    opByOpCharsPerSec: null,
    torchInterleavedCharsPerSec: null,
    layersCharsPerSec: null,
    ratio: null,
    engineMsPerStep: null,
    opByOpMsPerStep: null,
    layersMsPerStep: null,
    engineSteps: 0,
    layersSteps: 0,
    engineLoss: null,
    layersLoss: null,
    note: "",
  };
  const notes: string[] = [];
  let server: BrowserServer | null = null;
  let busy = false;
  try {
    // launchServer rather than launch: a page stuck in a step that timed out keeps a graceful close
    // waiting for a long time (WebGPU), so the browser process is then killed instead.
    server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_QUIET_FLAGS, ...WEBGPU_SWIFTSHADER_FLAGS] });
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage();
    // tfjs-wasm caps XNNPACK at hardwareConcurrency / 2 (it assumes 2 hyper-threads per core), so
    // on a 2-core machine it runs 1 thread whatever is asked: the multi-thread row reports enough
    // logical cores for the requested count (no other effect on the page).
    if (backend === "wasm" && threads > 1)
      await page.addInitScript({ content: `Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => ${2 * threads} });` });
    page.on("pageerror", (error) => log(`  [page error] ${message(error)}`));
    await page.goto(url);
    await page.waitForFunction(() => window.benchTrain !== undefined, undefined, { timeout: 30_000 });
    let info: BackendInfo;
    try {
      info = await within(callInit(page, backend, threads), INIT_TIMEOUT_MS, `${backend} init`);
    } catch (error) {
      busy = error instanceof TimeoutError;
      row.status = "unavailable";
      notes.push(message(error));
      return row;
    }
    row.floatPrecision = info.floatPrecision;
    row.threads = info.threads;
    log(
      `${backend}: active ${info.active}, ${info.threads} thread(s), ${info.floatPrecision}-bit floats, crossOriginIsolated ${info.crossOriginIsolated}, V=${info.vocabSize}, ${info.charsPerStep} chars/step`,
    );
    if (info.floatPrecision === 16) notes.push("inaccurate (16-bit)");

    // Dispatches first: a tf.layers step that hangs the page (WebGPU on SwiftShader) must not cost them.
    try {
      row.dispatches = await within(callDispatches(page), ENGINE_STEP_TIMEOUT_MS, "dispatch count");
      log(`  dispatches per step: ${JSON.stringify(row.dispatches)}`);
    } catch (error) {
      if (error instanceof TimeoutError) {
        busy = true;
        throw error;
      }
      notes.push(`dispatches not counted: ${message(error)}`);
    }
    const pair = await measurePair(page, PLANS[backend], backend === "wasm", NEW_PATH.includes(backend), torch, log);
    if (pair.torchMs.length > 0) {
      row.torchInterleavedCharsPerSec = Math.round(info.charsPerStep / (median(pair.torchMs) / 1000));
      log(`  PyTorch interleaved: ${pair.torchMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    }
    busy = !pair.pageUsable;
    const engine = pair.engine.finish(info.charsPerStep);
    const opByOp = pair.opByOp?.finish(info.charsPerStep) ?? null;
    const layers = pair.layers.finish(info.charsPerStep);
    row.opByOpCharsPerSec = opByOp?.charsPerSec ?? null;
    row.opByOpMsPerStep = opByOp?.msPerStep == null ? null : round(opByOp.msPerStep, 1);
    if (opByOp?.note != null) notes.push(`op-by-op ${opByOp.note}`);
    if (engine.charsPerSec !== null && opByOp?.charsPerSec != null) notes.push(`new path ${round(engine.charsPerSec / opByOp.charsPerSec, 2)}× op-by-op`);
    row.engineCharsPerSec = engine.charsPerSec;
    row.layersCharsPerSec = layers.charsPerSec;
    row.engineMsPerStep = engine.msPerStep === null ? null : round(engine.msPerStep, 1);
    row.layersMsPerStep = layers.msPerStep === null ? null : round(layers.msPerStep, 1);
    row.engineSteps = engine.stepMs.length;
    row.layersSteps = layers.stepMs.length;
    if (engine.firstLoss !== null && engine.lastLoss !== null) row.engineLoss = [round(engine.firstLoss, 3), round(engine.lastLoss, 3)];
    if (layers.firstLoss !== null && layers.lastLoss !== null) row.layersLoss = [round(layers.firstLoss, 3), round(layers.lastLoss, 3)];
    if (row.engineCharsPerSec !== null && row.layersCharsPerSec !== null) row.ratio = round(row.engineCharsPerSec / row.layersCharsPerSec, 2);
    if (engine.note !== null) notes.push(`engine ${engine.note}`);
    if (layers.note !== null) notes.push(`tf.layers ${layers.note}`);
    row.status =
      row.engineCharsPerSec !== null && row.layersCharsPerSec !== null
        ? "ok"
        : row.engineCharsPerSec !== null || row.layersCharsPerSec !== null
          ? "partial"
          : "failed";
  } catch (error) {
    notes.push(`failed: ${message(error)}`);
  } finally {
    if (busy) await server?.kill().catch(() => undefined);
    else await server?.close().catch(() => undefined);
    row.note = notes.join("; ");
  }
  return row;
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────
function table(rows: Row[]): string {
  const fmt = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-US"));
  const lines = [
    ["backend", "threads", "engine chars/s", "new path chars/s", "tf.layers chars/s", "ratio", "dispatches/step (per time step) lstm · gru · rnn", "note"],
  ];
  for (const r of rows) {
    const skipped = /tf\.layers (skipped \([^)]*\))/.exec(r.note);
    const layers = r.layersCharsPerSec === null && skipped !== null ? skipped[1] : fmt(r.layersCharsPerSec);
    const note =
      r.status === "ok" || r.status === "partial"
        ? [`${r.engineSteps}+${r.layersSteps} timed steps`, r.note].filter((s) => s !== "").join("; ")
        : `${r.status}: ${r.note}`;
    const count = (c: string) => {
      const d = r.dispatches?.[c];
      return d === undefined ? "—" : `${d.perStep} (${d.perTimeStep})`;
    };
    const dispatches = r.dispatches === null ? "—" : ["lstm", "gru", "rnn"].map(count).join(" · ");
    // "engine" is the op-by-op engine; where the engine has a path of its own (NEW_PATH) that path is
    // "new path", and the ratio and the dispatch counts are the new path's.
    const hasNewPath = NEW_PATH.includes(r.backend);
    const opByOp = hasNewPath ? r.opByOpCharsPerSec : r.engineCharsPerSec;
    const newPath = hasNewPath ? fmt(r.engineCharsPerSec) : "—";
    lines.push([r.backend, String(r.threads), fmt(opByOp), newPath, layers, r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`, dispatches, note]);
  }
  const last = lines[0].length - 1;
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const pad = (l: string[]) => l.map((cell, c) => (c === last ? cell : c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ");
  return [pad(lines[0]), widths.map((w, c) => (c === last ? "----" : "-".repeat(w))).join("-|-"), ...lines.slice(1).map(pad)].join("\n");
}

// ── PyTorch reference ───────────────────────────────────────────────────────────────────────
interface TorchResult {
  torch: string;
  threads: number;
  charsPerSec: number;
  msPerStep: number;
  /** openblas_get_config() of the BLAS torch loaded, or what else it is. */
  blas: string;
}

/** A separate PyTorch run on the headline model (15 timed steps), or why it failed. */
function pytorchRun(python: string, trainFile: string): TorchResult | string {
  try {
    const out = execFileSync(python, [join(import.meta.dirname, "bench/torch_train.py"), trainFile, "1"], {
      encoding: "utf8",
      timeout: 300_000,
      env: torchEnv(),
    });
    return JSON.parse(out.trim().split("\n").at(-1) ?? "") as TorchResult;
  } catch (error) {
    return `PyTorch run failed: ${message(error)}`;
  }
}

const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${s}`);
const only = process.env.BENCH_BACKENDS?.split(",").filter((b): b is TrainBackend => (TRAIN_BACKENDS as readonly string[]).includes(b));
// The headline first, then cheapest first: WebGPU on SwiftShader takes what the budget leaves.
const backendList: TrainBackend[] = only !== undefined && only.length > 0 ? only : ["wasm", "cpu", "webgl", "webgpu"];
const backends = backendList.flatMap((backend) => (backend === "wasm" ? [1, 2] : [1]).map((threads) => ({ backend, threads })));

const work = mkdtempSync(join(tmpdir(), "bench-train-"));
let server: Server | null = null;
const rows: Row[] = [];
/** The PyTorch reference: its charsPerSec interleaved with the engine's steps when that ran, else the faster separate run. */
let torch: TorchResult | string = "not run";
let torchInterleaved = false;
/** chars/s of the separate PyTorch runs before and after the browser rows. */
let separateRuns: number[] = [];
try {
  const bundle = await bundlePage(work);
  const { train } = splitCorpus(readFileSync(join(root, "server/corpora/tinyshakespeare.txt"), "utf8"));
  server = await startServer(bundle, train);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  log(
    `page bundled and served at ${url}; tiny-shakespeare train split ${train.length.toLocaleString("en-US")} chars; headline LSTM-128 × 1, seq 40, batch 128, Adam 0.01`,
  );
  // The PyTorch reference: one PyTorch step after each of the headline row's timed engine steps
  // (scripts/bench/torchStepper.ts), so both are timed in the same moments. This machine's speed
  // changes by minutes: separate runs of torch_train.py a minute apart took 35.6 and 79.8 ms a step
  // (143,734 and 64,172 chars/s). Separate runs before and after the browser rows are printed too.
  const trainFile = join(work, "train.txt");
  writeFileSync(trainFile, train);
  const python = torchPython();
  const runs: (TorchResult | string)[] = [];
  if (python !== null) runs.push(pytorchRun(python, trainFile));
  for (const { backend, threads } of backends) {
    const headline = backend === "wasm" && threads === 1 && python !== null;
    const stepper = headline
      ? await TorchStepper.start(python, trainFile).catch((error: unknown) => (log(`PyTorch interleaved: ${message(error)}`), null))
      : null;
    const row = await measureBackend(url, backend, threads, stepper, log).finally(() => stepper?.close());
    log(
      `${backend} (${row.threads} thread(s)): engine ${row.engineCharsPerSec ?? "—"} chars/s, tf.layers ${row.layersCharsPerSec ?? "—"} chars/s${row.ratio === null ? "" : `, ratio ${row.ratio}×`}${row.note ? ` (${row.note})` : ""}`,
    );
    rows.push(row);
  }
  if (python !== null) runs.push(pytorchRun(python, trainFile));
  const measured = runs.filter((r): r is TorchResult => typeof r !== "string");
  separateRuns = measured.map((r) => r.charsPerSec);
  const interleaved = rows.find((r) => r.torchInterleavedCharsPerSec !== null)?.torchInterleavedCharsPerSec ?? null;
  if (python === null) torch = "PyTorch not installed (apt-get install python3-torch)";
  else if (measured.length === 0) torch = typeof runs[0] === "string" ? runs[0] : "PyTorch did not run";
  else torch = { ...measured[0], charsPerSec: interleaved ?? Math.max(...separateRuns) };
  torchInterleaved = interleaved !== null;
} finally {
  server?.close();
  rmSync(work, { recursive: true, force: true });
}

console.log("");
console.log(
  `Training throughput, headless Chromium (${CHROMIUM_PATH}), Node ${process.version}: characters/s = B·T / median step; ${((performance.now() - t0) / 1000).toFixed(0)} s in all`,
);
console.log(table(rows));
const wasmEngine = rows.find((r) => r.backend === "wasm" && r.threads === 1)?.engineCharsPerSec ?? null;
const wasmThreaded = rows.find((r) => r.backend === "wasm" && r.threads > 1)?.engineCharsPerSec ?? null;
console.log(
  typeof torch === "string"
    ? `PyTorch CPU reference: ${torch}`
    : `PyTorch CPU reference (torch ${torch.torch}, ${torch.threads} thread(s), nn.LSTM + autograd): ${torch.charsPerSec.toLocaleString("en-US")} chars/s ` +
        `(${torchInterleaved ? "steps interleaved with the engine's on wasm" : "the faster separate run"}; separate runs before and after the browser: ${separateRuns.map((r) => r.toLocaleString("en-US")).join(" and ")})` +
        (wasmEngine === null ? "" : `; engine on wasm (1 thread) / PyTorch = ${round(wasmEngine / torch.charsPerSec, 2)}×`) +
        (wasmThreaded === null ? "" : `; engine on wasm (2 threads) / PyTorch = ${round(wasmThreaded / torch.charsPerSec, 2)}×`) +
        (/openblas/i.test(torch.blas) ? "" : ` — WARNING: torch is not using OpenBLAS (${torch.blas}); its figure is several times too low`),
);
console.log(JSON.stringify(rows));
if (typeof torch !== "string")
  console.log(
    JSON.stringify({
      reference: "pytorch",
      charsPerSec: torch.charsPerSec,
      threads: torch.threads,
      blas: torch.blas,
      interleaved: torchInterleaved,
      separateRuns,
    }),
  );
const webgpu = rows.find((r) => r.backend === "webgpu");
console.log(
  JSON.stringify({
    backend: "webgpu",
    engineCharsPerSec: webgpu?.engineCharsPerSec ?? null,
    opByOpCharsPerSec: webgpu?.opByOpCharsPerSec ?? null,
    dispatchesPerStep:
      webgpu?.dispatches === null || webgpu === undefined ? null : Object.fromEntries(Object.entries(webgpu.dispatches).map(([cell, d]) => [cell, d.perStep])),
  }),
);
const headline = rows.find((r) => r.backend === "wasm" && r.threads === 1);
if (headline === undefined || headline.engineCharsPerSec === null || headline.layersCharsPerSec === null || headline.ratio === null) {
  console.error(`bench:train: the headline WASM figure could not be measured${headline ? ` (${headline.note})` : " (wasm not run)"}`);
  process.exit(1);
}
console.log(
  JSON.stringify({ backend: "wasm", engineCharsPerSec: headline.engineCharsPerSec, layersCharsPerSec: headline.layersCharsPerSec, ratio: headline.ratio }),
);
