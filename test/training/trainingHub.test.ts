/**
 * The training hub on its own: no Socket.IO, a recording outlet, an injected clock, a real
 * database (the test server's, for the session rows it needs). What the hub decides reaches the
 * outlet — the server's outlet only forwards it to rooms (server/realtime/trainingEvents.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ProgressEntry, RunState } from "../../lib/protocol/training";
import { pushModelSession } from "../../server/domain/modelSessions";
import { TrainingHub, type TrainingOutlet } from "../../server/realtime/trainingHub";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";

function recordingOutlet() {
  const seen = { runs: [] as [string, RunState][], progress: [] as ProgressEntry[][], changed: [] as string[], spotlights: [] as (string | null)[] };
  const outlet: TrainingOutlet = {
    run: (sessionId, run) => seen.runs.push([sessionId, run]),
    spotlight: (_sessionId, participantId) => seen.spotlights.push(participantId),
    progress: (_sessionId, update) => seen.progress.push(update.entries),
    changed: (sessionId) => seen.changed.push(sessionId),
    onChangedElsewhere: () => {},
  };
  return { outlet, seen };
}

describe("training hub without Socket.IO", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("T2/T3: run moves reach the outlet on the injected clock, other processes are told, telemetry reaches instructors on flush", async () => {
    const t = await instructorWithSession(server);
    const student = await joinAsGuest(server, t.code, "Solo");
    let clock = 1_000_000;
    const { outlet, seen } = recordingOutlet();
    const hub = new TrainingHub(outlet, server.db, () => clock);
    try {
      const { record, assignments } = await pushModelSession(server.db, t.sessionId, tinySpec({ budgetMinutes: 2 }), [student.participantId]);
      await hub.replaceModelSession(t.sessionId, record, assignments, false);
      const started = await hub.control(t.sessionId, "start");
      assert.equal(started.status, "running");
      assert.deepEqual(
        seen.runs.map(([sessionId, run]) => [sessionId, run.status]),
        [[t.sessionId, "running"]],
      );
      assert.ok(seen.changed.includes(t.sessionId), "a run move is announced to other processes");

      clock += 30_000; // half a minute of the two-minute budget, on the hub's clock
      const paused = await hub.control(t.sessionId, "pause");
      assert.equal(paused.status, "paused");
      assert.equal(seen.runs.at(-1)?.[1].status, "paused");

      await hub.control(t.sessionId, "resume");
      clock += 1_000;
      assert.equal(await hub.report(t.sessionId, student.participantId, telemetry(record.view.id, 5)), null);
      await hub.flush(false);
      assert.deepEqual(
        seen.progress.at(-1)?.map((e) => [e.participantId, e.step]),
        [[student.participantId, 5]],
      );

      await hub.setSpotlight(t.sessionId, student.participantId);
      assert.deepEqual(seen.spotlights, [student.participantId]);
    } finally {
      await hub.stop();
    }
  });
});
