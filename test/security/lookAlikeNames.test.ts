/**
 * SS6 (SECURITY.md): no look-alike names. Guests used to be accepted as `Alice Kim\u200B`,
 * `Alice\u2060 Kim`, Cyrillic `Аlice Kim`, `\u202Emik ecilA` and `김민\u200D지` next to the real
 * roster students.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connectClient, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { parseRoster } from "../../lib/roster";
import { looksAlike } from "../../lib/names";

describe("SS6 look-alike names", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it("SS6: invisible, bidi and look-alike guest names are refused next to the roster", async () => {
    const t = await instructorWithSession(server, "Alice Kim\n김민지");
    const socket = await connectClient(server.url);
    const lookAlikes = ["Alice Kim\u200B", "Alice\u2060 Kim", "\u0410lice Kim", "\u202Emik ecilA", "김민\u200D지", "ALICE KIM", "A1ice Kim"];
    for (const nickname of lookAlikes) {
      const reply = await request(socket, "session:join", { code: t.code, identity: { kind: "guest", nickname } });
      assert.ok(!reply.ok && ["BAD_REQUEST", "CONFLICT"].includes(reply.error.code), `${JSON.stringify(nickname)}: ${JSON.stringify(reply)}`);
    }
    assert.equal(await server.db.participant.count({ where: { sessionId: t.sessionId } }), 0, "no look-alike took a seat");

    await joinAsGuest(server, t.code, "Bob Lee");
    const cyrillicBob = await request(socket, "session:join", { code: t.code, identity: { kind: "guest", nickname: "\u0412ob Lee" } });
    assert.ok(!cyrillicBob.ok && cyrillicBob.error.code === "CONFLICT", "a guest's look-alike is refused too");
    socket.close();
    t.console.close();
  });

  it("SS6: a roster refuses a look-alike of a name it already has, and names with format characters", () => {
    const parsed = parseRoster("Alice Kim\n\u0410lice Kim\nAlice\u200B Kim\n김민지");
    assert.deepEqual(parsed.names, ["Alice Kim", "김민지"]);
    assert.deepEqual(
      parsed.rejected.map((r) => r.reason),
      ["DUPLICATE", "CONTROL_CHARS"],
    );
  });

  it("SS6: TR39 skeletons tell look-alikes apart from different names", () => {
    const table: [string, string, boolean][] = [
      ["Alice Kim", "\u0410lice Kim", true],
      ["Bob Lee", "\u0412ob Lee", true],
      ["Alice Kim", "ALICE KIM", true],
      ["Alice Kim", "alice kim", true],
      ["김민지", "김민지", true],
      ["김민지", "김민시", false],
      ["Lee Jun", "Lee Jin", false],
      ["박서연", "박서현", false],
    ];
    for (const [a, b, same] of table) assert.equal(looksAlike(a, b), same, `${a} vs ${b}`);
  });
});
