/**
 * Issue 12 item 10 — corpus uploads, rules W15–W17 of SECURITY.md: uploads are prepared off the
 * event loop, each instructor has a quota of uploaded texts, and an upload's text is readable only
 * by its owner and the participants of the owner's sessions that train on it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MIN_CORPUS_CHARS } from "../../lib/corpusRules";
import { UPLOAD_QUOTA } from "../../server/limits";
import { ApiClient, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { tinySpec } from "../helpers/training";
import { startTestServer, type TestServer } from "../helpers/server";

describe("corpus uploads (W15–W17)", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  async function instructor(email: string): Promise<ApiClient> {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email, password: "a fine long password", displayName: "T" } });
    return api;
  }

  it("W15: while a 2.9 M-character upload is prepared, the server keeps answering other requests", async () => {
    const api = await instructor("w15@school.kr");
    const words = ["바람", "하늘", "별", "시", "노래", "강물", "언덕", "마을", "밤", "꿈"];
    const text = Array.from({ length: 2_900_000 / 3 }, (_, i) => words[(i * 7919) % words.length])
      .join(" ")
      .slice(0, 2_900_000);
    const body = JSON.stringify({ name: "큰 글", text });
    let uploaded = false;
    const upload = fetch(`${server.url}/api/corpora/uploads`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: api.cookie! },
      body,
    }).then(async (res) => {
      uploaded = true;
      return res.status;
    });
    // Health checks in a row while the upload is in flight: answered between its steps, not after it.
    let answeredDuring = 0;
    while (!uploaded) {
      await fetch(`${server.url}/api/health`).then(
        (r) => r.arrayBuffer(),
        (error: Error) => assert.fail(`health: ${String(error.cause)}`),
      );
      if (!uploaded) answeredDuring++;
    }
    assert.equal(await upload, 200);
    assert.ok(answeredDuring >= 10, `only ${answeredDuring} requests were answered while the upload was prepared`);
  });

  it(`W16: an instructor may keep at most ${UPLOAD_QUOTA.count} uploaded texts; another instructor has their own quota`, async () => {
    const api = await instructor("w16@school.kr");
    const textNumber = (n: number) => `${n}번째 이야기. `.repeat(Math.ceil(MIN_CORPUS_CHARS / 8));
    for (let n = 0; n < UPLOAD_QUOTA.count; n++) await api.ok("uploadCorpus", { body: { name: `글 ${n}`, text: textNumber(n) } });
    const over = await api.call("uploadCorpus", { body: { name: "하나 더", text: textNumber(UPLOAD_QUOTA.count) } });
    assert.equal(over.status, 409);
    assert.ok(!over.reply.ok && over.reply.error.issues?.text?.includes("QUOTA_COUNT"));
    const again = await api.call("uploadCorpus", { body: { name: "같은 글", text: textNumber(0) } });
    assert.equal(again.status, 200, "the same text again is the corpus already stored, not a new one");
    assert.equal((await api.ok("listUploads")).corpora.length, UPLOAD_QUOTA.count);
    const other = await instructor("w16-other@school.kr");
    assert.equal((await other.call("uploadCorpus", { body: { name: "다른 선생님", text: textNumber(99) } })).status, 200);
  });

  it("W17: an uploaded text is served to its owner and to participants of the owner's sessions that train on it, to nobody else", async () => {
    const owner = await instructorWithSession(server);
    const { corpus } = await owner.api.ok("uploadCorpus", { body: { name: "우리 반 글", text: "우리 반의 이야기. ".repeat(400) } });
    const url = `${server.url}/corpora/${encodeURIComponent(corpus.ref)}/train.txt`;
    const read = (headers: Record<string, string> = {}) => fetch(url, { headers }).then(async (r) => (await r.arrayBuffer(), r.status));

    const student = await joinAsGuest(server, owner.code, "학생");
    assert.equal(await read({ "x-rejoin-token": student.token }), 404, "before the class trains on it, a participant may not read it");
    const pushed = await request(owner.console, "training:push", { sessionId: owner.sessionId, spec: tinySpec({ corpus: corpus.ref }) });
    assert.ok(pushed.ok, JSON.stringify(pushed));

    assert.equal(await read(), 404, "no login, no seat");
    assert.equal(await read({ cookie: owner.api.cookie! }), 200, "the owner");
    assert.equal(await read({ "x-rejoin-token": student.token }), 200, "a participant of the owner's session that trains on it");
    const other = await instructorWithSession(server);
    assert.equal(await read({ cookie: other.api.cookie! }), 404, "another instructor");
    const otherStudent = await joinAsGuest(server, other.code, "남의 학생");
    assert.equal(await read({ "x-rejoin-token": otherStudent.token }), 404, "a participant of another instructor's session");
    assert.equal(await read({ "x-rejoin-token": `${student.token.split(".")[0]}.forged` }), 404, "a forged seat");
    for (const socket of [owner.console, other.console, student.socket, otherStudent.socket]) socket.close();
  });
});
