/** F11: several server processes (PostgreSQL + Redis) aggregate each round exactly once. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useBackend } from "../../lib/engine/test-support";
import { classWith, closeAll, trainRound, uploadUpdate } from "../helpers/federated";
import { DB_KINDS, startTestServer } from "../helpers/server";

// Several server processes share state through PostgreSQL (SQLite is the one-process deployment), so F11 runs there.
describe("F11: two processes aggregate each round exactly once", () => {
  for (const kind of DB_KINDS.filter((k) => k === "postgresql")) {
    it(`F11 (${kind}${process.env.REDIS_URL_TEST ? " + Redis" : ""}): both processes review the closed round; one version is made`, async () => {
      await useBackend("cpu");
      let clock = Date.now();
      const redis = process.env.REDIS_URL_TEST ? { REDIS_URL: process.env.REDIS_URL_TEST } : {};
      const one = await startTestServer({ kind, now: () => clock, env: redis });
      const two = await startTestServer({ database: one.database, now: () => clock, env: { ...redis, DATABASE_URL: one.database.url } });
      try {
        const c = await classWith(one, 2);
        for (const s of c.students) {
          // Each student uploads to a different process.
          const url = s === c.students[0] ? one.url : two.url;
          assert.equal((await uploadUpdate(url, s.token, 0, await trainRound(url, s, 0))).status, 200);
        }
        clock += 11_000;
        await Promise.all([one.app.classModels.reviewRound(c.classModelId), two.app.classModels.reviewRound(c.classModelId)]);
        await Promise.all([one.app.classModels.settled(), two.app.classModels.settled()]);
        const versions = await one.db.classModelVersion.findMany({ where: { classModelId: c.classModelId } });
        assert.deepEqual(versions.map((v) => v.version).sort(), [0, 1]);
        const row = await one.db.classModel.findUnique({ where: { id: c.classModelId } });
        assert.equal(row?.round, 1);
        assert.equal(row?.closingBy, null);
        closeAll(c);
      } finally {
        await two.stop();
        await one.close();
      }
    });
  }
});
