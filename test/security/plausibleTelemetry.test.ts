/**
 * SS3 (SECURITY.md) = rule T12 (lib/training/SPEC.md): telemetry must be plausible to be believed.
 * One report of step 10,000,000 in the first second used to be accepted (and then passed the
 * leaderboard's minimum-steps rule), steps advanced while the run was paused, and 5,000,000 chars/s
 * reached the instructor as reported.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsRoster } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { minStepMs } from "../../lib/training/rules";

describe("SS3 plausible telemetry", () => {
  let server: TestServer;
  let clock = Date.now();
  before(async () => {
    server = await startTestServer({ now: () => clock });
  });
  after(() => server.close());

  it("SS3/T12: steps beyond what the running time allows are dropped, flagged to the instructor and never stored", async () => {
    const t = await instructorWithSession(server);
    const cheat = await joinAsRoster(server, t.code, t.students["김민지"]);
    const honest = await joinAsRoster(server, t.code, t.students["Lee Jun"]);
    const spec = tinySpec();
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok);
    const ms = pushed.data.modelSession.id;
    assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" })).ok);
    clock += 1000;

    const flagged = nextEvent(t.console, "training:progress", (p) =>
      p.entries.some((e) => e.participantId === cheat.participantId && e.flags.includes("implausible")),
    );
    const jump = await request(cheat.socket, "training:report", telemetry(ms, 10_000_000, { trainLoss: 0 }));
    assert.ok(jump.ok && !jump.data.accepted && jump.data.reason === "IMPLAUSIBLE", JSON.stringify(jump));
    const fast = await request(honest.socket, "training:report", telemetry(ms, 5, { charsPerSec: 5_000_000 }));
    assert.ok(fast.ok && fast.data.reason === "IMPLAUSIBLE", "5,000,000 chars/s is beyond any machine for this configuration");
    clock += 1000;
    assert.ok((await request(cheat.socket, "training:report", telemetry(ms, 20))).ok, "an honest report still counts");
    assert.ok((await request(honest.socket, "training:report", telemetry(ms, 20))).ok);
    await flagged;

    // Paused: the running time stands still, so the step may not run ahead of it.
    assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "pause" })).ok);
    clock += 600_000;
    const stepsIn10Minutes = Math.floor(600_000 / minStepMs(spec.config));
    const whilePaused = await request(honest.socket, "training:report", telemetry(ms, stepsIn10Minutes, { trainLoss: 1 }));
    assert.ok(whilePaused.ok && whilePaused.data.reason === "IMPLAUSIBLE", JSON.stringify(whilePaused));

    const view = await request(t.console, "training:classSync", { sessionId: t.sessionId });
    assert.ok(view.ok);
    assert.deepEqual(
      view.data.progress.map((p) => p.step),
      [20, 20],
      "only plausible steps are stored",
    );
    assert.ok((view.data.dropped.IMPLAUSIBLE ?? 0) >= 3);
    for (const s of [cheat, honest]) s.socket.close();
    t.console.close();
  });
});
