/** F12: a restart mid-round loses no version and no update. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useBackend } from "../../lib/engine/test-support";
import { classWith, closeAll, trainRound, uploadUpdate } from "../helpers/federated";
import { startTestServer } from "../helpers/server";

describe("F12: a restart mid-round loses no version and no update", () => {
  it("F12: the round continues after the restart with the update sent before it", async () => {
    await useBackend("cpu");
    let clock = Date.now();
    const first = await startTestServer({ now: () => clock });
    const c = await classWith(first, 3);
    const [a, b, d] = c.students;
    assert.equal((await uploadUpdate(first.url, a.token, 0, await trainRound(first.url, a, 0))).status, 200);
    await first.app.classModels.settled();
    closeAll(c);
    await first.stop();

    const second = await startTestServer({ database: first.database, now: () => clock });
    try {
      // Tokens are signed, not stored: they still work after the restart, as do the stored versions.
      for (const s of [b, d]) assert.equal((await uploadUpdate(second.url, s.token, 0, await trainRound(second.url, s, 0))).status, 200);
      clock += 11_000;
      await second.app.classModels.reviewRound(c.classModelId);
      // The last upload may have started a review of its own that holds the round: wait for it too.
      await second.app.classModels.settled();
      const versions = await second.db.classModelVersion.findMany({ where: { classModelId: c.classModelId }, orderBy: { version: "asc" } });
      assert.deepEqual(
        versions.map((v) => [v.version, v.contributors]),
        [
          [0, 0],
          [1, 3],
        ],
      );
    } finally {
      await second.close();
    }
  });
});
