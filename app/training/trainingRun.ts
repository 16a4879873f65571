/**
 * A training run as a page sees it: a zustand store that owns the Web Worker, mirrors its
 * progress (loss curve, speed, backend and why), keeps a progression log of samples (noise turning
 * into words), checkpoints to IndexedDB so a reload resumes, and offers sampling and weights export.
 * The lab and the live session's student page each create one with `createTrainingRun()`.
 */
import { create } from "zustand";
import type { CharRNNConfig } from "../../lib/engine/config";
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint, type HistoryPoint, type LogEntry } from "./checkpoints";
import type { BackendChoice, BackendName, BackendTrial, FromWorker, Progress, ToWorker } from "./messages";

/** Curve points kept; older ones are thinned (every other point) beyond this. */
const MAX_HISTORY = 1_500;
/** Progression log: first sample at this step, then at doubling steps up to LOG_LINEAR_FROM, then every LOG_LINEAR_EVERY. */
const LOG_FIRST_STEP = 10;
const LOG_LINEAR_FROM = 640;
const LOG_LINEAR_EVERY = 500;
const LOG_SAMPLE = { length: 120, temperature: 0.8, topK: 0, seed: 7 };

export type RunStatus = "idle" | "preparing" | "ready" | "training" | "paused" | "error";

export interface PrepareOptions {
  /** Identifies the run for checkpoints (e.g. "lab:<corpus>:<config hash>"). */
  runKey: string;
  config: CharRNNConfig;
  train: string;
  validation: string;
  backend: BackendChoice;
  /** Continue from the stored checkpoint of this run key, if any. */
  resume: boolean;
  /** Weights to start from when there is no stored checkpoint (a model the instructor shared). */
  initialWeights?: Uint8Array;
}

export interface SampleRequest {
  prime: string;
  length: number;
  temperature: number;
  topK: number;
  seed: number;
}

export interface TrainingRunState {
  status: RunStatus;
  error: string | null;
  backend: BackendName | null;
  trials: BackendTrial[];
  progress: Progress | null;
  history: HistoryPoint[];
  log: LogEntry[];
  /** The sample being generated (or the last one). */
  sample: { text: string; running: boolean };
  resumedFromStep: number | null;
  prepare(options: PrepareOptions): Promise<void>;
  train(): void;
  pause(): void;
  generate(request: SampleRequest): Promise<string>;
  exportWeights(): Promise<{ weights: Uint8Array; step: number }>;
  discard(): Promise<void>;
  dispose(): void;
}

function nextLogStep(step: number): number {
  if (step < LOG_FIRST_STEP) return LOG_FIRST_STEP;
  if (step < LOG_LINEAR_FROM) return step * 2;
  return (Math.floor(step / LOG_LINEAR_EVERY) + 1) * LOG_LINEAR_EVERY;
}

function thin(history: HistoryPoint[]): HistoryPoint[] {
  return history.length <= MAX_HISTORY ? history : history.filter((_, i) => i % 2 === 0 || i === history.length - 1);
}

