/** Instructors upload their own training texts; bad ones get a clear error; others cannot use them. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient, request } from "../helpers/clients";
import { instructorWithSession } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { tinySpec } from "../helpers/training";

describe("uploaded corpora", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const text = "그 해 겨울은 유난히 추웠다. 눈이 내리고 바람이 불었다.\n".repeat(120);

  it("an instructor uploads a text, sees it listed, and pushes it to the class", async () => {
    const t = await instructorWithSession(server);
    const { corpus } = await t.api.ok("uploadCorpus", { body: { name: "우리 반 소설", text: text.normalize("NFD") } });
    assert.match(corpus.ref, /^upload:/);
    assert.equal(corpus.chars, Array.from(text).length, "stored in NFC");
    const again = await t.api.ok("uploadCorpus", { body: { name: "again", text } });
    assert.equal(again.corpus.ref, corpus.ref, "the same text is stored once");
    assert.deepEqual(
      (await t.api.ok("listUploads")).corpora.map((c) => c.ref),
      [corpus.ref],
    );
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec({ corpus: corpus.ref }) });
    assert.ok(pushed.ok && pushed.data.modelSession.corpus === corpus.ref);
    t.console.close();
  });

  it("refuses empty, binary, oversized and unauthenticated uploads with clear errors", async () => {
    const t = await instructorWithSession(server);
    for (const [body, status, issue] of [
      [{ name: "empty", text: "  " }, 400, "EMPTY"],
      [{ name: "binary", text: text + "\u0000\u0000" }, 400, "BINARY"],
      [{ name: "", text }, 400, undefined],
    ] as const) {
      const reply = await t.api.call("uploadCorpus", { body });
      assert.equal(reply.status, status, body.name);
      if (issue) assert.ok(!reply.reply.ok && reply.reply.error.issues?.text?.includes(issue));
    }
    const huge = await t.api.call("uploadCorpus", { rawBody: JSON.stringify({ name: "huge", text: "가".repeat(3_000_000) }) });
    assert.equal(huge.status, 413, "bodies over the route's cap are refused before parsing");
    assert.equal((await new ApiClient(server.url).call("uploadCorpus", { body: { name: "x", text } })).status, 401);
    t.console.close();
  });

  it("another instructor's upload cannot be pushed", async () => {
    const owner = await instructorWithSession(server);
    const { corpus } = await owner.api.ok("uploadCorpus", { body: { name: "mine", text: text + "!" } });
    const other = await instructorWithSession(server);
    const reply = await request(other.console, "training:push", { sessionId: other.sessionId, spec: tinySpec({ corpus: corpus.ref }) });
    assert.ok(!reply.ok && reply.error.code === "NOT_FOUND");
    owner.console.close();
    other.console.close();
  });
});
