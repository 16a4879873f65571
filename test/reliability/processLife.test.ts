/**
 * A server process's life (server/RELIABILITY.md R4–R6): every start-up failure prints one line
 * and exits 1; SIGTERM always ends the process. Each case runs a real process
 * (test/helpers/serverProcess.ts: server/main.ts without the Next.js pages).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SUBMISSION_UPLOAD_PATH } from "../../lib/protocol/leaderboard";
import { startProcess, type Exited } from "../helpers/processes";

const SECRET = "process-test-secret-process-test-secret-01";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "rnn-classroom-process-"));
}

/** One line on stderr, and exit code 1. */
function assertOneLineFailure(exited: Exited, pattern: RegExp) {
  assert.equal(exited.code, 1, `exit code (stderr: ${exited.stderr})`);
  const lines = exited.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line on stderr, got:\n${exited.stderr}`);
  assert.match(lines[0], pattern);
}

describe("a server process starts or says why not, and always stops", () => {
  it("R4: SIGTERM ends the process even while an upload is still being sent", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const server = startProcess({ DATABASE_URL: `file:${join(dir, "db.sqlite")}`, DATA_DIR: dir, SESSION_SECRET: SECRET });
    try {
      const port = await server.listening;
      const upload = connect(port, "127.0.0.1");
      const closedByServer = new Promise((resolve) => upload.once("close", resolve));
      upload.on("error", () => undefined);
      await new Promise((resolve) => upload.once("connect", resolve));
      upload.write(`POST ${SUBMISSION_UPLOAD_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n`);
      // The framing's first bytes only: a 100-byte metadata length and 10 bytes of it, so the server
      // is still waiting for the rest of the upload (it reads the metadata before the weights, W13).
      const head = Buffer.alloc(14);
      head.writeUInt32LE(100, 0);
      head.write('{"ticket":"', 4);
      upload.write(head);
      server.child.kill("SIGTERM");
      const exited = await server.exited;
      assert.equal(exited.code, 0, `a clean exit (stderr: ${exited.stderr})`);
      await closedByServer;
    } finally {
      server.child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("R5: the port in use — one line, exit code 1", { timeout: 60_000 }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const dir = tempDir();
    try {
      const port = (taken.address() as AddressInfo).port;
      const server = startProcess({ PORT: String(port), DATABASE_URL: `file:${join(dir, "db.sqlite")}`, DATA_DIR: dir, SESSION_SECRET: SECRET });
      assertOneLineFailure(await server.exited, new RegExp(`port ${port} is already in use`));
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("R5: Redis unreachable — one line, exit code 1", { timeout: 60_000 }, async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // a port where nothing listens
    const dir = tempDir();
    try {
      const server = startProcess({
        REDIS_URL: `redis://127.0.0.1:${port}`,
        DATABASE_URL: `file:${join(dir, "db.sqlite")}`,
        DATA_DIR: dir,
        SESSION_SECRET: SECRET,
      });
      assertOneLineFailure(await server.exited, /Redis is unreachable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("R5: a read-only database (a read-only filesystem) — one line, exit code 1", { timeout: 60_000 }, async () => {
    const mountPoint = tempDir();
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint], { stdio: "pipe" });
    } catch (error) {
      throw new Error(`this test needs to mount a tmpfs (run it as root, as CI does): ${(error as Error).message}`);
    }
    try {
      const env = { DATABASE_URL: `file:${join(mountPoint, "db.sqlite")}`, DATA_DIR: mountPoint, SESSION_SECRET: SECRET };
      const first = startProcess(env);
      await first.listening;
      first.child.kill("SIGTERM");
      assert.equal((await first.exited).code, 0);
      execFileSync("mount", ["-o", "remount,ro", mountPoint]);
      assertOneLineFailure(await startProcess(env).exited, /read-?only|readonly|unable to open/i);
    } finally {
      execFileSync("umount", [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  it(
    "R7: a second server on the same SQLite file is refused — one line, exit code 1; after the first is killed (-9) a new one starts",
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const env = { DATABASE_URL: `file:${join(dir, "db.sqlite")}`, DATA_DIR: dir, SESSION_SECRET: SECRET };
      const first = startProcess(env);
      try {
        await first.listening;
        assertOneLineFailure(await startProcess(env).exited, /another server is already running on the SQLite database/);
        first.child.kill("SIGKILL");
        await first.exited;
        const third = startProcess(env);
        await third.listening;
        third.child.kill("SIGTERM");
        assert.equal((await third.exited).code, 0);
      } finally {
        first.child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("R6: REDIS_URL without an explicit SESSION_SECRET is refused — one line, exit code 1", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    try {
      const server = startProcess({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: `file:${join(dir, "db.sqlite")}`, DATA_DIR: dir });
      assertOneLineFailure(await server.exited, /SESSION_SECRET must be set/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
