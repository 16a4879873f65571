/** R9: X-Forwarded-For is believed only from a trusted proxy (server/http/clientAddress.ts). */
import assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { instructorWithSession } from "../helpers/scenario";
import { startTestServer } from "../helpers/server";
import { clientAddress } from "../../server/http/clientAddress";
import { io } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../lib/protocol/events";
import { request, type TestSocket } from "../helpers/clients";

const proxy = new Set(["10.0.0.2"]);
const none = new Set<string>();
const cases: { name: string; peer: string; header?: string; trusted: ReadonlySet<string>; expected: string }[] = [
  { name: "no proxy configured: the peer, whatever the header says", peer: "203.0.113.7", header: "1.2.3.4", trusted: none, expected: "203.0.113.7" },
  { name: "from the trusted proxy: the address it forwarded", peer: "10.0.0.2", header: "198.51.100.20", trusted: proxy, expected: "198.51.100.20" },
  {
    name: "a forged left-most entry is ignored: the proxy appended the real one",
    peer: "10.0.0.2",
    header: "1.2.3.4, 198.51.100.20",
    trusted: proxy,
    expected: "198.51.100.20",
  },
  { name: "IPv4-mapped IPv6 peer counts as the trusted proxy", peer: "::ffff:10.0.0.2", header: "198.51.100.20", trusted: proxy, expected: "198.51.100.20" },
  { name: "trusted proxy without the header: the proxy itself", peer: "10.0.0.2", trusted: proxy, expected: "10.0.0.2" },
  { name: "an untrusted peer sending the header is not believed", peer: "198.51.100.9", header: "10.9.9.9", trusted: proxy, expected: "198.51.100.9" },
];
for (const c of cases) {
  test(`R9: ${c.name}`, () => {
    assert.equal(clientAddress(c.peer, c.header, c.trusted), c.expected);
  });
}

describe("R9 through the real server: join-page lookups behind a load balancer", () => {
  /** `n` lookups at once (the per-IP burst is 120, then 5 a second), each forwarded for a different student. */
  async function lookups(url: string, code: string, n: number): Promise<number[]> {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => (await fetch(`${url}/api/join/${code}`, { headers: { "x-forwarded-for": `198.51.100.${i}` } })).status),
    );
  }

  it("R9: with the balancer trusted, 130 students behind it are not one rate-limit bucket; untrusted, the header changes nothing", async () => {
    const trusting = await startTestServer({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
    try {
      const t = await instructorWithSession(trusting);
      const statuses = await lookups(trusting.url, t.code, 130);
      assert.ok(
        statuses.every((s) => s === 200),
        JSON.stringify(statuses),
      );
      t.console.close();
    } finally {
      await trusting.close();
    }
    const plain = await startTestServer();
    try {
      const t = await instructorWithSession(plain);
      const limited = await lookups(plain.url, t.code, 300); // more than the burst plus what refills while they run
      assert.ok(
        limited.some((s) => s === 429),
        JSON.stringify(limited),
      );
      t.console.close();
    } finally {
      await plain.close();
    }
  });
});

describe("R9 on sockets: failed joins behind a load balancer", () => {
  /** `n` sockets at once, each forwarded for a different student, each trying a code that does not exist (a join, or a request for a seat). */
  async function failedJoins(url: string, n: number, event: "session:join" | "session:claim" = "session:join"): Promise<string[]> {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const socket = io(url, {
          transports: ["websocket"],
          forceNew: true,
          reconnection: false,
          auth: { protocolVersion: PROTOCOL_VERSION },
          extraHeaders: { "x-forwarded-for": `198.51.100.${i}` },
        }) as TestSocket;
        await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
        const reply = await request(socket, event, { code: "ZZZZZZ", identity: { kind: "guest", nickname: `s${i}` } });
        socket.close();
        return reply.ok ? "ok" : reply.error.code;
      }),
    );
  }

  it("R9: with the balancer trusted, 130 students' failed joins are counted per student, not in the balancer's one bucket", async () => {
    const trusting = await startTestServer({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
    try {
      const codes = await failedJoins(trusting.url, 130);
      assert.ok(
        codes.every((c) => c === "NOT_FOUND"),
        JSON.stringify(codes),
      );
    } finally {
      await trusting.close();
    }
    const plain = await startTestServer();
    try {
      const codes = await failedJoins(plain.url, 300); // more than the burst of 120 plus what refills (5/s) while they run
      assert.ok(codes.includes("RATE_LIMITED"), JSON.stringify(codes));
    } finally {
      await plain.close();
    }
  });

  it("R9: requests for a seat (SS5) draw on the same per-student bucket behind a trusted balancer", async () => {
    const trusting = await startTestServer({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
    try {
      const codes = await failedJoins(trusting.url, 130, "session:claim");
      assert.ok(
        codes.every((c) => c === "NOT_FOUND"),
        JSON.stringify(codes),
      );
    } finally {
      await trusting.close();
    }
  });
});
