/**
 * tfjs-wasm's multi-threaded SIMD build, surviving a minifying bundler.
 *
 * The build runs XNNPACK on a pool of Emscripten pthread workers. tfjs starts each of them with a
 * "load" message whose `urlOrBlob` is a Blob of the backend's module factory as source text
 * (`factory.toString()`); the worker evaluates it and calls `WasmBackendModuleThreadedSimd`.
 * Minified, that function text refers to names of the bundle's scope, and the worker fails with
 * "n is not defined" (the tfjs-backend-wasm README says to turn minification off). Instead, the
 * package's own unbundled factory script (wasm-out/tfjs-backend-wasm-threaded-simd.js, copied to
 * public/tfjs by scripts/prepare-assets.ts) is served as a static asset, and the pthread workers'
 * "load" message is pointed at it: what Emscripten does when it is not bundled.
 */
import * as tf from "@tensorflow/tfjs";
import { setThreadsCount } from "@tensorflow/tfjs-backend-wasm";

/** Where the unbundled threaded factory script is served (see scripts/prepare-assets.ts). */
export const PTHREAD_SCRIPT_PATH = "/tfjs/tfjs-backend-wasm-threaded-simd.js";

interface PthreadLoad {
  cmd: "load";
  urlOrBlob: unknown;
}

const isPthreadLoad = (message: unknown): message is PthreadLoad =>
  typeof message === "object" && message !== null && (message as { cmd?: unknown }).cmd === "load" && "urlOrBlob" in message;

let installed = false;

/**
 * Makes workers created from now on in this realm (the pthread pool) load the factory from
 * `scriptPath` instead of the Blob. Call before the WASM backend initialises.
 */
export function servePthreadScript(scriptPath = PTHREAD_SCRIPT_PATH): void {
  if (installed || typeof Worker === "undefined") return;
  installed = true;
  const scriptUrl = new URL(scriptPath, self.location.href).href;
  const NativeWorker = Worker;
  class PthreadWorker extends NativeWorker {
    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const patched = isPthreadLoad(message) && typeof message.urlOrBlob !== "string" ? { ...message, urlOrBlob: scriptUrl } : message;
      if (Array.isArray(options)) super.postMessage(patched, options);
      else super.postMessage(patched, options);
    }
  }
  (globalThis as { Worker: typeof Worker }).Worker = PthreadWorker;
}

/** XNNPACK threads tfjs would grant here: it caps them at half the logical cores (two hyper-threads per core). */
export function grantableThreads(): number {
  return Math.floor((typeof navigator === "undefined" ? 1 : (navigator.hardwareConcurrency ?? 1)) / 2);
}

/**
 * Chooses the WASM build before the backend starts: the threaded one where tfjs would grant at least
 * two threads, else the single-threaded SIMD build (the threaded build on one thread only adds its
 * pthread pool's start-up and shared-memory bookkeeping).
 */
export function configureWasmBuild(): void {
  if (grantableThreads() < 2) tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  else servePthreadScript();
}

/** Whether this page can run the threaded build (cross-origin isolated, SharedArrayBuffer). */
export async function threadsAvailable(): Promise<boolean> {
  return Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"));
}

/** Threads of the WASM backend this module started, or null before the first start. */
let startedThreads: number | null = null;

/** The thread count the WASM backend was last started with (null: not started here). */
export function wasmThreads(): number | null {
  return startedThreads;
}

/**
 * (Re)starts the WASM backend with `threads` XNNPACK threads and activates it. tfjs reads the
 * thread count once, when the backend initialises, so a running backend is removed and registered
 * again from its own factory (removal disposes it and terminates its pthreads).
 */
export async function startWasm(threads: number): Promise<boolean> {
  const factory = tf.findBackendFactory("wasm");
  if (factory === null) return false;
  if (startedThreads !== null) {
    if (tf.getBackend() === "wasm") await tf.setBackend("cpu");
    tf.removeBackend("wasm");
    tf.registerBackend("wasm", factory, WASM_PRIORITY);
  }
  setThreadsCount(threads);
  startedThreads = threads;
  try {
    return (await tf.setBackend("wasm")) && tf.getBackend() === "wasm";
  } catch {
    return false;
  }
}

/** tfjs-backend-wasm's registration priority (base.ts). */
const WASM_PRIORITY = 2;
