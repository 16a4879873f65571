/**
 * SS3 / L1b (SECURITY.md, lib/leaderboard/SPEC.md): the leaderboard's eligibility rested on the
 * training step, which the student reports. It now rests on what the server verifies: the public
 * score of the submitted weights against the untrained model of the same configuration, evaluated
 * by the same worker on the same held-out text. Real server, real worker pool, real sockets and HTTP.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CharRNN, encodeWeights } from "../../lib/engine";
import { evaluateText } from "../../lib/engine/evaluate";
import { encode } from "../../lib/engine/text";
import { evaluationWindow } from "../../lib/leaderboard/score";
import { UNTRAINED_MARGIN_BPC } from "../../lib/leaderboard/ranking";
import type { MySubmission } from "../../lib/protocol/leaderboard";
import { nextEvent, request, type TestSocket } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { tinySpec } from "../helpers/training";
import { corpusSplit, engineReady, rewriteHeader, submit, trainVocabulary, weightsFor } from "../helpers/leaderboard";

const spec = tinySpec();
const config = spec.config;

function scored(socket: TestSocket, id: string): Promise<MySubmission> {
  return nextEvent(socket, "submission:status", (s) => s.id === id && (s.status === "scored" || s.status === "rejected"), 150_000);
}

describe("L1b eligibility on the verified loss", () => {
  let server: TestServer;
  before(async () => {
    await engineReady();
    server = await startTestServer();
  });
  after(() => server.close());

  it("L1b/SS3: the untrained model a browser starts from, claiming 10,000,000 steps, is scored but not ranked; a trained model is ranked", async () => {
    const t = await instructorWithSession(server, "");
    const [idle, worker] = await Promise.all([joinAsGuest(server, t.code, "idle"), joinAsGuest(server, t.code, "worker")]);
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok, JSON.stringify(pushed));
    const ms = pushed.data.modelSession.id;
    await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });

    // The untrained file: exactly what the lab creates before its first step, with a huge step in its header.
    const vocab = trainVocabulary(config);
    const start = CharRNN.create(config, vocab.chars.length, { trainIds: encode(vocab, corpusSplit().train) });
    const untrained = rewriteHeader(encodeWeights(start, vocab), (header) => (header.step = 10_000_000));
    const ids = encode(vocab, evaluationWindow(corpusSplit().test));
    const expectedBaseline = evaluateText(start, ids.subarray(0, Math.floor(ids.length / 2))).bitsPerChar;
    start.dispose();
    const trained = await weightsFor(config, { trained: true });

    const lazy = await submit(server.url, idle.socket, ms, untrained);
    assert.ok(lazy.reply.ok, JSON.stringify(lazy.reply));
    const honest = await submit(server.url, worker.socket, ms, trained);
    assert.ok(honest.reply.ok, JSON.stringify(honest.reply));
    const lazyDone = await scored(idle.socket, lazy.reply.data.submission.id);
    const honestDone = await scored(worker.socket, honest.reply.data.submission.id);
    assert.equal(lazyDone.status, "scored", "stored and scored");
    assert.equal(lazyDone.notTrained, true, "the student is told their model is no better than an untrained one");
    assert.equal(honestDone.status, "scored");
    assert.equal(honestDone.notTrained, false);

    // The baseline is the engine's own score of the untrained model, on the same public half.
    const rows = await server.db.submission.findMany({
      where: { modelSessionId: ms },
      select: { participantId: true, publicBpc: true, untrainedBpc: true, step: true },
    });
    const lazyRow = rows.find((r) => r.participantId === idle.participantId);
    const honestRow = rows.find((r) => r.participantId === worker.participantId);
    assert.ok(lazyRow && honestRow && lazyRow.untrainedBpc !== null && honestRow.untrainedBpc !== null);
    assert.ok(Math.abs(lazyRow.untrainedBpc - expectedBaseline) < 1e-4, `${lazyRow.untrainedBpc} vs ${expectedBaseline}`);
    assert.ok(Math.abs(honestRow.untrainedBpc - lazyRow.untrainedBpc) < 1e-9, "one baseline per configuration");
    assert.ok(lazyRow.publicBpc !== null && lazyRow.publicBpc > lazyRow.untrainedBpc - UNTRAINED_MARGIN_BPC);
    assert.ok(honestRow.publicBpc !== null && honestRow.publicBpc <= honestRow.untrainedBpc - UNTRAINED_MARGIN_BPC);

    const view = await request(t.console, "leaderboard:sync", { sessionId: t.sessionId });
    assert.ok(view.ok, JSON.stringify(view));
    const lazyStanding = view.data.board.rows.find((r) => r.participantId === idle.participantId);
    const honestStanding = view.data.board.rows.find((r) => r.participantId === worker.participantId);
    assert.equal(honestStanding?.rank, 1);
    assert.equal(lazyStanding?.rank, null, "not ranked, whatever step it claims");
    assert.equal(lazyStanding?.best, null);
    assert.deepEqual(lazyStanding?.flags, ["notTrained"]);
    assert.equal(lazyStanding?.submissionCount, 1, "stored and counted as a submission");
    for (const s of [idle.socket, worker.socket, t.console]) s.close();
  });
});
