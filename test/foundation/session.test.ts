/**
 * Joining a live session over real sockets, on every database kind (a contract suite:
 * SQLite always, PostgreSQL when DATABASE_URL_PG is set). Rule IDs (S1…S10) are those of
 * lib/session/SPEC.md.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient, connectClient, nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";

for (const kind of DB_KINDS) {
  describe(`live session joining (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ kind });
    });
    after(() => server.close());

    it("S3/S4: students join by roster name and as guests; the instructor's roster shows them connected", async () => {
      const t = await instructorWithSession(server);
      const lookup = await new ApiClient(server.url).ok("lookupJoinCode", { params: { code: t.code.toLowerCase() } });
      assert.equal(lookup.className, "2학년 3반");
      assert.deepEqual(lookup.roster.map((r) => r.name).sort(), ["Lee Jun", "김민지", "박서연"]);

      const rosterArrives = nextEvent(t.console, "roster:update", (u) => u.participants.filter((p) => p.connected).length === 2);
      const minji = await joinAsRoster(server, t.code, t.students["김민지"]);
      const guest = await joinAsGuest(server, t.code, "  Guest  Star ");
      const update = await rosterArrives;
      assert.deepEqual(update.participants.map((p) => p.displayName).sort(), ["Guest Star", "김민지"]);
      assert.equal(update.participants.find((p) => p.displayName === "김민지")?.rosterStudentId, t.students["김민지"]);

      const after = await new ApiClient(server.url).ok("lookupJoinCode", { params: { code: t.code } });
      assert.equal(after.roster.find((r) => r.name === "김민지")?.taken, true);
      assert.equal(after.roster.find((r) => r.name === "박서연")?.taken, false);
      minji.socket.close();
      guest.socket.close();
      t.console.close();
    });

    it("S5: a student who drops and rejoins with the token is the same participant; the instructor sees the drop and the return", async () => {
      const t = await instructorWithSession(server);
      const first = await joinAsRoster(server, t.code, t.students["Lee Jun"]);
      await nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === first.participantId && p.connected));

      const dropSeen = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === first.participantId && !p.connected));
      first.socket.close();
      await dropSeen;

      const returnSeen = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === first.participantId && p.connected));
      const again = await connectClient(server.url);
      const reply = await request(again, "session:rejoin", { rejoinToken: first.token });
      assert.ok(reply.ok, JSON.stringify(reply));
      assert.equal(reply.data.snapshot.you.participantId, first.participantId);
      assert.equal(reply.data.snapshot.you.displayName, "Lee Jun");
      assert.notEqual(reply.data.rejoinToken, first.token, "the token rotates on every rejoin");
      const back = await returnSeen;
      assert.equal(back.participants.length, 1, "no second participant was created");

      // Once the browser confirms it saved the new token, the used one is a replay: refused.
      assert.ok((await request(again, "session:confirmToken", { rejoinToken: reply.data.rejoinToken })).ok);
      const replayer = await connectClient(server.url);
      const replay = await request(replayer, "session:rejoin", { rejoinToken: first.token });
      assert.ok(!replay.ok && replay.error.code === "INVALID_TOKEN");
      again.close();
      replayer.close();
      t.console.close();
    });

    it("S6: a rejoin whose reply is lost: the old token still works until the browser confirms the new one", async () => {
      const t = await instructorWithSession(server);
      const first = await joinAsRoster(server, t.code, t.students["김민지"]);
      first.socket.close();

      // The server rotates the token, but the reply never reaches the browser (the Wi-Fi drops again).
      const lost = await connectClient(server.url);
      const unseen = await request(lost, "session:rejoin", { rejoinToken: first.token });
      assert.ok(unseen.ok);
      lost.close();

      // The browser still holds the old token: it gets its seat and the newest token back.
      const retry = await connectClient(server.url);
      const again = await request(retry, "session:rejoin", { rejoinToken: first.token });
      assert.ok(again.ok, JSON.stringify(again));
      assert.equal(again.data.snapshot.you.participantId, first.participantId);
      assert.equal(again.data.rejoinToken, unseen.data.rejoinToken, "the newest token, not a third one");

      // Saved and confirmed: the old token is refused, the newest works (and rotates).
      assert.ok((await request(retry, "session:confirmToken", { rejoinToken: again.data.rejoinToken })).ok);
      retry.close();
      const replayer = await connectClient(server.url);
      const replay = await request(replayer, "session:rejoin", { rejoinToken: first.token });
      assert.ok(!replay.ok && replay.error.code === "INVALID_TOKEN");
      const next = await request(replayer, "session:rejoin", { rejoinToken: again.data.rejoinToken });
      assert.ok(next.ok && next.data.rejoinToken !== again.data.rejoinToken);

      // A token of another seat cannot be confirmed here.
      const other = await joinAsGuest(server, t.code, "다른학생");
      const foreign = await request(replayer, "session:confirmToken", { rejoinToken: other.token });
      assert.ok(!foreign.ok && foreign.error.code === "INVALID_TOKEN");
      for (const s of [replayer, other.socket, t.console]) s.close();
    });

    it("S7: the newest connection of a seat wins: the older socket is told it was replaced", async () => {
      const t = await instructorWithSession(server);
      const tab1 = await joinAsGuest(server, t.code, "두탭");
      const replaced = nextEvent(tab1.socket, "session:replaced");
      const tab2 = await connectClient(server.url);
      const reply = await request(tab2, "session:rejoin", { rejoinToken: tab1.token });
      assert.ok(reply.ok);
      assert.equal((await replaced).sessionId, t.sessionId);
      tab2.close();
      t.console.close();
    });

    it("S2/S3/S4 names: a connected roster name, a roster name typed as a guest, and a connected guest's nickname are refused", async () => {
      const t = await instructorWithSession(server);
      const holder = await joinAsRoster(server, t.code, t.students["박서연"]);
      const intruder = await connectClient(server.url);
      const taken = await request(intruder, "session:join", { code: t.code, identity: { kind: "roster", rosterStudentId: t.students["박서연"] } });
      assert.ok(!taken.ok && taken.error.code === "CONFLICT");
      const asGuest = await request(intruder, "session:join", { code: t.code, identity: { kind: "guest", nickname: "박서연" } });
      assert.ok(!asGuest.ok && asGuest.error.code === "CONFLICT" && /roster/.test(asGuest.error.message));
      const guest = await joinAsGuest(server, t.code, "Neo");
      const dup = await request(intruder, "session:join", { code: t.code, identity: { kind: "guest", nickname: "neo" } });
      assert.ok(!dup.ok && dup.error.code === "CONFLICT");

      // Once the guest has left, the same nickname still does not give the seat away: the guest
      // comes back with their token, another device only with the instructor's approval (SS5).
      guest.socket.close();
      await nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === guest.participantId && !p.connected));
      const reclaimed = await request(intruder, "session:join", { code: t.code, identity: { kind: "guest", nickname: "Neo" } });
      assert.ok(!reclaimed.ok && reclaimed.error.code === "CONFLICT" && reclaimed.error.issues?.SEAT_HELD, JSON.stringify(reclaimed));
      holder.socket.close();
      intruder.close();
      t.console.close();
    });

    it("S1/S2: bad join input gets a clear error: empty, over-long and control-character nicknames, wrong code, unknown roster id", async () => {
      const t = await instructorWithSession(server);
      const s = await connectClient(server.url);
      const cases: [unknown, string, string?][] = [
        [{ code: t.code, identity: { kind: "guest", nickname: "   " } }, "BAD_REQUEST", "identity.nickname"],
        [{ code: t.code, identity: { kind: "guest", nickname: "가".repeat(25) } }, "BAD_REQUEST", "identity.nickname"],
        [{ code: t.code, identity: { kind: "guest", nickname: "a\u0000b" } }, "BAD_REQUEST", "identity.nickname"],
        [{ code: "ZZZZZZ", identity: { kind: "guest", nickname: "x" } }, "NOT_FOUND"],
        [{ code: "12", identity: { kind: "guest", nickname: "x" } }, "BAD_REQUEST", "code"],
        [{ code: t.code, identity: { kind: "roster", rosterStudentId: "nope" } }, "NOT_FOUND"],
        [{ code: t.code, identity: { kind: "teacher" } }, "BAD_REQUEST", "identity.kind"],
        ["not an object", "BAD_REQUEST"],
      ];
      for (const [payload, code, field] of cases) {
        const reply = await request(s, "session:join", payload);
        assert.ok(!reply.ok, JSON.stringify(payload));
        assert.equal(reply.error.code, code, JSON.stringify(payload));
        if (field) assert.ok(reply.error.issues?.[field]?.length, `${JSON.stringify(payload)} → ${JSON.stringify(reply.error.issues)}`);
      }
      const wrongCode = await new ApiClient(server.url).call("lookupJoinCode", { params: { code: "ZZZZZZ" } });
      assert.equal(wrongCode.status, 404);
      s.close();
      t.console.close();
    });

    it("S9: an ended session refuses joins and rejoins, and tells connected students it ended", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsGuest(server, t.code, "끝까지");
      const endedSeen = nextEvent(student.socket, "session:ended");
      const ended = await request(t.console, "session:end", { sessionId: t.sessionId });
      assert.ok(ended.ok && ended.data.status === "ended");
      await endedSeen;
      const late = await connectClient(server.url);
      const join = await request(late, "session:join", { code: t.code, identity: { kind: "guest", nickname: "late" } });
      assert.ok(!join.ok && join.error.code === "SESSION_ENDED");
      const rejoin = await request(late, "session:rejoin", { rejoinToken: student.token });
      assert.ok(!rejoin.ok && rejoin.error.code === "SESSION_ENDED");
      assert.equal((await new ApiClient(server.url).call("lookupJoinCode", { params: { code: t.code } })).status, 410);
      late.close();
      student.socket.close();
      t.console.close();
    });

    it("S8 roles: students cannot use instructor events, anonymous sockets cannot attach, one socket holds one role", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsGuest(server, t.code, "학생");
      const end = await request(student.socket, "session:end", { sessionId: t.sessionId });
      assert.ok(!end.ok && end.error.code === "FORBIDDEN");
      const attachAsStudent = await request(student.socket, "instructor:attach", { sessionId: t.sessionId });
      assert.ok(!attachAsStudent.ok && ["UNAUTHENTICATED", "FORBIDDEN"].includes(attachAsStudent.error.code));
      const second = await request(student.socket, "session:join", { code: t.code, identity: { kind: "guest", nickname: "another" } });
      assert.ok(!second.ok && second.error.code === "FORBIDDEN");

      const anonymous = await connectClient(server.url);
      const attach = await request(anonymous, "instructor:attach", { sessionId: t.sessionId });
      assert.ok(!attach.ok && attach.error.code === "UNAUTHENTICATED");

      const other = new ApiClient(server.url);
      await other.ok("signup", { body: { email: `other-${kind}@school.kr`, password: "correct horse", displayName: "O" } });
      const otherSocket = await connectClient(server.url, { cookie: other.cookie });
      const foreign = await request(otherSocket, "instructor:attach", { sessionId: t.sessionId });
      assert.ok(!foreign.ok && foreign.error.code === "NOT_FOUND");
      const forgedEnd = await request(otherSocket, "session:end", { sessionId: t.sessionId });
      assert.ok(!forgedEnd.ok && forgedEnd.error.code === "FORBIDDEN");
      for (const s of [student.socket, anonymous, otherSocket, t.console]) s.close();
    });

    it("S5: forged tokens are refused", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsGuest(server, t.code, "진짜");
      const [body, sig] = student.token.split(".");
      const forgedBody = Buffer.from(JSON.stringify({ s: t.sessionId, p: student.participantId, v: 99 })).toString("base64url");
      const s = await connectClient(server.url);
      for (const token of [`${forgedBody}.${sig}`, `${body}.${"A".repeat(sig.length)}`, "x", "a.b"]) {
        const reply = await request(s, "session:rejoin", { rejoinToken: token });
        assert.ok(!reply.ok && reply.error.code === "INVALID_TOKEN", token);
      }
      s.close();
      student.socket.close();
      t.console.close();
    });
  });
}

describe("transport limits", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("S10: refuses a client that speaks another protocol version", async () => {
    await assert.rejects(
      connectClient(server.url, { protocolVersion: 999 }),
      (error: Error & { data?: { code?: string } }) => error.data?.code === "PROTOCOL_MISMATCH",
    );
  });

  it("S10: closes a connection that sends an oversized message", async () => {
    const s = await connectClient(server.url);
    const closed = new Promise<string>((resolve) => s.once("disconnect", resolve));
    s.emit("session:join", { code: "ABCDEF", identity: { kind: "guest", nickname: "x".repeat(200_000) } } as never, () => undefined);
    assert.equal(await closed, "transport close");
  });

  it("S10: rate-limits a flood of events from one socket", async () => {
    const s = await connectClient(server.url);
    const replies = await Promise.all(Array.from({ length: 60 }, () => request(s, "session:rejoin", { rejoinToken: "x" })));
    const limited = replies.filter((r) => !r.ok && r.error.code === "RATE_LIMITED").length;
    assert.ok(limited >= 20, `expected most of the flood to be limited, got ${limited}`);
    assert.ok(
      replies.some((r) => !r.ok && r.error.code === "INVALID_TOKEN"),
      "the first requests are still answered",
    );
    s.close();
  });

  it("S10: ignores requests without an acknowledgement callback and keeps serving", async () => {
    const s = await connectClient(server.url);
    (s as unknown as { emit(e: string, p: unknown): void }).emit("session:join", { code: 1 });
    const reply = await request(s, "session:rejoin", { rejoinToken: "x" });
    assert.ok(!reply.ok && reply.error.code === "INVALID_TOKEN");
    s.close();
  });
});
