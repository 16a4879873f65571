/**
 * Copies what the browser needs from node_modules into public/ (gitignored, made on install
 * and on build): tfjs' WASM binaries, served same-origin so cross-origin isolation holds.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
const target = join(root, "public/tfjs");
mkdirSync(target, { recursive: true });
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith(".wasm"))) copyFileSync(join(wasmDir, file), join(target, file));
