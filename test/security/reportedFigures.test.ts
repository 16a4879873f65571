/**
 * SS3 / T13 (SECURITY.md, lib/training/SPEC.md): `trainLoss: 0`, 5,000,000 chars/s and any backend
 * reached the instructor as reported, as if they were facts. The class view now says which figures
 * the browser reported, and flags a loss that cannot be true: below MIN_PLAUSIBLE_LOSS, or far below
 * the student's own verified held-out loss (their scored submission). Chars/s above T12's bound is
 * dropped and flagged. Real server, real worker pool, real sockets.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MIN_PLAUSIBLE_LOSS, VERIFIED_LOSS_FRACTION, fastestConfig, plausibleBounds } from "../../lib/training/rules";
import { nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { engineReady, submit, weightsFor } from "../helpers/leaderboard";
import { VERIFIED_LOSS_REFRESH_MS } from "../../server/limits";

describe("T13 reported figures", () => {
  let server: TestServer;
  let clock = Date.now();
  before(async () => {
    await engineReady();
    server = await startTestServer({ now: () => clock });
  });
  after(() => server.close());

  it("SS3/T13: a loss of 0, or far below the student's verified loss, is flagged; honest losses and speeds are not; chars/s over the T12 bound is dropped", async () => {
    const t = await instructorWithSession(server, "");
    const names = ["zero", "scored cheat", "scored honest", "honest", "fast"];
    const [zero, scoredCheat, scoredHonest, honest, fast] = await Promise.all(names.map((n) => joinAsGuest(server, t.code, n)));
    const spec = tinySpec();
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok, JSON.stringify(pushed));
    const ms = pushed.data.modelSession.id;
    assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" })).ok);

    // Two students' models are scored by the server: their verified loss bounds what they may report.
    const trained = await weightsFor(spec.config, { trained: true });
    for (const student of [scoredCheat, scoredHonest]) {
      const sent = await submit(server.url, student.socket, ms, trained);
      assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
      const id = sent.reply.data.submission.id;
      const done = await nextEvent(student.socket, "submission:status", (s) => s.id === id && s.status !== "queued" && s.status !== "evaluating", 150_000);
      assert.equal(done.status, "scored");
    }
    const row = await server.db.submission.findFirstOrThrow({ where: { participantId: scoredCheat.participantId } });
    const verifiedNats = (row.publicBpc ?? 0) * Math.LN2;
    clock += VERIFIED_LOSS_REFRESH_MS + 1_000;

    const maxCharsPerSec = plausibleBounds(fastestConfig(spec), 0, 0).maxCharsPerSec;
    const reports = [
      [zero, telemetry(ms, 5, { trainLoss: 0 })],
      [scoredCheat, telemetry(ms, 5, { trainLoss: verifiedNats * VERIFIED_LOSS_FRACTION * 0.9 })],
      [scoredHonest, telemetry(ms, 5, { trainLoss: verifiedNats * 0.85, valLoss: verifiedNats * 1.02 })],
      [honest, telemetry(ms, 5, { trainLoss: 2.5, charsPerSec: Math.floor(maxCharsPerSec) })],
    ] as const;
    for (const [student, report] of reports) {
      const reply = await request(student.socket, "training:report", report);
      assert.ok(reply.ok && reply.data.accepted, `${JSON.stringify(report)} → ${JSON.stringify(reply)}: the loss is kept as reported, and flagged`);
    }
    const tooFast = await request(fast.socket, "training:report", telemetry(ms, 5, { charsPerSec: maxCharsPerSec * 1.01 }));
    assert.ok(tooFast.ok && !tooFast.data.accepted && tooFast.data.reason === "IMPLAUSIBLE", JSON.stringify(tooFast));

    const view = await request(t.console, "training:classSync", { sessionId: t.sessionId });
    assert.ok(view.ok, JSON.stringify(view));
    const flagsOf = (id: string) => view.data.progress.find((p) => p.participantId === id)?.flags ?? [];
    assert.deepEqual(flagsOf(zero.participantId), ["implausibleLoss"], `a loss below ${MIN_PLAUSIBLE_LOSS} nats`);
    assert.deepEqual(flagsOf(scoredCheat.participantId), ["implausibleLoss"], "a third of the verified loss");
    assert.deepEqual(flagsOf(scoredHonest.participantId), [], "honest overfitting is believed");
    assert.deepEqual(flagsOf(honest.participantId), [], "speed at the bound is believed");
    assert.ok(view.data.progress.find((p) => p.participantId === zero.participantId)?.trainLoss === 0, "shown as reported, with the flag");
    assert.ok((view.data.dropped.IMPLAUSIBLE ?? 0) >= 1);
    for (const s of [zero, scoredCheat, scoredHonest, honest, fast]) s.socket.close();
    t.console.close();
  });
});
