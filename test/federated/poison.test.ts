/** F7/F8 through the server: one poisoned update among ten, FedAvg vs the trimmed mean. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseWeights, parameterSpecs } from "../../lib/engine";
import { useBackend } from "../../lib/engine/test-support";
import { flatten } from "../../lib/federated/vectors";
import { nextEvent } from "../helpers/clients";
import { classWith, closeAll, federatedConfig, downloadVersion, trainRound, uploadUpdate, vocabulary, weightsFrom } from "../helpers/federated";
import { startTestServer, type TestServer } from "../helpers/server";

describe("F7/F8: one poisoned update among ten, through the server", () => {
  let server: TestServer;
  let clock = Date.now();
  before(async () => {
    await useBackend("cpu");
    server = await startTestServer({ now: () => clock });
  });
  after(() => server.close());

  it("F8: FedAvg's validation loss moves badly; the trimmed mean's hardly at all", async () => {
    // Every class starts from the same version 0 (the configuration's seed) with the same shard positions,
    // so the ten honest updates are trained once and sent to three classes: clean FedAvg, poisoned FedAvg, poisoned trimmed mean.
    let honest: Uint8Array[] = [];
    let poisoned: Uint8Array | null = null;
    const losses: Record<string, number> = {};
    for (const [name, combiner, poison] of [
      ["clean", "fedavg", false],
      ["fedavg", "fedavg", true],
      ["trimmedMean", "trimmedMean", true],
    ] as const) {
      const c = await classWith(server, 10, { combiner, roundSteps: 8 });
      const ordered = [...c.students].sort((x, y) => x.shard.start - y.shard.start);
      if (honest.length === 0) {
        honest = await Promise.all(ordered.map((s) => trainRound(server.url, s, 0, 8)));
        // The poison replaces the tenth update: all of 3.9× the median delta norm on the space character's output bias (passes F7's 4×).
        const base = flatten(
          federatedConfig,
          vocabulary.chars.length,
          parseWeights(new Uint8Array(await (await downloadVersion(server.url, c.classModelId, 0, ordered[0].token)).arrayBuffer())).parameters,
        );
        const norms = honest.map((u) =>
          Math.sqrt(flatten(federatedConfig, vocabulary.chars.length, parseWeights(u).parameters).reduce((sum, x, i) => sum + (x - base[i]) ** 2, 0)),
        );
        const values = base.slice();
        const biasStart = base.length - parameterSpecs(federatedConfig, vocabulary.chars.length).at(-1)!.shape[0];
        values[biasStart + vocabulary.index.get(" ")!] -= 3.9 * [...norms].sort((x, y) => x - y)[5];
        poisoned = weightsFrom(values, federatedConfig, 8);
      }
      const updates = poison && poisoned ? [...honest.slice(0, 9), poisoned] : honest;
      const announced = nextEvent(c.t.console, "classModel:version");
      for (let i = 0; i < 10; i++) assert.equal((await uploadUpdate(server.url, ordered[i].token, 0, updates[i])).status, 200);
      const { version } = await announced;
      assert.equal(version.contributors, 10, "the poison passed the norm rule: only the combiner can handle it");
      losses[name] = version.valLoss;
      closeAll(c);
    }
    const moved = { fedavg: losses.fedavg - losses.clean, trimmedMean: losses.trimmedMean - losses.clean };
    assert.ok(moved.fedavg > 0.05, `FedAvg moved ${JSON.stringify({ losses, moved })}`);
    assert.ok(Math.abs(moved.trimmedMean) < moved.fedavg / 4, `trimmed mean moved ${JSON.stringify({ losses, moved })}`);
  });
});
