/**
 * SS5 (SECURITY.md): anyone could take a disconnected classmate's seat by picking their roster
 * name (or typing the same guest nickname) in a fresh browser, and inherit their submissions and
 * score. A seat that has an owner now moves to another device only when the session's instructor
 * approves the request in the console; the owner's tokens then stop working, and the roster shows
 * the takeover. Real server, real socket.io-client peers, SQLite (and PostgreSQL when DATABASE_URL_PG is set).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient, connectClient, nextEvent, request, type TestSocket } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { SEAT_HELD } from "../../lib/protocol/session";
import { JOIN_LIMIT, MAX_PENDING_SEAT_CLAIMS, SEAT_CLAIM_TTL_MS } from "../../server/limits";

/** A fresh browser asks for the seat and waits; returns its socket and request token. */
async function askForSeat(server: TestServer, payload: unknown): Promise<{ socket: TestSocket; claimToken: string }> {
  const socket = await connectClient(server.url);
  const reply = await request(socket, "session:claim", payload);
  assert.ok(reply.ok, JSON.stringify(reply));
  return { socket, claimToken: reply.data.claimToken };
}

for (const kind of DB_KINDS)
  describe(`SS5 seat takeover needs the instructor (${kind})`, () => {
    let clock = Date.now();
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("SS5: a fresh browser picking a classmate's roster name waits for the instructor; approval moves the seat, drops the owner and revokes the owner's token", async () => {
      const t = await instructorWithSession(server);
      const owner = await joinAsRoster(server, t.code, t.students["김민지"]);
      const identity = { kind: "roster", rosterStudentId: t.students["김민지"] };

      // Joining is refused: the seat has an owner. The page may ask the teacher instead.
      const intruder = await connectClient(server.url);
      const joined = await request(intruder, "session:join", { code: t.code, identity });
      assert.ok(!joined.ok && joined.error.code === "CONFLICT" && joined.error.issues?.[SEAT_HELD], JSON.stringify(joined));
      intruder.close();

      const requestShown = nextEvent(t.console, "roster:update", (u) => u.seatClaims.some((c) => c.participantId === owner.participantId));
      const claimant = await askForSeat(server, { code: t.code, identity });
      const shown = (await requestShown).seatClaims.find((c) => c.participantId === owner.participantId);
      assert.equal(shown?.displayName, "김민지");
      assert.equal(shown?.ownerConnected, true, "the console says the owner is here right now");
      const waiting = await request(claimant.socket, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(waiting.ok && waiting.data.status === "pending", JSON.stringify(waiting));
      assert.ok(!(await request(claimant.socket, "training:sync", {})).ok, "a waiting device has no seat");

      const ownerTold = nextEvent(owner.socket, "session:replaced");
      const ownerDropped = new Promise<void>((resolve) => owner.socket.once("disconnect", () => resolve()));
      const decided = nextEvent(claimant.socket, "session:claimDecided");
      const markShown = nextEvent(
        t.console,
        "roster:update",
        (u) => u.participants.some((p) => p.id === owner.participantId && p.takenOverAt !== null) && u.seatClaims.length === 0,
      );
      assert.ok((await request(t.console, "session:decideClaim", { sessionId: t.sessionId, claimId: shown.id, approve: true })).ok);
      assert.equal((await ownerTold).sessionId, t.sessionId);
      await ownerDropped;
      assert.equal((await decided).approved, true);

      const seated = await request(claimant.socket, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(seated.ok && seated.data.status === "seated", JSON.stringify(seated));
      assert.equal(seated.data.snapshot.you.participantId, owner.participantId, "the same seat, with its submissions and score");
      await markShown;

      // The owner's token no longer rejoins; the claimant's new one does; the request is used up.
      const oldDevice = await connectClient(server.url);
      const stale = await request(oldDevice, "session:rejoin", { rejoinToken: owner.token });
      assert.ok(!stale.ok && stale.error.code === "INVALID_TOKEN", JSON.stringify(stale));
      const again = await request(oldDevice, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(again.ok && again.data.status === "expired", "an approved request gives the seat once");
      claimant.socket.close();
      const newDevice = await connectClient(server.url);
      const back = await request(newDevice, "session:rejoin", { rejoinToken: seated.data.rejoinToken });
      assert.ok(back.ok && back.data.snapshot.you.participantId === owner.participantId, JSON.stringify(back));
      for (const s of [oldDevice, newDevice, t.console]) s.close();
    });

    it("SS5: the instructor refuses: the claimant is told, and the disconnected owner keeps the seat and its token", async () => {
      const t = await instructorWithSession(server, "");
      const owner = await joinAsGuest(server, t.code, "Neo");
      const dropSeen = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === owner.participantId && !p.connected));
      owner.socket.close();
      await dropSeen;

      // The same nickname in a fresh browser no longer gives the seat back by itself.
      const fresh = await connectClient(server.url);
      const joined = await request(fresh, "session:join", { code: t.code, identity: { kind: "guest", nickname: "neo" } });
      assert.ok(!joined.ok && joined.error.code === "CONFLICT" && joined.error.issues?.[SEAT_HELD]?.[0] === "disconnected", JSON.stringify(joined));
      fresh.close();

      const requestShown = nextEvent(t.console, "roster:update", (u) => u.seatClaims.length === 1);
      const claimant = await askForSeat(server, { code: t.code, identity: { kind: "guest", nickname: "neo" } });
      const [shown] = (await requestShown).seatClaims;
      assert.equal(shown.ownerConnected, false);
      const decided = nextEvent(claimant.socket, "session:claimDecided");
      assert.ok((await request(t.console, "session:decideClaim", { sessionId: t.sessionId, claimId: shown.id, approve: false })).ok);
      assert.equal((await decided).approved, false);
      const status = await request(claimant.socket, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(status.ok && status.data.status === "refused", JSON.stringify(status));
      const twice = await request(t.console, "session:decideClaim", { sessionId: t.sessionId, claimId: shown.id, approve: true });
      assert.ok(!twice.ok && twice.error.code === "CONFLICT", "a decided request cannot be approved afterwards");

      const ownerBack = await connectClient(server.url);
      const rejoined = await request(ownerBack, "session:rejoin", { rejoinToken: owner.token });
      assert.ok(rejoined.ok && rejoined.data.snapshot.you.participantId === owner.participantId, JSON.stringify(rejoined));
      for (const s of [claimant.socket, ownerBack, t.console]) s.close();
    });

    it("SS5: only the session's own instructor decides — not a student, not the claimant, not another instructor", async () => {
      const t = await instructorWithSession(server);
      const owner = await joinAsRoster(server, t.code, t.students["Lee Jun"]);
      const classmate = await joinAsRoster(server, t.code, t.students["박서연"]);
      const requestShown = nextEvent(t.console, "roster:update", (u) => u.seatClaims.length === 1);
      const claimant = await askForSeat(server, { code: t.code, identity: { kind: "roster", rosterStudentId: t.students["Lee Jun"] } });
      const [shown] = (await requestShown).seatClaims;

      const other = await instructorWithSession(server);
      for (const socket of [classmate.socket, claimant.socket, other.console]) {
        const reply = await request(socket, "session:decideClaim", { sessionId: t.sessionId, claimId: shown.id, approve: true });
        assert.ok(!reply.ok && reply.error.code === "FORBIDDEN", JSON.stringify(reply));
      }
      // Another instructor naming the request under their own session finds nothing.
      const foreign = await request(other.console, "session:decideClaim", { sessionId: other.sessionId, claimId: shown.id, approve: true });
      assert.ok(!foreign.ok && foreign.error.code === "NOT_FOUND", JSON.stringify(foreign));
      const status = await request(claimant.socket, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(status.ok && status.data.status === "pending", "nobody but the instructor moved the seat");
      const forged = await request(claimant.socket, "session:claimStatus", { claimToken: `${claimant.claimToken.split(".")[0]}.AAAA` });
      assert.ok(!forged.ok && forged.error.code === "INVALID_TOKEN");
      for (const s of [owner.socket, classmate.socket, claimant.socket, other.console, t.console]) s.close();
    });

    it("SS5: a request expires if nobody decides; requests per session are capped", async () => {
      const t = await instructorWithSession(server, "");
      const owners = [];
      for (let i = 0; i < MAX_PENDING_SEAT_CLAIMS + 1; i++) owners.push(await joinAsGuest(server, t.code, `seat ${i}`));
      const claimants = [];
      for (let i = 0; i < MAX_PENDING_SEAT_CLAIMS; i++) {
        claimants.push(await askForSeat(server, { code: t.code, identity: { kind: "guest", nickname: `seat ${i}` } }));
      }
      const extra = await connectClient(server.url);
      const capped = await request(extra, "session:claim", { code: t.code, identity: { kind: "guest", nickname: `seat ${MAX_PENDING_SEAT_CLAIMS}` } });
      assert.ok(!capped.ok && capped.error.code === "RATE_LIMITED", JSON.stringify(capped));

      clock += SEAT_CLAIM_TTL_MS + 1;
      const expired = await request(claimants[0].socket, "session:claimStatus", { claimToken: claimants[0].claimToken });
      assert.ok(expired.ok && expired.data.status === "expired", JSON.stringify(expired));
      const attached = await request(t.console, "instructor:attach", { sessionId: t.sessionId });
      assert.ok(attached.ok && attached.data.seatClaims.length === 0, "expired requests leave the console");
      const claimId = JSON.parse(Buffer.from(claimants[0].claimToken.split(".")[0], "base64url").toString()) as { c: string };
      const late = await request(t.console, "session:decideClaim", { sessionId: t.sessionId, claimId: claimId.c, approve: true });
      assert.ok(!late.ok && late.error.code === "CONFLICT", "an expired request cannot be approved");
      const room = await request(extra, "session:claim", { code: t.code, identity: { kind: "guest", nickname: `seat ${MAX_PENDING_SEAT_CLAIMS}` } });
      assert.ok(room.ok, "expired requests make room");
      for (const s of [...owners.map((o) => o.socket), ...claimants.map((c) => c.socket), extra, t.console]) s.close();
    });

    it("SS5: requests for seats are held to the address's join limit (not given back like a successful join)", async () => {
      const fresh = await startTestServer({ kind });
      try {
        const t = await instructorWithSession(fresh, "");
        const owner = await joinAsGuest(fresh, t.code, "owner");
        // Spread over sockets, as a flooding client would: each socket's own request limit is not what stops them.
        const askers = await Promise.all(Array.from({ length: 10 }, () => connectClient(fresh.url)));
        const started = Date.now();
        const replies = await Promise.all(
          askers.flatMap((socket) =>
            Array.from({ length: 15 }, () => request(socket, "session:claim", { code: t.code, identity: { kind: "guest", nickname: "owner" } })),
          ),
        );
        const codes = replies.map((r) => (r.ok ? "OK" : r.error.code));
        const refilled = Math.ceil(((Date.now() - started) / 1000) * JOIN_LIMIT.perSecond);
        const taken = codes.filter((c) => c !== "RATE_LIMITED").length;
        assert.ok(taken <= JOIN_LIMIT.burst + refilled, `${taken} requests got past the address's join bucket`);
        assert.ok(codes.includes("RATE_LIMITED"));
        owner.socket.close();
        for (const s of askers) s.close();
        t.console.close();
      } finally {
        await fresh.close();
      }
    });

    it("SS5: an ended session takes no requests and no decisions", async () => {
      const t = await instructorWithSession(server, "");
      const owner = await joinAsGuest(server, t.code, "끝");
      const requestShown = nextEvent(t.console, "roster:update", (u) => u.seatClaims.length === 1);
      const claimant = await askForSeat(server, { code: t.code, identity: { kind: "guest", nickname: "끝" } });
      const [shown] = (await requestShown).seatClaims;
      assert.ok((await request(t.console, "session:end", { sessionId: t.sessionId })).ok);

      const decide = await request(t.console, "session:decideClaim", { sessionId: t.sessionId, claimId: shown.id, approve: true });
      assert.ok(!decide.ok && decide.error.code === "SESSION_ENDED", JSON.stringify(decide));
      const status = await request(claimant.socket, "session:claimStatus", { claimToken: claimant.claimToken });
      assert.ok(!status.ok && status.error.code === "SESSION_ENDED", JSON.stringify(status));
      const late = await connectClient(server.url);
      const claim = await request(late, "session:claim", { code: t.code, identity: { kind: "guest", nickname: "끝" } });
      assert.ok(!claim.ok && claim.error.code === "SESSION_ENDED", JSON.stringify(claim));
      const api = new ApiClient(server.url);
      assert.equal((await api.call("lookupJoinCode", { params: { code: t.code } })).status, 410);
      for (const s of [owner.socket, claimant.socket, late, t.console]) s.close();
    });
  });
