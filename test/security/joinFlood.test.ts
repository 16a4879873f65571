/**
 * SS4 (SECURITY.md): limits per IP, not per socket. Join codes could be guessed over sockets at
 * 185 codes/s by opening more sockets (each had its own budget); HTTP lookups were already held to
 * JOIN_LIMIT per IP. Failed joins and rejoins now draw on one bucket per IP with the same limit,
 * while a whole class joining at once from one school address is never slowed.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { connectClient, nextEvent, request, type TestSocket } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { JOIN_LIMIT } from "../../server/limits";
import { JOIN_CODE_ALPHABET } from "../../lib/protocol/joinCode";

/** The n-th guessed code: well-formed, so it reaches the handler (malformed ones stop at the schema). */
const guess = (n: number) =>
  "ZZ" + [0, 1, 2, 3].map((d) => JOIN_CODE_ALPHABET[Math.floor(n / JOIN_CODE_ALPHABET.length ** d) % JOIN_CODE_ALPHABET.length]).join("");

describe("SS4 join flooding", () => {
  // A server per test: the flood empties the per-IP join bucket, which must not decide the next test.
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it("SS4: a class larger than the burst joins from one IP; guessing codes over many sockets is held to JOIN_LIMIT", async () => {
    const t = await instructorWithSession(server, "");
    const classSize = JOIN_LIMIT.burst + 30;
    assert.ok((await request(t.console, "session:guestSeats", { sessionId: t.sessionId, limit: classSize })).ok);
    const students = [];
    for (let i = 0; i < classSize; i++) students.push(await joinAsGuest(server, t.code, `student ${i}`));
    assert.equal(students.length, classSize, "every honest join succeeded");

    // One client guesses codes over 10 sockets, 20 guesses each (each socket's own limit allows 30).
    const guessers: TestSocket[] = await Promise.all(Array.from({ length: 10 }, () => connectClient(server.url)));
    const started = Date.now();
    const replies = await Promise.all(
      guessers.flatMap((socket, s) =>
        Array.from({ length: 20 }, (_, i) => request(socket, "session:join", { code: guess(s * 20 + i), identity: { kind: "guest", nickname: "guess" } })),
      ),
    );
    const codes = replies.map((r) => (r.ok ? "OK" : r.error.code));
    const limited = codes.filter((c) => c === "RATE_LIMITED").length;
    const refilled = Math.ceil(((Date.now() - started) / 1000) * JOIN_LIMIT.perSecond);
    assert.ok(limited >= 200 - JOIN_LIMIT.burst - refilled, `only JOIN_LIMIT's burst and refill reach the database: ${limited} limited, ${refilled} refilled`);
    assert.ok(!codes.includes("OK"));
    for (const s of [...students.map((st) => st.socket), ...guessers]) s.close();
    t.console.close();
  });

  it("SS4: joins sent all at once take one seat per connection and never more guest seats than the cap", async () => {
    const t = await instructorWithSession(server, "");
    assert.ok((await request(t.console, "session:guestSeats", { sessionId: t.sessionId, limit: 3 })).ok);
    // One connection sends ten joins before any answer; five more connections send three each.
    const greedy = await connectClient(server.url);
    const others = await Promise.all(Array.from({ length: 5 }, () => connectClient(server.url)));
    const joinAs = (socket: TestSocket, nickname: string) => request(socket, "session:join", { code: t.code, identity: { kind: "guest", nickname } });
    const [fromGreedy, fromOthers] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, (_, i) => joinAs(greedy, `greedy ${i}`))),
      Promise.all(others.flatMap((socket, s) => Array.from({ length: 3 }, (_, i) => joinAs(socket, `other ${s}-${i}`)))),
    ]);
    assert.equal(
      fromGreedy.filter((r) => r.ok).length,
      1,
      `one seat for one connection: ${JSON.stringify(fromGreedy.map((r) => (r.ok ? "OK" : r.error.code)))}`,
    );
    const roster = await request(t.console, "instructor:attach", { sessionId: t.sessionId });
    assert.ok(roster.ok);
    assert.equal(roster.data.participants.length, 3, `the cap holds: ${roster.data.participants.map((p) => p.displayName).join(", ")}`);
    assert.equal([...fromGreedy, ...fromOthers].filter((r) => r.ok).length, 3, "every seated join was answered OK");
    for (const s of [greedy, ...others]) s.close();
    t.console.close();
  });

  it("SS4: the instructor caps guest seats and removes a seat; the removed student's page stops and cannot come back", async () => {
    const t = await instructorWithSession(server, "");
    const student = await joinAsGuest(server, t.code, "first");
    assert.ok(!(await request(student.socket, "session:guestSeats", { sessionId: t.sessionId, limit: 500 })).ok, "students cannot change the cap");
    assert.ok((await request(t.console, "session:guestSeats", { sessionId: t.sessionId, limit: 2 })).ok);
    const second = await joinAsGuest(server, t.code, "second");
    const third = await connectClient(server.url);
    const full = await request(third, "session:join", { code: t.code, identity: { kind: "guest", nickname: "third" } });
    assert.ok(!full.ok && full.error.code === "CONFLICT" && full.error.issues?.reason?.[0] === "GUEST_SEATS_FULL", JSON.stringify(full));

    const told = nextEvent(student.socket, "session:removed");
    assert.ok((await request(t.console, "session:removeParticipant", { sessionId: t.sessionId, participantId: student.participantId })).ok);
    await told;
    const back = await connectClient(server.url);
    const rejoin = await request(back, "session:rejoin", { rejoinToken: student.token });
    assert.ok(!rejoin.ok && rejoin.error.code === "FORBIDDEN", JSON.stringify(rejoin));
    const sameName = await request(back, "session:join", { code: t.code, identity: { kind: "guest", nickname: "first" } });
    assert.ok(!sameName.ok && sameName.error.code === "FORBIDDEN", JSON.stringify(sameName));
    const freed = await request(third, "session:join", { code: t.code, identity: { kind: "guest", nickname: "third" } });
    assert.ok(freed.ok, "the removed seat is free for someone else");
    const roster = await request(t.console, "instructor:attach", { sessionId: t.sessionId });
    assert.ok(roster.ok);
    assert.deepEqual(roster.data.participants.map((p) => p.displayName).sort(), ["second", "third"]);
    for (const s of [second.socket, third, back, student.socket]) s.close();
    t.console.close();
  });
});
