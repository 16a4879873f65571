/**
 * W12 (SECURITY.md), issue 12 item 8(f): login answered in 5 ms for unknown emails and 186 ms for
 * known ones, and sign-up said the email existed. Timing is not asserted in tests; the work is:
 * the real server runs with scrypt wrapped in a counter, and every answer that could tell an
 * unknown email from a known one must cost exactly the same scrypt calls at the same cost.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { scryptHasher, type PasswordHasher } from "../../server/auth/password";
import { ApiClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** One scrypt call: what for, and at which cost (`scrypt$N$r$p` of the hash it made or checked). */
type Work = { kind: "hash" | "verify"; cost: string };
const costOf = (stored: string) => stored.split("$").slice(0, 4).join("$");

describe("W12 the same work for known and unknown emails", () => {
  let server: TestServer;
  let work: Work[] = [];
  const counting: PasswordHasher = {
    async hash(password) {
      // Counted when called (the server's dummy hash starts at start-up and may finish later).
      const entry: Work = { kind: "hash", cost: "" };
      work.push(entry);
      const hash = await scryptHasher.hash(password);
      entry.cost = costOf(hash);
      return hash;
    },
    async verify(password, stored) {
      work.push({ kind: "verify", cost: costOf(stored) });
      return scryptHasher.verify(password, stored);
    },
  };
  /** The scrypt calls one request cost. */
  async function workOf(call: () => Promise<{ status: number }>): Promise<{ status: number; work: Work[] }> {
    work = [];
    const { status } = await call();
    return { status, work };
  }
  before(async () => {
    server = await startTestServer({ hasher: counting });
  });
  beforeEach(() => (work = []));
  after(() => server.close());

  it("W12: login with an unknown email costs the same scrypt as a wrong password for a known one; sign-up of a taken email the same as of a free one", async () => {
    const api = new ApiClient(server.url);
    const signup = (email: string) => () => api.call("signup", { body: { email, password: "a fine long password", displayName: "T" } });
    const login = (email: string, password: string) => () => new ApiClient(server.url).call("login", { body: { email, password } });

    const free = await workOf(signup("known-w12@school.kr"));
    const taken = await workOf(signup("known-w12@school.kr"));
    assert.deepEqual([free.status, taken.status], [200, 409]);
    assert.equal(free.work.length, 1);
    assert.deepEqual(taken.work, free.work, "a taken email is hashed like a free one, before it is looked up");

    const known = await workOf(login("known-w12@school.kr", "not the password at all"));
    const unknown = await workOf(login("nobody-w12@school.kr", "not the password at all"));
    const right = await workOf(login("known-w12@school.kr", "a fine long password"));
    assert.deepEqual([known.status, unknown.status, right.status], [401, 401, 200]);
    assert.deepEqual(known.work, [{ kind: "verify", cost: free.work[0].cost }], "one scrypt at the account's cost");
    assert.deepEqual(unknown.work, known.work, "an unknown email is checked against a dummy hash of the same cost");
    assert.deepEqual(right.work, known.work);
  });
});
