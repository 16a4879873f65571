/**
 * Issue 12 item 9 — work before authentication, rules W13–W14 of SECURITY.md: who is asking is
 * settled before a body is read (401, never 400 with schema details, for strangers), and one IP
 * may send only a few large bodies at once.
 */
import assert from "node:assert/strict";
import { request as httpRequest, type ClientRequest } from "node:http";
import { after, before, describe, it } from "node:test";
import { encodeUploadBody } from "../../lib/protocol/leaderboard";
import { LARGE_BODIES_PER_IP } from "../../server/limits";
import { ApiClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

interface Pending {
  req: ClientRequest;
  /** The status, as soon as the server answers (possibly before the body was sent). */
  status: Promise<number>;
}

/** Starts a request that declares `declared` bytes but sends only `first` for now. */
function partial(url: string, headers: Record<string, string>, declared: number, first: Uint8Array | string): Pending {
  const req = httpRequest(url, { method: "POST", headers: { ...headers, "content-length": String(declared) } });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve(-1) : reject(error)));
  });
  req.write(first);
  return { req, status };
}

describe("authentication before work (W13–W14)", () => {
  let server: TestServer;
  let teacher: ApiClient;
  before(async () => {
    server = await startTestServer();
    teacher = new ApiClient(server.url);
    await teacher.ok("signup", { body: { email: "w13@school.kr", password: "a fine long password", displayName: "T" } });
  });
  after(() => server.close());

  it("W13: a stranger gets 401 for a malformed body, not 400 with the schema's details", async () => {
    const res = await fetch(`${server.url}/api/classes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: 7, roster: [] }),
    });
    assert.equal(res.status, 401);
    const reply = (await res.json()) as { ok: false; error: { code: string; issues?: unknown } };
    assert.equal(reply.error.code, "UNAUTHENTICATED");
    assert.equal(reply.error.issues, undefined);
  });

  it("W13: a stranger's 8 MB corpus upload is refused before its body is read", { timeout: 20_000 }, async () => {
    const upload = partial(`${server.url}/api/corpora/uploads`, { "content-type": "application/json" }, 8 * 1024 * 1024, '{"name":"x","text":"');
    assert.equal(await upload.status, 401, "answered while 8 MB are still unsent");
    upload.req.destroy();
  });

  it(
    "W13: an upload whose ticket is invalid is refused after its metadata, before the weights are read; bad metadata from a stranger is 401",
    { timeout: 20_000 },
    async () => {
      const framed = encodeUploadBody(
        { ticket: "forged.ticket", idempotencyKey: "k".repeat(16), backend: "wasm", sample: { text: "hi", temperature: 1, prime: "" } },
        new Uint8Array(0),
      );
      const upload = partial(`${server.url}/api/submissions`, { "content-type": "application/octet-stream" }, framed.length + 8 * 1024 * 1024, framed);
      assert.equal(await upload.status, 401);
      upload.req.destroy();
      const malformed = encodeUploadBody({ ticket: "forged.ticket", idempotencyKey: "short" } as never, new Uint8Array(16));
      const res = await fetch(`${server.url}/api/submissions`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: malformed });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, "INVALID_TOKEN");
    },
  );

  it(`W14: one IP sends at most ${LARGE_BODIES_PER_IP} large bodies at once; a slot frees when one ends`, { timeout: 30_000 }, async () => {
    const headers = { "content-type": "application/json", cookie: teacher.cookie! };
    const url = `${server.url}/api/corpora/uploads`;
    const open = Array.from({ length: LARGE_BODIES_PER_IP }, () => partial(url, headers, 4 * 1024 * 1024, '{"name":"x","text":"'));
    await teacher.ok("me"); // authenticated after all of them: they are all reading their bodies by now
    const extra = partial(url, headers, 4 * 1024 * 1024, '{"name":"x","text":"');
    assert.equal(await extra.status, 429, "the next large body from this IP is refused while the others are open");
    extra.req.destroy();

    open[0].req.destroy();
    const complete = JSON.stringify({ name: "big", text: "가나다라마바사 ".repeat(20_000) }); // > 64 KiB: a large body
    let status = 429;
    for (let attempt = 0; attempt < 100 && status === 429; attempt++) {
      status = (await fetch(url, { method: "POST", headers, body: complete })).status;
    }
    assert.notEqual(status, 429, "a slot freed when one upload ended");
    for (const p of open) p.req.destroy();
    assert.equal((await teacher.call("listUploads")).status, 200, "small requests are never held back");
  });
});
