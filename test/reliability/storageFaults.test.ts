/**
 * Storage faults (server/RELIABILITY.md R1–R2) on a real filesystem: the SQLite database lives on a
 * small tmpfs that the test mounts (CI runs as root) and fills up. Mounting is part of the test: if
 * it is impossible here, the test fails and says so.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ApiClient } from "../helpers/clients";
import { instructorWithSession } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";

const TMPFS_SIZE = "24m";

/** Writes a file until the filesystem is full; returns its path (delete it to free the space). */
function fillUp(dir: string): string {
  const path = join(dir, "filler");
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  // The last pages: a partially filled chunk can leave a few bytes.
  const fd2 = openSync(join(dir, "filler-tail"), "w");
  try {
    for (;;) writeSync(fd2, Buffer.alloc(512, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd2);
  }
  return path;
}

function freeUp(dir: string): void {
  unlinkSync(join(dir, "filler"));
  unlinkSync(join(dir, "filler-tail"));
}

describe("storage faults on a full disk (SQLite on a tmpfs)", () => {
  let mountPoint: string;
  let server: TestServer;

  before(async () => {
    mountPoint = mkdtempSync(join(tmpdir(), "rnn-classroom-tmpfs-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${TMPFS_SIZE}`, "tmpfs", mountPoint], { stdio: "pipe" });
    } catch (error) {
      throw new Error(`this test needs to mount a tmpfs (run it as root, as CI does): ${(error as Error).message}`);
    }
    const url = `file:${join(mountPoint, "classroom.db")}`;
    server = await startTestServer({ database: { url, drop: async () => undefined } });
  });

  after(async () => {
    await server?.stop();
    execFileSync("umount", [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it(
    "R1: a write that fails on a full disk fails that request only; once space is back every kind of write works and /api/health answers",
    { timeout: 60_000 },
    async () => {
      const scenario = await instructorWithSession(server);
      const roster = Array.from({ length: 300 }, (_, i) => `학생 ${i}`).join("\n");

      fillUp(mountPoint);
      try {
        const refused = await scenario.api.call("createClass", { body: { name: "가득 찬 디스크", roster } });
        assert.equal(refused.status, 503, JSON.stringify(refused.reply));
        assert.equal(refused.reply.ok, false);
        if (!refused.reply.ok) assert.equal(refused.reply.error.code, "UNAVAILABLE");
        const instructor = await server.db.instructor.findFirstOrThrow();
        await assert.rejects(
          server.db.$transaction(async (tx) => tx.class.create({ data: { instructorId: instructor.id, name: "x".repeat(200_000) } })),
          /full/,
        );
      } finally {
        freeUp(mountPoint);
      }

      const created = await scenario.api.ok("createClass", { body: { name: "디스크 비운 뒤", roster } });
      assert.equal(created.class.students.length, 300);
      const renamed = await server.db.$transaction(async (tx) => tx.class.update({ where: { id: created.class.id }, data: { name: "트랜잭션" } }));
      assert.equal(renamed.name, "트랜잭션");
      const moved = await server.db.classSession.updateMany({ where: { id: scenario.sessionId }, data: { status: "live" } });
      assert.equal(moved.count, 1);
      const health = await new ApiClient(server.url).call("health");
      assert.equal(health.status, 200);
      scenario.console.close();
    },
  );

  it("R2: a write made by another request while a transaction is open is not rolled back with that transaction", async () => {
    const instructor = await server.db.instructor.findFirstOrThrow();
    let outside: Promise<unknown> | undefined;
    await assert.rejects(
      server.db.$transaction(async (tx) => {
        await tx.class.create({ data: { instructorId: instructor.id, name: "rolled back" } });
        outside = server.db.class.create({ data: { instructorId: instructor.id, name: "kept" } });
        throw new Error("abort this transaction");
      }),
      /abort this transaction/,
    );
    await outside;
    assert.equal(await server.db.class.count({ where: { name: "rolled back" } }), 0);
    assert.equal(await server.db.class.count({ where: { name: "kept" } }), 1);
  });

  it("R3: /api/health queries the database: 503 while the database does not answer, 200 again once it does", async () => {
    const api = new ApiClient(server.url);
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    // An open transaction holds SQLite's one connection: nothing else can query until it ends.
    const holder = server.db.$transaction(async () => held, { timeout: 30_000 });
    const stuck = await api.call("health");
    assert.equal(stuck.status, 503);
    assert.equal(stuck.reply.ok ? "ok" : stuck.reply.error.code, "UNAVAILABLE");
    letGo();
    await holder;
    assert.equal((await api.call("health")).status, 200);
  });
});
