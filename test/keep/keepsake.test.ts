/**
 * What students keep (server/network/SPEC.md K1–K3): after the session ended, the student's rejoin
 * token still opens their submissions, scores, final model download and quiz results; another
 * token does not. Real server, real sockets, the real evaluation pool.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { decodeWeights } from "../../lib/engine/decodeWeights";
import { ApiClient, nextEvent, request } from "../helpers/clients";
import { engineReady, submit, weightsFor } from "../helpers/leaderboard";
import { choice, closeQuestion, control, inPhase, makeQuiz, pressing, startQuiz, tf } from "../helpers/quiz";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { tinySpec } from "../helpers/training";

describe("the students' keep page", () => {
  let server: TestServer;
  before(async () => {
    await engineReady();
    server = await startTestServer();
  });
  after(() => server.close());

  it("K1/K2: after the end, the rejoin token opens the student's scored submission and its .rnnw download; K1: a forged token is refused", async () => {
    const t = await instructorWithSession(server);
    const [mina, other] = [await joinAsGuest(server, t.code, "미나"), await joinAsGuest(server, t.code, "Other")];
    const spec = tinySpec();
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok, JSON.stringify(pushed));
    await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
    const weights = await weightsFor(spec.config, { variant: 2 });
    const sent = await submit(server.url, mina.socket, pushed.data.modelSession.id, weights);
    assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
    const id = sent.reply.data.submission.id;
    await nextEvent(mina.socket, "submission:status", (s) => s.id === id && s.status === "scored");

    // A quiz: 미나 presses "C" on the first question and leaves the second unanswered.
    const quizId = await makeQuiz(t, [choice(2), tf(true)]);
    await startQuiz(t, quizId);
    const first = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
    const answered = await request(mina.socket, "quiz:answer", { roundId: first.roundId, questionIndex: 0, answer: pressing(first, "C") });
    assert.ok(answered.ok, JSON.stringify(answered));
    await closeQuestion(t.console, t.sessionId, 0);
    await control(t.console, "quiz:next", t.sessionId);
    await closeQuestion(t.console, t.sessionId, 1);
    await control(t.console, "quiz:end", t.sessionId);

    const ended = nextEvent(mina.socket, "session:ended");
    assert.ok((await request(t.console, "session:end", { sessionId: t.sessionId })).ok);
    await ended;

    const api = new ApiClient(server.url);
    const kept = await api.ok("keepsake", { body: { rejoinToken: mina.token } });
    assert.equal(kept.status, "ended");
    assert.equal(kept.displayName, "미나");
    assert.equal(kept.corpus, spec.corpus);
    assert.equal(kept.finalModelId, id);
    assert.deepEqual(
      kept.submissions.map((s) => [s.id, s.status, s.cell]),
      [[id, "scored", spec.config.cell]],
    );
    const mine = kept.submissions[0];
    assert.ok(mine.publicBpc !== null && mine.privateBpc !== null, "K2: after the end the private score is shown");
    assert.equal(mine.sample.length > 0, true);

    // K2: each quiz answer as she saw it (the option's text, not {"type":"single","choice":…}), beside right/wrong.
    assert.equal(kept.quizzes.length, 1);
    assert.deepEqual(
      kept.quizzes[0].questions.map((q) => [q.answer, q.correctness]),
      [
        [{ kind: "options", texts: [{ ko: "C", en: "C" }] }, 1],
        [null, 0],
      ],
    );

    // The link downloads exactly the submitted weights, which decode to a working model.
    const download = await fetch(server.url + mine.downloadUrl);
    assert.equal(download.status, 200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    assert.deepEqual(bytes, weights);
    decodeWeights(bytes).model.dispose();

    // Another student's token shows that student only; a tampered token is refused.
    const theirs = await api.ok("keepsake", { body: { rejoinToken: other.token } });
    assert.equal(theirs.displayName, "Other");
    assert.deepEqual(theirs.submissions, []);
    const forged = await api.call("keepsake", { body: { rejoinToken: mina.token.slice(0, -2) + "xx" } });
    assert.equal(forged.reply.ok, false);
    assert.equal(!forged.reply.ok && forged.reply.error.code, "INVALID_TOKEN");
    for (const s of [mina.socket, other.socket, t.console]) s.close();
  });
});
