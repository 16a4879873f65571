/** Small statistics helpers shared by the benchmark scripts. */
import { fork, type ChildProcess } from "node:child_process";

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface ServerStats {
  loopLagP50Ms: number;
  loopLagP99Ms: number;
  /** The longest single stall of the event loop since the reset. */
  loopLagMaxMs: number;
  rssMb: number;
  cpuPercent: number;
}

/** The application in a child process (scripts/bench/serverProcess.ts), driven over IPC. */
export class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<BenchServer> {
    const child = fork(new URL("./serverProcess.ts", import.meta.url).pathname, [], {
      execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.on("message", (m: { type: string; port?: number }) => m.type === "ready" && resolve(m.port ?? 0));
    });
    return new BenchServer(child, `http://127.0.0.1:${port}`);
  }

  private ask<T>(type: string, reply: string): Promise<T> {
    return new Promise((resolve) => {
      const listener = (m: { type: string }) => {
        if (m.type !== reply) return;
        this.child.off("message", listener);
        resolve(m as T);
      };
      this.child.on("message", listener);
      this.child.send({ type });
    });
  }

  resetStats(): Promise<void> {
    return this.ask("reset", "reset-done");
  }

  stats(): Promise<ServerStats> {
    return this.ask("stats", "stats");
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send({ type: "exit" });
    await exited;
  }
}
