/** Storage survives: migrations are idempotent, and a server restart loses no one (every database kind). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { ApiClient, connectClient, request } from "../helpers/clients";
import { instructorWithSession, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, freshDatabase, startTestServer } from "../helpers/server";
import { listMigrations, migrate } from "../../server/db/migrate";
import { sqlitePath } from "../../server/db/client";

async function tamperFirstChecksum(url: string): Promise<void> {
  const sql = `UPDATE "_rnn_migrations" SET "checksum" = 'tampered' WHERE "id" = '${listMigrations("sqlite")[0].id}'`;
  if (url.startsWith("file:")) {
    const db = new Database(sqlitePath(url));
    db.exec(sql);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql);
    await client.end();
  }
}

for (const kind of DB_KINDS) {
  describe(`storage (${kind})`, () => {
    it("applies every migration once; a second run applies none; a changed migration is an error", async () => {
      const database = await freshDatabase(kind);
      try {
        const first = await migrate(database.url);
        assert.deepEqual(first, listMigrations(kind).map((m) => m.id));
        assert.deepEqual(await migrate(database.url), []);
        await tamperFirstChecksum(database.url);
        await assert.rejects(migrate(database.url), /was changed after it was applied/);
      } finally {
        await database.drop();
      }
    });

    it("after a server restart the instructor is still logged in and the student rejoins as the same participant", async () => {
      const server = await startTestServer({ kind });
      const t = await instructorWithSession(server);
      const student = await joinAsRoster(server, t.code, t.students["김민지"]);
      student.socket.close();
      t.console.close();
      await server.stop();

      const restarted = await startTestServer({ database: server.database });
      try {
        const api = new ApiClient(restarted.url);
        api.cookie = t.api.cookie;
        assert.equal((await api.ok("getSession", { params: { sessionId: t.sessionId } })).session.code, t.code);

        const back = await connectClient(restarted.url);
        const reply = await request(back, "session:rejoin", { rejoinToken: student.token });
        assert.ok(reply.ok, JSON.stringify(reply));
        assert.equal(reply.data.snapshot.you.participantId, student.participantId);

        const console2 = await connectClient(restarted.url, { cookie: t.api.cookie });
        const snapshot = await request(console2, "instructor:attach", { sessionId: t.sessionId });
        assert.ok(snapshot.ok);
        assert.deepEqual(snapshot.data.participants.map((p) => [p.displayName, p.connected]), [["김민지", true]]);
        back.close();
        console2.close();
      } finally {
        await restarted.close();
      }
    });
  });
}
