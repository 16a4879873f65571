/**
 * Real server processes for tests of start-up, shutdown and restarts: test/helpers/serverProcess.ts
 * (server/main.ts without the Next.js pages) in a child process, with its stderr and exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";

const ENTRY = join(import.meta.dirname, "serverProcess.ts");

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

export function startProcess(env: Record<string, string>): { child: ChildProcess; listening: Promise<number>; exited: Promise<Exited> } {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<Exited>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stderr })));
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
      const port = /on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      if (port) resolve(Number(port));
    });
    void exited.then((e) => reject(new Error(`the server exited (${e.code}) before listening: ${e.stderr}`)));
  });
  listening.catch(() => undefined);
  return { child, listening, exited };
}

/** A port nothing listens on right now (to restart a server on the same address). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
