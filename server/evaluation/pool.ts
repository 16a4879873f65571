/**
 * A pool of evaluation worker threads (evalWorker.ts) with a fair queue:
 *   - jobs wait in one queue per owner (a student), served round-robin, so one student's five
 *     submissions never hold back the rest of the class;
 *   - each job has a time limit: a worker that exceeds it is terminated and replaced;
 *   - workers start on the first job (a server that never scores runs none) and receive each
 *     corpus once, then only weights.
 * The main thread only posts messages: tfjs never runs on the event loop.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ScoreResult } from "../../lib/leaderboard/score";
import type { EvalBackend, EvalWorkerData, FromEvalWorker, ToEvalWorker } from "./messages";

export interface PoolOptions {
  /** Worker threads. */
  size: number;
  /** Longest one job may take (ms) before its worker is replaced. */
  timeoutMs: number;
  /** Preferred tfjs backend of the workers (default wasm, falling back to cpu). */
  backend?: EvalBackend;
  /** Corpora a worker keeps before forgetting the least recently used. */
  corporaPerWorker?: number;
}

/** A corpus as the workers need it. */
export interface CorpusMaterial {
  train: string;
  window: string;
}

export interface JobInput {
  weights: Uint8Array;
  sample: { text: string; prime: string };
}

export interface PoolJob {
  /** Fairness key: jobs of one owner take turns with other owners' jobs. */
  owner: string;
  corpusKey: string;
  /** Called when a worker is free, right before the job runs (e.g. load weights, mark "evaluating"). */
  start(): Promise<JobInput>;
}

/** Why a job produced no score. `code` is a WeightsFormatError / ScoringError code, or one of the pool's. */
export class EvaluationFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EvaluationFailed";
  }
}

/** The job was not run because the pool closed (it stays queued in the database). */
export class PoolClosed extends Error {
  constructor() {
    super("the evaluation pool closed");
    this.name = "PoolClosed";
  }
}

interface Pending {
  job: PoolJob;
  resolve(result: ScoreResult & { ms: number }): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<EvalBackend>;
  corpora: string[];
  running: { jobId: number; pending: Pending; timer: NodeJS.Timeout } | null;
}

