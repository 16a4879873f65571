/**
 * PyTorch's training step on demand (scripts/bench/torch_train.py --interleaved): bench:train takes
 * one PyTorch step after each of the engine's timed steps, so the two are timed in the same moments
 * of a machine whose speed changes from minute to minute.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { torchEnv } from "./torchEnv";

export class TorchStepper {
  private readonly waiting: ((line: string) => void)[] = [];

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on("line", (line) => this.waiting.shift()?.(line));
  }

  private next(timeoutMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PyTorch: no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      this.waiting.push((line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, unknown>);
      });
    });
  }

  /** Starts PyTorch on `trainFile` (one thread, `python` must have torch) and waits for its warm-up. */
  static async start(python: string, trainFile: string): Promise<TorchStepper> {
    const child = spawn(python, [join(import.meta.dirname, "torch_train.py"), trainFile, "1", "--interleaved"], { env: torchEnv() });
    const stepper = new TorchStepper(child);
    const ready = await stepper.next(120_000);
    if (ready.ready !== true) throw new Error(`PyTorch did not start: ${JSON.stringify(ready)}`);
    return stepper;
  }

  /** One training step; its time in ms. */
  async step(): Promise<number> {
    const answer = this.next(60_000);
    this.child.stdin.write("step\n");
    return Number((await answer).ms);
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}
