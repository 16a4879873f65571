/**
 * Copies what the browser needs from node_modules into public/ (gitignored, made on install
 * and on build): tfjs' WASM binaries and the threaded build's factory script, served same-origin
 * so cross-origin isolation holds.
 */
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileEngineWasm } from "./engineWasm";

const root = join(import.meta.dirname, "..");
const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
const target = join(root, "public/tfjs");
mkdirSync(target, { recursive: true });
// Timestamps are kept, so a fresh copy does not look like a changed source to `npm start`'s build check.
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith(".wasm"))) cpSync(join(wasmDir, file), join(target, file), { preserveTimestamps: true });
// The threaded build's factory script, unbundled: its pthread workers load it (app/training/wasmThreads.ts).
const pthreadScript = "tfjs-backend-wasm-threaded-simd.js";
cpSync(join(wasmDir, "../wasm-out", pthreadScript), join(target, pthreadScript), { preserveTimestamps: true });
// The engine's own WebAssembly module (lib/engine/wasm), compiled from its AssemblyScript source.
compileEngineWasm();
