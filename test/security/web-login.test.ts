/**
 * Issue 12 item 8 — login, rules W7–W12 of SECURITY.md: the throttle is reserved before hashing,
 * a stranger cannot lock the owner out, `next` only leads to this site, common and obvious
 * passwords are refused, logout disconnects the login's sockets, and a taken email is not named.
 */
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, describe, it } from "node:test";
import { safeNextPath } from "../../lib/safeRedirect";
import { LOGIN_FAILURE_LIMIT } from "../../server/limits";
import { ApiClient, connectClient, request } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

interface Answer {
  status: number;
  cookies: string[];
}

/** A JSON POST from a chosen loopback address (127.0.0.2 plays another IP), with optional cookies. */
function post(url: string, body: unknown, options: { from?: string; cookie?: string } = {}): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) };
    if (options.cookie) headers.cookie = options.cookie;
    const req = httpRequest(url, { method: "POST", localAddress: options.from ?? "127.0.0.1", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]) }));
    });
    req.on("error", reject);
    req.end(text);
  });
}

describe("login hardening (W7–W12)", () => {
  let server: TestServer;
  const login = (email: string, password: string, options?: { from?: string; cookie?: string }) =>
    post(`${server.url}/api/auth/login`, { email, password }, options);
  const signup = (email: string, password: string) => post(`${server.url}/api/auth/signup`, { email, password, displayName: "T" });
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("W7: concurrent wrong guesses cannot overtake the throttle: it is reserved before the password is hashed", async () => {
    assert.equal((await signup("w7@school.kr", "the real password")).status, 200);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login("w7@school.kr", `guess number ${i}`)));
    const wrong = answers.filter((a) => a.status === 401).length;
    assert.equal(wrong, LOGIN_FAILURE_LIMIT.burst, `only ${LOGIN_FAILURE_LIMIT.burst} guesses are hashed, got ${answers.map((a) => a.status).join(",")}`);
    assert.equal(answers.filter((a) => a.status === 429).length, 20 - LOGIN_FAILURE_LIMIT.burst);
  });

  it("W8: a stranger who exhausts the throttle — from the teacher's own school IP and from another — does not lock the owner out of a known device", async () => {
    const first = await signup("w8@school.kr", "the real password");
    const device = first.cookies.find((c) => c.startsWith("rc_device="));
    assert.ok(device, "a successful sign-up or login marks the browser as a known device");
    for (const from of ["127.0.0.1", "127.0.0.2"]) {
      let status = 0;
      for (let i = 0; i < 40 && status !== 429; i++) status = (await login("w8@school.kr", `guess ${i}`, { from })).status;
      assert.equal(status, 429, `the stranger at ${from} is throttled`);
    }
    assert.equal((await login("w8@school.kr", "the real password")).status, 429, "an unknown browser stays throttled");
    const owner = await login("w8@school.kr", "the real password", { cookie: device });
    assert.equal(owner.status, 200, "the owner's known device logs in");
    const [name, value] = device.split("=");
    const flipped = `${name}=${value[0] === "e" ? "f" : "e"}${value.slice(1)}`; // altered claims, same signature
    const forged = await login("w8@school.kr", "the real password", { cookie: flipped });
    assert.equal(forged.status, 429, "a forged device cookie is no known device");
  });

  it("W9: after login, `next` leads only to a path of this site", () => {
    for (const evil of [
      "/\\evil.example/x",
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/%5Cevil.example/x".replace("%5C", "\\"),
      " /classes",
    ]) {
      assert.equal(safeNextPath(evil), "/classes", JSON.stringify(evil));
    }
    assert.equal(safeNextPath("/sessions/abc?x=1#y"), "/sessions/abc?x=1#y");
    assert.equal(safeNextPath("/%5Cevil.example/x"), "/%5Cevil.example/x", "an encoded backslash stays a path of this site");
    assert.equal(safeNextPath(null), "/classes");
  });

  it("W10: common and obvious passwords are refused at sign-up, with the reason on the password field", async () => {
    const api = new ApiClient(server.url);
    for (const password of ["12345678", "password", "        ", "aaaaaaaaaa", "abcdefgh", "w10@school.kr", "Password123", "qwertyuiop"]) {
      const res = await api.call("signup", { body: { email: "w10@school.kr", password, displayName: "T" } });
      assert.equal(res.status, 400, JSON.stringify(password));
      assert.ok(!res.reply.ok && res.reply.error.issues?.password?.length, JSON.stringify(password));
    }
    assert.equal((await api.call("signup", { body: { email: "w10@school.kr", password: "a fine long password", displayName: "T" } })).status, 200);
  });

  it("W11: logging out disconnects the instructor console attached with that login", async () => {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email: "w11@school.kr", password: "a fine long password", displayName: "T" } });
    const { class: created } = await api.ok("createClass", { body: { name: "1반", roster: "김민지" } });
    const { session } = await api.ok("startSession", { params: { classId: created.id } });
    const console = await connectClient(server.url, { cookie: api.cookie });
    const attached = await request(console, "instructor:attach", { sessionId: session.id });
    assert.ok(attached.ok);
    const disconnected = new Promise<string>((resolve) => console.once("disconnect", resolve));
    await api.ok("logout");
    assert.equal(await disconnected, "io server disconnect");
    console.close();
  });

  it("W12: sign-up does not say that an email has an account; login hashes for unknown emails too", async () => {
    assert.equal((await signup("w12@school.kr", "a fine long password")).status, 200);
    const api = new ApiClient(server.url);
    const taken = await api.call("signup", { body: { email: "w12@school.kr", password: "another fine password", displayName: "T" } });
    assert.equal(taken.status, 409);
    assert.ok(!taken.reply.ok);
    assert.doesNotMatch(taken.reply.error.message, /exists/);
    const unknown = await login("nobody-w12@school.kr", "a fine long password");
    assert.equal(unknown.status, 401, "an unknown email answers like a wrong password");
  });
});