const require = createRequire(import.meta.url);
const WASM_PATH = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/";
/**
 * Worker threads do not inherit tsx's loader on Node 20 (neither by default nor with
 * execArgv ["--import", "tsx"]: "Unknown file extension .ts"), so a tiny script registers tsx
 * in the thread and then imports the TypeScript worker.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./evalWorker.ts", import.meta.url).href)}); })`;

export class EvaluationPool {
  private readonly queues = new Map<string, Pending[]>();
  /** Owners with waiting jobs, in round-robin order. */
  private readonly turn: string[] = [];
  private readonly slots: Slot[] = [];
  private nextJobId = 0;
  private closed = false;
  /** Backend the workers run on (known once one has started). */
  backend: EvalBackend | null = null;

  constructor(
    private readonly options: PoolOptions,
    private readonly loadCorpus: (key: string) => Promise<CorpusMaterial>,
  ) {}

  /** Jobs waiting for a worker. */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Queues a job; resolves with its scores or rejects with EvaluationFailed / PoolClosed. */
  run(job: PoolJob): Promise<ScoreResult & { ms: number }> {
    if (this.closed) return Promise.reject(new PoolClosed());
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(job.owner);
      if (queue) queue.push({ job, resolve, reject });
      else {
        this.queues.set(job.owner, [{ job, resolve, reject }]);
        this.turn.push(job.owner);
      }
      this.fill();
      this.dispatch();
    });
  }

  /** Terminates the workers; waiting and running jobs reject with PoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queue of this.queues.values()) for (const p of queue) p.reject(new PoolClosed());
    this.queues.clear();
    this.turn.length = 0;
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        if (slot.running) {
          clearTimeout(slot.running.timer);
          slot.running.pending.reject(new PoolClosed());
          slot.running = null;
        }
        await slot.worker.terminate();
      }),
    );
  }

  /** Starts workers up to the pool size (lazily: only once there is work). */
  private fill(): void {
    while (!this.closed && this.slots.length < this.options.size) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const data: EvalWorkerData = { backend: this.options.backend ?? "wasm", wasmPath: WASM_PATH };
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: data });
    worker.unref();
    const slot: Slot = { worker, corpora: [], running: null, ready: Promise.resolve("cpu") };
    slot.ready = new Promise<EvalBackend>((resolve, reject) => {
      const onMessage = (message: FromEvalWorker) => {
        if (message.type !== "ready") return;
        worker.off("message", onMessage);
        this.backend = message.backend;
        resolve(message.backend);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    worker.on("message", (message: FromEvalWorker) => this.onMessage(slot, message));
    worker.on("error", (error) => this.onWorkerDied(slot, new EvaluationFailed("CRASHED", `the evaluation worker failed: ${error.message}`)));
    worker.on("exit", (code) => this.onWorkerDied(slot, new EvaluationFailed("CRASHED", `the evaluation worker exited (${code})`)));
    return slot;
  }

  /** A worker that died or was terminated: fail its job (unless already settled) and replace it. */
  private onWorkerDied(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced, or the pool closed
    this.slots.splice(index, 1);
    if (slot.running) {
      clearTimeout(slot.running.timer);
      slot.running.pending.reject(error);
      slot.running = null;
    }
    if (!this.closed && this.waiting > 0) {
      this.fill();
      this.dispatch();
    }
  }

  private onMessage(slot: Slot, message: FromEvalWorker): void {
    if (message.type === "ready" || !slot.running || slot.running.jobId !== message.jobId) return;
    const { pending, timer } = slot.running;
    clearTimeout(timer);
    slot.running = null;
    if (message.type === "result") pending.resolve({ ...message.result, ms: message.ms });
    else pending.reject(new EvaluationFailed(message.code, message.message));
    this.dispatch();
  }

  /** The next job in round-robin order of owners. */
  private takeNext(): Pending | undefined {
    const owner = this.turn.shift();
    if (owner === undefined) return undefined;
    const queue = this.queues.get(owner) ?? [];
    const next = queue.shift();
    if (queue.length > 0) this.turn.push(owner);
    else this.queues.delete(owner);
    return next;
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.running || this.turn.length === 0) continue;
      const pending = this.takeNext();
      if (pending) void this.runOn(slot, pending);
    }
  }

  private async runOn(slot: Slot, pending: Pending): Promise<void> {
    const jobId = ++this.nextJobId;
    // Reserve the slot at once (the timer starts when the job is posted).
    slot.running = { jobId, pending, timer: setTimeout(() => undefined, 0) };
    try {
      await slot.ready;
      const [input, corpus] = await Promise.all([pending.job.start(), this.ensureCorpus(slot, pending.job.corpusKey)]);
      if (this.closed || slot.running?.jobId !== jobId) return;
      if (corpus) this.post(slot, { type: "corpus", key: pending.job.corpusKey, ...corpus });
      slot.running.timer = setTimeout(() => {
        void slot.worker.terminate(); // the exit handler replaces the worker…
        this.onWorkerDied(slot, new EvaluationFailed("TIMEOUT", `evaluation took longer than ${Math.round(this.options.timeoutMs / 1000)} s`));
      }, this.options.timeoutMs);
      const weights = input.weights.slice(); // a copy the worker may own
      this.post(slot, { type: "job", jobId, corpusKey: pending.job.corpusKey, weights, sample: input.sample }, [weights.buffer]);
    } catch (error) {
      if (slot.running?.jobId === jobId) {
        clearTimeout(slot.running.timer);
        slot.running = null;
      }
      pending.reject(error instanceof Error ? error : new Error(String(error)));
      this.dispatch();
    }
  }

  /** The corpus material to send first, or null when this worker already has it. */
  private async ensureCorpus(slot: Slot, key: string): Promise<CorpusMaterial | null> {
    const at = slot.corpora.indexOf(key);
    if (at >= 0) {
      slot.corpora.splice(at, 1);
      slot.corpora.push(key);
      return null;
    }
    const material = await this.loadCorpus(key);
    slot.corpora.push(key);
    while (slot.corpora.length > (this.options.corporaPerWorker ?? 4)) {
      const old = slot.corpora.shift();
      if (old !== undefined) this.post(slot, { type: "forget", key: old });
    }
    return material;
  }

  private post(slot: Slot, message: ToEvalWorker, transfer: ArrayBuffer[] = []): void {
    slot.worker.postMessage(message, transfer);
  }
}