export function createTrainingRun() {
  let worker: Worker | null = null;
  let options: PrepareOptions | null = null;
  let requestId = 0;
  let logDueAt = LOG_FIRST_STEP;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; onChunk?: (text: string) => void }>();

  return create<TrainingRunState>((set, get) => {
    function send(message: ToWorker, transfer: Transferable[] = []): void {
      worker?.postMessage(message, transfer);
    }

    function request<T>(message: ToWorker & { requestId: number }, onChunk?: (text: string) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.set(message.requestId, { resolve: resolve as (value: never) => void, reject, onChunk });
        send(message);
      });
    }

    async function logSample(step: number) {
      const text = await request<string>({ type: "sample", requestId: ++requestId, prime: "\n", ...LOG_SAMPLE });
      set((s) => ({ log: [...s.log, { step, text }] }));
    }

    function onMessage(message: FromWorker) {
      switch (message.type) {
        case "ready":
          logDueAt = nextLogStep(message.step);
          set({ status: "ready", backend: message.backend, trials: message.trials, resumedFromStep: message.step > 0 ? message.step : null });
          break;
        case "progress": {
          const p = message.progress;
          set((s) => ({ progress: p, history: thin([...s.history, { step: p.step, trainLoss: p.trainLoss, valLoss: p.validated ? p.valLoss : null }]) }));
          if (p.step >= logDueAt) {
            logDueAt = nextLogStep(p.step);
            void logSample(p.step);
          }
          break;
        }
        case "checkpoint":
          if (options) {
            const { history, log } = get();
            void saveCheckpoint({
              runKey: options.runKey,
              config: options.config,
              weights: message.weights,
              step: message.step,
              history,
              log,
              savedAt: Date.now(),
            });
          }
          break;
        case "sampleChunk":
          pending.get(message.requestId)?.onChunk?.(message.text);
          break;
        case "sampleDone":
          pending.get(message.requestId)?.resolve(message.text as never);
          pending.delete(message.requestId);
          break;
        case "exported":
          pending.get(message.requestId)?.resolve({ weights: message.weights, step: message.step } as never);
          pending.delete(message.requestId);
          break;
        case "error":
          set({ status: "error", error: message.message });
          for (const p of pending.values()) p.reject(new Error(message.message));
          pending.clear();
          break;
        default: {
          const exhaustive: never = message;
          throw new Error(`unknown worker message ${JSON.stringify(exhaustive)}`);
        }
      }
    }

    return {
      status: "idle",
      error: null,
      backend: null,
      trials: [],
      progress: null,
      history: [],
      log: [],
      sample: { text: "", running: false },
      resumedFromStep: null,

      async prepare(next) {
        get().dispose();
        options = next;
        const stored = next.resume ? await loadCheckpoint(next.runKey) : undefined;
        const resume = stored && JSON.stringify(stored.config) === JSON.stringify(next.config) ? stored : undefined;
        set({
          status: "preparing",
          error: null,
          backend: null,
          trials: [],
          progress: null,
          history: resume?.history ?? [],
          log: resume?.log ?? [],
          resumedFromStep: resume?.step ?? null,
        });
        worker = new Worker(new URL("./trainer.worker.ts", import.meta.url), { type: "module" });
        worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
        worker.onerror = (event) => set({ status: "error", error: event.message || "the training worker failed" });
        send({
          type: "init",
          config: next.config,
          train: next.train,
          validation: next.validation,
          backend: next.backend,
          resume: resume?.weights ?? next.initialWeights ?? null,
        });
      },
      train() {
        if (get().status !== "ready" && get().status !== "paused") return;
        send({ type: "train" });
        set({ status: "training" });
      },
      pause() {
        if (get().status !== "training") return;
        send({ type: "pause" });
        set({ status: "paused" });
      },
      async generate(sample) {
        set({ sample: { text: "", running: true } });
        try {
          const text = await request<string>({ type: "sample", requestId: ++requestId, ...sample }, (chunk) =>
            set((s) => ({ sample: { text: s.sample.text + chunk, running: true } })),
          );
          set({ sample: { text, running: false } });
          return text;
        } catch (error) {
          set((s) => ({ sample: { text: s.sample.text, running: false } }));
          throw error;
        }
      },
      exportWeights() {
        return request<{ weights: Uint8Array; step: number }>({ type: "export", requestId: ++requestId });
      },
      async discard() {
        const key = options?.runKey;
        get().dispose();
        if (key) await deleteCheckpoint(key);
        set({ status: "idle", progress: null, history: [], log: [], resumedFromStep: null });
      },
      dispose() {
        worker?.terminate();
        worker = null;
        for (const p of pending.values()) p.reject(new Error("the run was closed"));
        pending.clear();
      },
    };
  });
}

export type TrainingRunStore = ReturnType<typeof createTrainingRun>;
