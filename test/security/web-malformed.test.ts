/**
 * Issue 12 item 11 — small holes, rules W18–W21 of SECURITY.md: malformed percent-encoding, socket
 * requests of the wrong arity, the CSV formula guard, and the HTTP server's timeouts.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { csvCell } from "../../lib/dashboard/csv";
import { ApiClient, connectClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

describe("malformed input is the client's mistake (W18–W21)", () => {
  let server: TestServer;
  let teacher: ApiClient;
  before(async () => {
    server = await startTestServer();
    teacher = new ApiClient(server.url);
    await teacher.ok("signup", { body: { email: "w18@school.kr", password: "a fine long password", displayName: "T" } });
  });
  after(() => server.close());

  it("W18: malformed percent-encoding in an API path, a corpus path or the cookie is 4xx, never 500", async () => {
    const api = await fetch(`${server.url}/api/classes/%E0%A4%A`, { headers: { cookie: teacher.cookie! } });
    assert.equal(api.status, 400);
    const join = await fetch(`${server.url}/api/join/%ZZ`);
    assert.equal(join.status, 400);
    const corpus = await fetch(`${server.url}/corpora/%E0%A4%A/train.txt`);
    assert.equal(corpus.status, 400);
    const cookie = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: "rc_session=%E0%A4%A" } });
    assert.equal(cookie.status, 401, "an undecodable session cookie is no login");
    const socket = await connectClient(server.url, { cookie: "rc_session=%E0%A4%A" });
    try {
      const attach = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
        socket.emit("instructor:attach", { sessionId: "x" }, resolve as never),
      );
      assert.equal(attach.error?.code, "UNAUTHENTICATED");
    } finally {
      socket.close();
    }
  });

  it("W19: a socket request without a payload, or with extra arguments before the ack, is answered BAD_REQUEST", async () => {
    const socket = await connectClient(server.url);
    try {
      const untyped = socket as unknown as { emit(event: string, ...args: unknown[]): void };
      const withoutPayload = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => untyped.emit("session:join", resolve));
      assert.deepEqual([withoutPayload.ok, withoutPayload.error?.code], [false, "BAD_REQUEST"]);
      const extraArgs = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
        untyped.emit("session:join", { code: "ABCDEF", name: "x" }, "extra", 42, resolve),
      );
      assert.deepEqual([extraArgs.ok, extraArgs.error?.code], [false, "BAD_REQUEST"]);
    } finally {
      socket.close();
    }
  });

  it("W20: the CSV formula guard covers full-width signs and leading whitespace or newlines", () => {
    for (const cell of ['\uFF1DHYPERLINK("http://x")', " =1+1", "\n=1+1", "\r\n@SUM(A1)", "\u3000\uFF0B1", "\t-2"]) {
      const written = csvCell(cell).replace(/^"/, "");
      assert.ok(written.startsWith("'"), `${JSON.stringify(cell)} is written as text, got ${JSON.stringify(written)}`);
    }
    assert.equal(csvCell("김민지 = 1등"), "김민지 = 1등", "an = later in the text is harmless");
  });

  it("W21: the server does not keep slow requests for Node's default 300 s", () => {
    const http = server.app.httpServer;
    assert.ok(http.headersTimeout > 0 && http.headersTimeout <= 20_000, `headersTimeout ${http.headersTimeout}`);
    assert.ok(http.requestTimeout > 0 && http.requestTimeout <= 120_000, `requestTimeout ${http.requestTimeout}`);
  });
});
