/**
 * The live training session over real sockets: push, groups, run control, telemetry rules and
 * restart recovery (rule IDs from lib/training/SPEC.md), on every database kind.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connectClient, nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { createDb } from "../../server/db/client";

for (const kind of DB_KINDS) {
  describe(`live training (${kind})`, () => {
    let server: TestServer;
    let clock = Date.now();
    before(async () => {
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("T10: a push reaches every connected student and late joiners; a new push supersedes the old", async () => {
      const t = await instructorWithSession(server);
      const a = await joinAsGuest(server, t.code, "A");
      const b = await joinAsGuest(server, t.code, "B");
      const arrivals = [a, b].map((s) => nextEvent(s.socket, "training:model"));
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok, JSON.stringify(pushed));
      for (const arrival of await Promise.all(arrivals)) assert.equal(arrival.modelSession.id, pushed.data.modelSession.id);
      assert.equal(pushed.data.run.status, "ready");

      const late = await joinAsGuest(server, t.code, "Late");
      const sync = await request(late.socket, "training:sync", {});
      assert.ok(sync.ok && sync.data.modelSession?.id === pushed.data.modelSession.id && sync.data.modelSession.config.hiddenSize === 32);

      const second = nextEvent(a.socket, "training:model");
      const again = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec({ budgetMinutes: 5 }) });
      assert.ok(again.ok && again.data.modelSession.version === 2);
      assert.equal((await second).modelSession.version, 2);
      await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
      clock += 1000;
      const stale = await request(a.socket, "training:report", telemetry(pushed.data.modelSession.id, 5));
      assert.ok(stale.ok && !stale.data.accepted && stale.data.reason === "STALE_MODEL_SESSION");
      for (const s of [a, b, late]) s.socket.close();
      t.console.close();
    });

    it("T4: ablation groups are balanced, late joiners fill the smallest group, and the instructor can move a student", async () => {
      const t = await instructorWithSession(server);
      const students = await Promise.all(["s1", "s2", "s3", "s4"].map((n) => joinAsGuest(server, t.code, n)));
      const groupsSeen = students.map((s) => nextEvent(s.socket, "training:group"));
      const spec = tinySpec({
        groups: [
          { label: "LSTM", overrides: { cell: "lstm" } },
          { label: "GRU", overrides: { cell: "gru" } },
        ],
      });
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
      assert.ok(pushed.ok);
      const [lstm, gru] = pushed.data.modelSession.groups;
      const got = (await Promise.all(groupsSeen)).map((g) => g.groupId);
      assert.equal(got.filter((g) => g === lstm.id).length, 2);
      assert.equal(got.filter((g) => g === gru.id).length, 2);

      const late = await joinAsGuest(server, t.code, "s5");
      const sync = await request(late.socket, "training:sync", {});
      assert.ok(sync.ok && sync.data.groupId !== null);
      const lateGroup = sync.data.groupId;

      const target = students[0];
      const currentGroup = got[0];
      const otherGroup = currentGroup === lstm.id ? gru.id : lstm.id;
      const moved = nextEvent(target.socket, "training:group", (g) => g.groupId === otherGroup);
      const reply = await request(t.console, "training:assign", { sessionId: t.sessionId, participantId: target.participantId, groupId: otherGroup });
      assert.ok(reply.ok && reply.data.assignments[target.participantId] === otherGroup);
      await moved;
      const resync = await request(late.socket, "training:sync", {});
      assert.ok(resync.ok && resync.data.groupId === lateGroup, "a student keeps their group across syncs");

      const bogus = await request(t.console, "training:assign", { sessionId: t.sessionId, participantId: target.participantId, groupId: "nope" });
      assert.ok(!bogus.ok && bogus.error.code === "NOT_FOUND");
      for (const s of [...students, late]) s.socket.close();
      t.console.close();
    });

    it("T1: run control reaches everyone; illegal moves and students' attempts are refused", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsGuest(server, t.code, "runner");
      const early = await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
      assert.ok(!early.ok && early.error.code === "CONFLICT", "nothing to start before a push");
      await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      const illegal = await request(t.console, "training:control", { sessionId: t.sessionId, action: "pause" });
      assert.ok(!illegal.ok && illegal.error.code === "CONFLICT");
      const byStudent = await request(student.socket, "training:control", { sessionId: t.sessionId, action: "start" });
      assert.ok(!byStudent.ok && byStudent.error.code === "FORBIDDEN");

      for (const [action, status] of [
        ["start", "running"],
        ["pause", "paused"],
        ["resume", "running"],
        ["stop", "stopped"],
      ] as const) {
        const seen = nextEvent(student.socket, "training:run", (r) => r.status === status);
        const reply = await request(t.console, "training:control", { sessionId: t.sessionId, action });
        assert.ok(reply.ok && reply.data.run.status === status, action);
        await seen;
      }
      const restart = await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
      assert.ok(!restart.ok && restart.error.code === "CONFLICT", "a stopped run stays stopped until a new push");
      student.socket.close();
      t.console.close();
    });

    it("T6: pushes with out-of-range hyper-parameters are refused with field errors", async () => {
      const t = await instructorWithSession(server);
      const bad = [
        tinySpec({ config: { ...tinySpec().config, hiddenSize: 10_000 } }),
        tinySpec({ config: { ...tinySpec().config, learningRate: -1 } }),
        tinySpec({ budgetMinutes: 0 }),
        tinySpec({ groups: [{ label: "only", overrides: {} }] }),
        tinySpec({ corpus: "../../etc/passwd" }),
        tinySpec({ studentKnobs: [{ field: "learningRate", min: 0.02, max: 0.05 }] }), // pushed 0.01 lies outside
      ];
      for (const spec of bad) {
        const reply = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
        assert.ok(!reply.ok && reply.error.code === "BAD_REQUEST" && reply.error.issues, JSON.stringify(spec).slice(0, 200));
      }
      t.console.close();
    });

    it("T7/T9: telemetry is validated, throttled and counted; the instructor receives progress about once a second", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsRoster(server, t.code, t.students["김민지"]);
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok);
      const ms = pushed.data.modelSession.id;
      const notYet = await request(student.socket, "training:report", telemetry(ms, 1));
      assert.ok(notYet.ok && notYet.data.reason === "NOT_RUNNING");
      await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });

      const progress = nextEvent(t.console, "training:progress", (p) => p.entries.some((e) => e.participantId === student.participantId && e.step === 10));
      clock += 1000;
      const ok = await request(student.socket, "training:report", telemetry(ms, 10));
      assert.ok(ok.ok && ok.data.accepted);
      const entry = (await progress).entries.find((e) => e.participantId === student.participantId);
      assert.equal(entry?.sample, "sample at 10");
      assert.equal(entry?.backend, "wasm");

      const tooSoon = await request(student.socket, "training:report", telemetry(ms, 11));
      assert.ok(tooSoon.ok && tooSoon.data.reason === "THROTTLED");
      clock += 1000;
      const backwards = await request(student.socket, "training:report", telemetry(ms, 3));
      assert.ok(backwards.ok && backwards.data.reason === "STEP_BACKWARDS");
      const nan = await request(student.socket, "training:report", telemetry(ms, 12, { trainLoss: NaN }));
      assert.ok(nan.ok && nan.data.reason === "NON_FINITE_LOSS", "NaN travels as null in JSON and is dropped");

      const invalid = [
        telemetry(ms, -1),
        telemetry(ms, 1.5),
        telemetry(ms, 20, { charsPerSec: 1e12 }),
        telemetry(ms, 20, { sample: "x".repeat(401) }),
        telemetry(ms, 20, { trainLoss: 1e9 }),
        { ...telemetry(ms, 20), backend: "quantum" },
      ];
      for (const r of invalid) {
        const reply = await request(student.socket, "training:report", r);
        assert.ok(!reply.ok && reply.error.code === "BAD_REQUEST", JSON.stringify(r).slice(0, 120));
      }
      const fromInstructor = await request(t.console, "training:report", telemetry(ms, 20));
      assert.ok(!fromInstructor.ok && fromInstructor.error.code === "FORBIDDEN");

      const flagged = nextEvent(t.console, "training:progress", (p) =>
        p.entries.some((e) => e.participantId === student.participantId && e.flags.includes("nan")),
      );
      const dropped = (await flagged).dropped;
      assert.ok((dropped.THROTTLED ?? 0) >= 1 && (dropped.STEP_BACKWARDS ?? 0) >= 1 && (dropped.NON_FINITE_LOSS ?? 0) >= 1, JSON.stringify(dropped));

      const view = await request(t.console, "training:classSync", { sessionId: t.sessionId });
      assert.ok(view.ok);
      assert.equal(view.data.progress.find((p) => p.participantId === student.participantId)?.step, 10, "dropped reports are never stored as truth");
      assert.ok(view.data.history.some((h) => h.participantId === student.participantId && h.step === 10));
      student.socket.close();
      t.console.close();
    });

    it("spotlight: the instructor picks a student and everyone in the session hears it", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsGuest(server, t.code, "star");
      const heard = nextEvent(student.socket, "training:spotlight");
      const reply = await request(t.console, "training:spotlight", { sessionId: t.sessionId, participantId: student.participantId });
      assert.ok(reply.ok);
      assert.equal((await heard).participantId, student.participantId);
      const foreign = await request(t.console, "training:spotlight", { sessionId: t.sessionId, participantId: "someone-else" });
      assert.ok(!foreign.ok && foreign.error.code === "NOT_FOUND");
      student.socket.close();
      t.console.close();
    });
  });
}

describe("training survives a server restart", () => {
  it("model session, run, groups and telemetry history come back; students carry on", async () => {
    let clock = Date.now();
    const server = await startTestServer({ now: () => clock });
    const t = await instructorWithSession(server);
    const student = await joinAsGuest(server, t.code, "stayer");
    const spec = tinySpec({
      groups: [
        { label: "A", overrides: { hiddenSize: 16 } },
        { label: "B", overrides: { hiddenSize: 64 } },
      ],
    });
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok);
    const group = (await request(student.socket, "training:sync", {})) as { ok: true; data: { groupId: string } };
    await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
    clock += 1000;
    assert.ok((await request(student.socket, "training:report", telemetry(pushed.data.modelSession.id, 42))).ok);
    student.socket.close();
    t.console.close();
    await server.stop(); // flushes progress and history

    const restarted = await startTestServer({ database: server.database, now: () => clock });
    try {
      const back = await connectClient(restarted.url);
      const rejoined = await request(back, "session:rejoin", { rejoinToken: student.token });
      assert.ok(rejoined.ok);
      const sync = await request(back, "training:sync", {});
      assert.ok(sync.ok);
      assert.equal(sync.data.modelSession?.id, pushed.data.modelSession.id);
      assert.equal(sync.data.run?.status, "running");
      assert.equal(sync.data.groupId, group.data.groupId);

      const console2 = await connectClient(restarted.url, { cookie: t.api.cookie });
      assert.ok((await request(console2, "instructor:attach", { sessionId: t.sessionId })).ok);
      const view = await request(console2, "training:classSync", { sessionId: t.sessionId });
      assert.ok(view.ok);
      assert.equal(view.data.progress[0]?.step, 42);
      assert.equal(view.data.history[0]?.step, 42);
      clock += 1000;
      const more = await request(back, "training:report", telemetry(pushed.data.modelSession.id, 43));
      assert.ok(more.ok && more.data.accepted, "the student carries on where they were");
      back.close();
      console2.close();
    } finally {
      await restarted.close();
    }
  });

  it("T3: a run whose budget ran out while the server was down is stopped on start-up", async () => {
    const server = await startTestServer();
    const t = await instructorWithSession(server);
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec({ budgetMinutes: 1 }) });
    assert.ok(pushed.ok);
    await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
    t.console.close();
    await server.stop();
    // The run started 61 s ago as far as the database is concerned.
    const db = createDb(server.database.url);
    await db.modelSession.update({ where: { id: pushed.data.modelSession.id }, data: { resumedAt: new Date(Date.now() - 61_000) } });
    await db.$disconnect();

    const restarted = await startTestServer({ database: server.database });
    try {
      const console2 = await connectClient(restarted.url, { cookie: t.api.cookie });
      assert.ok((await request(console2, "instructor:attach", { sessionId: t.sessionId })).ok);
      const stopped = await (async () => {
        for (;;) {
          const row = await restarted.db.modelSession.findUniqueOrThrow({ where: { id: pushed.data.modelSession.id } });
          if (row.runStatus === "stopped") return row;
          await nextTick();
        }
      })();
      assert.equal(stopped.elapsedMs, 60_000);
      console2.close();
    } finally {
      await restarted.close();
    }
  });
});

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
