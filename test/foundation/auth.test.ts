/** Instructor accounts, classes and who may see them, over the real HTTP API. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

describe("instructor accounts and classes", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("an instructor signs up, is logged in by an httpOnly cookie, logs out and logs back in", async () => {
    const api = new ApiClient(server.url);
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "Kim@School.kr", password: "correct horse", displayName: "김선생" }),
    });
    const cookie = signup.headers.get("set-cookie") ?? "";
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    api.cookie = cookie.split(";")[0];
    assert.equal((await api.ok("me")).instructor.email, "kim@school.kr", "email is normalised");
    await api.ok("logout");
    assert.equal((await api.call("me")).status, 401);
    api.cookie = undefined;
    const login = await api.call("login", { body: { email: "kim@school.kr", password: "correct horse" } });
    assert.equal(login.status, 200);
    assert.equal((await api.ok("me")).instructor.displayName, "김선생");
  });

  it("refuses a duplicate email, a short password and a malformed body with field errors", async () => {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email: "dup@school.kr", password: "correct horse", displayName: "A" } });
    const dup = await new ApiClient(server.url).call("signup", { body: { email: "dup@school.kr", password: "correct horse", displayName: "B" } });
    assert.equal(dup.status, 409);
    const short = await new ApiClient(server.url).call("signup", { body: { email: "x@school.kr", password: "short", displayName: "B" } });
    assert.equal(short.status, 400);
    assert.ok(!short.reply.ok && short.reply.error.issues?.password?.length);
    const notJson = await new ApiClient(server.url).call("signup", { rawBody: "{nope" });
    assert.equal(notJson.status, 400);
    assert.ok(!notJson.reply.ok && notJson.reply.error.message.includes("JSON"));
  });

  it("refuses an oversized body without reading it all", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.kr", password: "x".repeat(100_000) }),
    });
    assert.equal(res.status, 413);
  });

  it("throttles password guessing per email", async () => {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email: "target@school.kr", password: "the real password", displayName: "T" } });
    const attacker = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attacker.call("login", { body: { email: "target@school.kr", password: `guess-${i}` } })).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[5], 429);
    // Even the right password is refused while throttled: guessing cannot be finished by luck.
    assert.equal((await attacker.call("login", { body: { email: "target@school.kr", password: "the real password" } })).status, 429);
  });

  it("keeps classes private: no login → 401, another instructor → 404", async () => {
    const owner = new ApiClient(server.url);
    await owner.ok("signup", { body: { email: "owner@school.kr", password: "correct horse", displayName: "Owner" } });
    const { class: created, roster } = await owner.ok("createClass", { body: { name: "1반", roster: "김민지\n김민지\nLee Jun" } });
    assert.deepEqual(created.students.map((s) => s.name).sort(), ["Lee Jun", "김민지"]);
    assert.equal(roster.rejected.length, 1);

    const anonymous = new ApiClient(server.url);
    assert.equal((await anonymous.call("listClasses")).status, 401);
    assert.equal((await anonymous.call("getClass", { params: { classId: created.id } })).status, 401);
    assert.equal((await anonymous.call("startSession", { params: { classId: created.id } })).status, 401);

    const other = new ApiClient(server.url);
    await other.ok("signup", { body: { email: "other@school.kr", password: "correct horse", displayName: "Other" } });
    assert.equal((await other.call("getClass", { params: { classId: created.id } })).status, 404);
    assert.equal((await other.call("startSession", { params: { classId: created.id } })).status, 404);
    assert.deepEqual((await other.ok("listClasses")).classes, []);
  });

  it("adds students to a roster, reporting names already on it", async () => {
    const api = new ApiClient(server.url);
    await api.ok("signup", { body: { email: "roster@school.kr", password: "correct horse", displayName: "R" } });
    const { class: created } = await api.ok("createClass", { body: { name: "2반", roster: "김민지" } });
    const { class: updated, roster } = await api.ok("addStudents", { params: { classId: created.id }, body: { roster: "김민지\n박서연" } });
    assert.deepEqual(roster.added, ["박서연"]);
    assert.equal(roster.rejected[0].reason, "ALREADY_ON_ROSTER");
    assert.equal(updated.students.length, 2);
  });
});
