/**
 * The class model's aggregation thread (aggregateWorker.ts), started on first use, one job at a time.
 * tfjs never runs on the event loop: the main thread only transfers bytes.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { AggregateJob, AggregateOutcome, AggregateWorkerData, FromAggregateWorker } from "./messages";

const require = createRequire(import.meta.url);
const WASM_PATH = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/";
/** Worker threads do not inherit tsx's loader (see server/evaluation/pool.ts): register it first. */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./aggregateWorker.ts", import.meta.url).href)}); })`;

type JobInput = Omit<AggregateJob, "type" | "jobId">;

export class Aggregator {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, { resolve(o: AggregateOutcome): void; reject(e: Error): void }>();
  private nextJobId = 0;
  /** Jobs run one after another: a round's aggregation is CPU-bound and the worker has one thread. */
  private queue: Promise<unknown> = Promise.resolve();

  run(input: JobInput): Promise<AggregateOutcome> {
    const job = this.queue.then(() => this.post(input));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    for (const p of this.pending.values()) p.reject(new Error("the aggregator closed"));
    this.pending.clear();
    await worker?.terminate();
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const data: AggregateWorkerData = { wasmPath: WASM_PATH };
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: data });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (message: FromAggregateWorker) => {
        if (message.type === "ready") return resolve();
        const p = this.pending.get(message.jobId);
        this.pending.delete(message.jobId);
        if (message.type === "done") p?.resolve(message.outcome);
        else p?.reject(new Error(`aggregation failed: ${message.message}`));
      });
      worker.once("error", reject);
      worker.on("exit", () => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        for (const p of this.pending.values()) p.reject(new Error("the aggregation worker exited"));
        this.pending.clear();
      });
    });
    return this.ready;
  }

  private async post(input: JobInput): Promise<AggregateOutcome> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error("the aggregator closed");
    const jobId = ++this.nextJobId;
    const updates = input.updates.map((u) => ({ ...u, bytes: u.bytes.slice() })); // copies the worker may own
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      const job: AggregateJob = { type: "aggregate", jobId, ...input, updates };
      worker.postMessage(
        job,
        updates.map((u) => u.bytes.buffer as ArrayBuffer),
      );
    });
  }
}
