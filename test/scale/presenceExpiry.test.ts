/**
 * R10: presence expires with its process. The instructor's console is on one server process, a
 * student on another (real child process, sharing PostgreSQL and Redis); when that process dies
 * (`kill -9`) or stops (SIGTERM), the console's roster must show the student as not connected —
 * nothing on the living process would otherwise tell it — while a student on the living process
 * stays connected. Needs DATABASE_URL_PG and REDIS_URL_TEST (.ci/run sets both).
 *
 * The last case is the race the SIGTERM case used to lose now and then: a process that starts and
 * stops cleanly between two heartbeats of another is never seen alive there, so it must be seen
 * leaving some other way (the departures counter).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { nextEvent } from "../helpers/clients";
import { startProcess } from "../helpers/processes";
import { connectRedisPair } from "../../server/redis";
import { PeerWatch } from "../../server/realtime/peerWatch";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";

const redisUrl = process.env.REDIS_URL_TEST;
const SECRET = "test-secret-test-secret-test-secret-0123"; // the one startTestServer uses: both processes must share it (R6)

describe("R10: presence expires with its process", () => {
  for (const [how, signal] of [
    ["is killed (kill -9)", "SIGKILL"],
    ["stops (SIGTERM)", "SIGTERM"],
  ] as const) {
    it(`R10: when the process holding a student ${how}, the instructor on another process sees the student leave`, { timeout: 120_000 }, async () => {
      assert.ok(redisUrl && process.env.DATABASE_URL_PG, "this test needs REDIS_URL_TEST and DATABASE_URL_PG (.ci/run sets both)");
      const dataDir = mkdtempSync(join(tmpdir(), "rnn-classroom-presence-"));
      let living: TestServer | undefined;
      let other: ReturnType<typeof startProcess> | undefined;
      try {
        living = await startTestServer({ kind: "postgresql", env: { REDIS_URL: redisUrl } });
        other = startProcess({ DATABASE_URL: living.database.url, REDIS_URL: redisUrl, SESSION_SECRET: SECRET, DATA_DIR: dataDir });
        const otherUrl = `http://127.0.0.1:${await other.listening}`;
        const t = await instructorWithSession(living);
        const bothThere = nextEvent(t.console, "roster:update", (u) => u.participants.filter((p) => p.connected).length === 2);
        const stays = await joinAsGuest(living, t.code, "남는 학생");
        const leaves = await joinAsGuest({ url: otherUrl } as TestServer, t.code, "떠나는 학생");
        await bothThere;

        const update = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === leaves.participantId && !p.connected));
        other.child.kill(signal);
        await other.exited;
        const roster = await update;
        assert.equal(roster.participants.find((p) => p.id === stays.participantId)?.connected, true, "the student on the living process is still connected");
        assert.equal(roster.participants.length, 2, "both stay on the roster; only presence changed");
        stays.socket.close();
        leaves.socket.close();
        t.console.close();
      } finally {
        other?.child.kill("SIGKILL");
        await other?.exited;
        await living?.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  it("R10: a process that starts and stops between two of another's heartbeats is still seen leaving", { timeout: 30_000 }, async () => {
    assert.ok(redisUrl, "this test needs REDIS_URL_TEST (.ci/run sets it)");
    const [watcherRedis, shortRedis] = await connectRedisPair(redisUrl);
    let rostersResent = 0;
    let resent!: () => void;
    const resentOnce = new Promise<void>((resolve) => (resent = resolve));
    const watcher = new PeerWatch(watcherRedis, () => {
      rostersResent += 1;
      resent();
    });
    const shortLived = new PeerWatch(shortRedis, () => undefined);
    try {
      await watcher.start(); // its next beat is a heartbeat away
      await shortLived.start();
      await shortLived.stop(); // both well within that heartbeat
      await resentOnce;
      assert.ok(rostersResent >= 1, "the watcher re-sent its rosters after the short-lived process left");
    } finally {
      await watcher.stop();
      await Promise.all([watcherRedis, shortRedis].map((c) => c.quit()));
    }
  });
});
