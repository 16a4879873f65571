/**
 * Issue 12 item 7 — cross-origin requests, rules W1–W6 of SECURITY.md: a page on another port or
 * subdomain of the same host may not change anything with the instructor's cookie, attach a socket,
 * or frame the app; the session cookie is Secure over HTTPS. (The same attacks from a real
 * browser page: e2e/security.spec.ts.)
 */
import assert from "node:assert/strict";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { after, before, describe, it } from "node:test";
import { io } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../lib/protocol/events";
import { crossOriginRefusal } from "../../server/http/sameOrigin";
import { ApiClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** A raw HTTP request with any headers (fetch refuses to set Host). */
function raw(url: string, method: string, headers: Record<string, string>, body = ""): Promise<{ status: number; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Opens a socket with these handshake headers; resolves "connected" or the connect error's message. */
function handshake(url: string, headers: Record<string, string>): Promise<string> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe("cross-origin protection (W1–W6)", () => {
  let server: TestServer;
  let teacher: ApiClient;
  before(async () => {
    server = await startTestServer();
    teacher = new ApiClient(server.url);
    await teacher.ok("signup", { body: { email: "w1@school.kr", password: "a fine long password", displayName: "T" } });
  });
  after(() => server.close());

  const classCount = async () => (await teacher.ok("listClasses")).classes.length;
  const createClass = (headers: Record<string, string>, contentType = "application/json") =>
    raw(
      `${server.url}/api/classes`,
      "POST",
      { cookie: teacher.cookie!, "content-type": contentType, ...headers },
      JSON.stringify({ name: "csrf", roster: "" }),
    );

  it("W1: a state change from another port or subdomain of the same host is refused, with or without Sec-Fetch-Site", async () => {
    const before = await classCount();
    const attacker = `http://127.0.0.1:${server.port + 1}`;
    const variants: Record<string, string>[] = [
      { origin: attacker },
      { origin: attacker, "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { origin: `http://evil.127.0.0.1:${server.port}` },
    ];
    for (const headers of variants) {
      const res = await createClass(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
    }
    const upload = await raw(`${server.url}/api/submissions`, "POST", { origin: attacker, "content-type": "application/octet-stream" }, "xxxx");
    assert.equal(upload.status, 403, "the submission upload is a state change too");
    assert.equal(await classCount(), before, "no class was created");

    assert.equal((await createClass({ origin: server.url, "sec-fetch-site": "same-origin" })).status, 200);
    assert.equal((await createClass({})).status, 200, "programs (no Origin, no Sec-Fetch-Site) carry no browser cookie by accident");
    assert.equal(await classCount(), before + 2);
  });

  it("W1: 'our origin' is the host the request came to, so a student on the LAN address and a teacher on localhost both work", async () => {
    const lan = await createClass({ host: "192.168.0.12:3000", origin: "http://192.168.0.12:3000" });
    assert.equal(lan.status, 200);
    const mismatch = await createClass({ host: "192.168.0.12:3000", origin: "http://192.168.0.13:3000" });
    assert.equal(mismatch.status, 403);
    const req = (headers: Record<string, string>) => ({ method: "POST", headers }) as unknown as IncomingMessage;
    assert.equal(
      crossOriginRefusal(req({ host: "127.0.0.1:3000", origin: "https://class.example.org" }), "https://class.example.org"),
      null,
      "PUBLIC_URL's origin is trusted behind a proxy",
    );
    assert.notEqual(crossOriginRefusal(req({ host: "class.example.org", origin: "https://evil.example.org" }), "https://class.example.org"), null);
  });

  it("W2: JSON routes take only application/json bodies (a cross-site form can send text/plain)", async () => {
    const before = await classCount();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await createClass({}, type);
      assert.equal(res.status, 400, type);
    }
    assert.equal(await classCount(), before);
    assert.equal((await createClass({}, "application/json; charset=utf-8")).status, 200);
  });

  it("W3: the Socket.IO handshake from another origin is refused, from our own origin accepted", async () => {
    const attacker = `http://127.0.0.1:${server.port + 1}`;
    assert.notEqual(await handshake(server.url, { origin: attacker, cookie: teacher.cookie! }), "connected");
    assert.notEqual(
      await handshake(server.url, { origin: `http://localhost:${server.port}`, cookie: teacher.cookie! }),
      "connected",
      "localhost is another origin than 127.0.0.1",
    );
    assert.equal(await handshake(server.url, { origin: server.url, cookie: teacher.cookie! }), "connected");
  });

  it("W4/W5: every response forbids framing and carries the Content-Security-Policy", async () => {
    for (const path of ["/api/health", "/classes", "/corpora/tinyshakespeare/train.txt"]) {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      assert.equal(res.headers.get("x-frame-options"), "DENY", path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /object-src 'none'/, path);
    }
  });

  it("W5: scripts run only with this response's nonce — no 'unsafe-inline', a fresh nonce per response", async () => {
    const scriptSources = async () => {
      const res = await fetch(server.url + "/api/health");
      await res.arrayBuffer();
      return /script-src ([^;]*)/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    };
    const [first, second] = [await scriptSources(), await scriptSources()];
    assert.doesNotMatch(first, /unsafe-inline/);
    const nonce = (sources: string) => /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(sources)?.[1];
    assert.ok(nonce(first) && nonce(second), `a nonce in ${first}`);
    assert.notEqual(nonce(first), nonce(second));
  });

  it("W6: the session cookie is Secure when the app is served over HTTPS (behind a TLS proxy), not over plain HTTP", async () => {
    const body = JSON.stringify({ email: "w1@school.kr", password: "a fine long password" });
    const overHttps = await raw(`${server.url}/api/auth/login`, "POST", { "content-type": "application/json", "x-forwarded-proto": "https" }, body);
    assert.equal(overHttps.status, 200);
    assert.match(String(overHttps.headers["set-cookie"]), /; Secure/);
    const overHttp = await raw(`${server.url}/api/auth/login`, "POST", { "content-type": "application/json" }, body);
    assert.equal(overHttp.status, 200);
    assert.doesNotMatch(String(overHttp.headers["set-cookie"]), /Secure/);
  });
});
