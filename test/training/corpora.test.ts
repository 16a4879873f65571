/** Browsers get the train and validation splits of a corpus, never its held-out test split. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { splitCorpus } from "../../lib/engine/text";
import { BUNDLED_CORPORA } from "../../lib/corpora";
import type { RouteReply } from "../../lib/api/routes";
import { instructorWithSession } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";

describe("corpus texts over HTTP", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("serves train and validation of every bundled corpus; train + validation + test partition the text", async () => {
    for (const corpus of BUNDLED_CORPORA) {
      const train = await fetch(`${server.url}/corpora/${corpus.id}/train.txt`);
      const validation = await fetch(`${server.url}/corpora/${corpus.id}/validation.txt`);
      assert.equal(train.status, 200, corpus.id);
      assert.match(train.headers.get("content-type") ?? "", /text\/plain; charset=utf-8/);
      const expected = splitCorpus(readFileSync(new URL(`../../server/corpora/${corpus.file}`, import.meta.url), "utf8"));
      assert.equal(await train.text(), expected.train);
      assert.equal(await validation.text(), expected.validation);
      const whole = Array.from(readFileSync(new URL(`../../server/corpora/${corpus.file}`, import.meta.url), "utf8").normalize("NFC")).length;
      assert.equal(Array.from(expected.train).length + Array.from(expected.validation).length + Array.from(expected.test).length, whole);
      assert.ok(expected.test.length > 0);
    }
  });

  it("lists the bundled corpora with the sizes of their splits at /api/corpora", async () => {
    const reply = (await (await fetch(`${server.url}/api/corpora`)).json()) as { ok: true; data: RouteReply<"listCorpora"> };
    assert.deepEqual(
      reply.data.corpora.map((c) => c.id),
      BUNDLED_CORPORA.map((c) => c.id),
    );
    for (const corpus of reply.data.corpora) {
      const train = await (await fetch(`${server.url}/corpora/${corpus.id}/train.txt`)).text();
      assert.equal(corpus.chars.train, Array.from(train).length, corpus.id);
      assert.ok(corpus.chars.validation > 0 && corpus.chars.test > 0, corpus.id);
    }
  });

  it("never serves the test split, unknown corpora or other paths", async () => {
    for (const path of [
      "/corpora/tinyshakespeare/test.txt",
      "/corpora/nope/train.txt",
      "/corpora/tinyshakespeare/../../server/corpora/SOURCES.md",
      "/corpora/tinyshakespeare/train.txt.bak",
    ]) {
      assert.equal((await fetch(server.url + path)).status, 404, path);
    }
  });

  it("answers a repeated request with 304 Not Modified", async () => {
    const first = await fetch(`${server.url}/corpora/alice/train.txt`);
    const etag = first.headers.get("etag") ?? "";
    assert.ok(etag);
    assert.equal((await fetch(`${server.url}/corpora/alice/train.txt`, { headers: { "if-none-match": etag } })).status, 304);
  });

  it("serves an instructor's upload by its reference to its owner (who else may read it: W17 in test/security/web-corpora.test.ts)", async () => {
    const t = await instructorWithSession(server);
    const text = "가나다라마바사 아자차카타파하. ".repeat(200);
    const { corpus } = await t.api.ok("uploadCorpus", { body: { name: "mine", text } });
    const served = await fetch(`${server.url}/corpora/${corpus.ref}/train.txt`, { headers: { cookie: t.api.cookie! } });
    assert.equal(await served.text(), splitCorpus(text).train);
    t.console.close();
  });
});
