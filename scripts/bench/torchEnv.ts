/**
 * The python3 and the environment the PyTorch reference runs in (bench:train, bench:profile, bench:curve): one thread
 * for torch and for its BLAS, set before torch loads (two pools on two cores fight), and OpenBLAS's
 * kernels named after the CPU's instruction sets.
 *
 * Why the kernels: OpenBLAS 0.3.21 picks its kernels from the CPU model number, and a CPU it does not
 * know, as a virtual machine's generic "Intel(R) Xeon(R) Processor" may be, falls back to Prescott
 * (SSE3). Measured on such a machine (2026-12-01, `torch_train.py`, one thread): 34,635 chars/s on
 * Prescott, 71,878 on SkylakeX. The reference must be PyTorch at its best, so the kernels are chosen
 * from /proc/cpuinfo's flags (the newest family the flags support), also over an OPENBLAS_CORETYPE the
 * machine's environment sets: one machine here sets Haswell for every process, and on its AVX-512 CPU
 * that made PyTorch 1.38× slower (98,534 vs 135,567 chars/s, 2026-12-01). BENCH_OPENBLAS_CORETYPE
 * names the kernels explicitly.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A python3 that has torch (Debian: apt-get install python3-torch), or null. */
export function torchPython(): string | null {
  for (const python of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(python, ["-c", "import torch"], { stdio: "ignore" });
      return python;
    } catch {
      continue;
    }
  }
  return null;
}

/** OpenBLAS core types, newest first, with the CPU flags each needs. */
const CORE_TYPES: [string, string[]][] = [
  ["COOPERLAKE", ["avx512f", "avx512_bf16"]],
  ["SKYLAKEX", ["avx512f", "avx512bw", "avx512vl"]],
  ["HASWELL", ["avx2", "fma"]],
];

function cpuFlags(): Set<string> {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("flags"));
    return new Set(line?.split(":")[1]?.trim().split(/\s+/) ?? []);
  } catch {
    return new Set();
  }
}

export function torchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
  const flags = cpuFlags();
  const chosen = process.env.BENCH_OPENBLAS_CORETYPE ?? CORE_TYPES.find(([, needs]) => needs.every((f) => flags.has(f)))?.[0];
  if (chosen !== undefined) env.OPENBLAS_CORETYPE = chosen;
  return env;
}
