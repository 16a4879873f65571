/**
 * L16 (lib/leaderboard/SPEC.md): the class model on the verified leaderboard. The instructor enters
 * its newest version; the evaluation pool scores it on the held-out split like any submission; the
 * board ranks it with the students' submissions, marked as the class's. Also each version's sample
 * for the sample wall, and the session report's class-model curve.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { evaluateText } from "../../lib/engine/evaluate";
import { decodeWeights } from "../../lib/engine/decodeWeights";
import { encode } from "../../lib/engine/text";
import { useBackend } from "../../lib/engine/test-support";
import { evaluationWindow } from "../../lib/leaderboard/score";
import { isClassEntry } from "../../lib/leaderboard/classEntry";
import { nextEvent, request } from "../helpers/clients";
import { classWith, closeAll, trainRound, uploadUpdate } from "../helpers/federated";
import { corpusSplit } from "../helpers/leaderboard";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";

for (const kind of DB_KINDS) {
  describe(`class model on the leaderboard (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      await useBackend("cpu");
      server = await startTestServer({ kind });
    });
    after(() => server.close());

    it("L16: the entered class model is scored on the held-out split like a submission and ranked as the class's; a version has a sample", async () => {
      const c = await classWith(server, 2);
      const early = await request(c.t.console, "classModel:enter", { sessionId: c.t.sessionId });
      assert.ok(!early.ok && early.error.issues?.reason?.[0] === "NO_VERSION", "version 0 is the untrained initialisation: nothing to enter");
      const announced = nextEvent(c.t.console, "classModel:version");
      for (const s of c.students) assert.equal((await uploadUpdate(server.url, s.token, 0, await trainRound(server.url, s, 0))).status, 200);
      const { version } = await announced;
      assert.equal(version.version, 1);
      assert.ok(version.sample.length > 0, "each version writes a sample for the wall");

      const board = nextEvent(c.t.console, "leaderboard:update", (v) => v.rows.some((r) => r.classModel && r.best !== null));
      const entered = await request(c.t.console, "classModel:enter", { sessionId: c.t.sessionId });
      assert.ok(entered.ok, JSON.stringify(entered));
      assert.equal(entered.data.version, 1);
      const view = await board;
      const row = view.rows.find((r) => r.classModel);
      assert.ok(row?.best, JSON.stringify(view.rows));
      assert.equal(row.rank, 1, "ranked by the same standings as the students (alone on the board here)");
      assert.equal(row.name, "", "the name is the reader's language's, not the server's");
      assert.deepEqual(row.flags, [], "never a copy of a student's weights");
      assert.equal(row.best.sample.text, version.sample);
      assert.equal(row.best.privateBpc, null, "L5: no private score before the reveal, for the class either");
      assert.equal(row.best.temperatureCard.length, 4);

      // The score is the engine's evaluation of the public half of the held-out window, as for a submission (L0).
      const stored = await server.db.classModelVersion.findFirstOrThrow({ where: { classModelId: c.classModelId, version: 1 } });
      const { model, vocabulary } = decodeWeights(new Uint8Array(stored.weights));
      const ids = encode(vocabulary, evaluationWindow(corpusSplit().test));
      const expected = evaluateText(model, ids.subarray(0, Math.floor(ids.length / 2))).bitsPerChar;
      model.dispose();
      assert.ok(Math.abs(row.best.publicBpc - expected) < 1e-4, `${row.best.publicBpc} vs ${expected}`);

      // Entering the same version again changes nothing; students see the class's row too.
      const again = await request(c.t.console, "classModel:enter", { sessionId: c.t.sessionId });
      assert.ok(again.ok && again.data.version === 1);
      assert.equal(await server.db.classModelVersion.count({ where: { classModelId: c.classModelId, enteredAt: { not: null } } }), 1);
      const seen = await request(c.students[0].socket, "leaderboard:sync", { sessionId: c.t.sessionId });
      assert.ok(seen.ok && seen.data.board.rows.some((r) => r.classModel && r.best?.publicBpc === row.best?.publicBpc));

      // The session report keeps every version's validation curve and ranks the class's entry like the live board (L5a).
      const report = await c.t.api.ok("dashboardSession", { params: { classId: c.t.classId, sessionId: c.t.sessionId } });
      const m = report.modelSessions.find((x) => x.classModel !== null);
      assert.ok(m?.classModel, "the report has the class model");
      assert.deepEqual(
        m.classModel.versions.map((v) => v.version),
        [0, 1],
      );
      assert.equal(m.classModel.versions[1].valLoss, version.valLoss);
      const reported = m.leaderboard.find((r) => isClassEntry(r.participantId));
      assert.equal(reported?.publicRank, 1);
      assert.equal(reported?.publicBpc, row.best.publicBpc);
      closeAll(c);
    });
  });
}
