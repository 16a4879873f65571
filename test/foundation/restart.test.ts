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

/** Runs SQL statements on either kind of database; returns the rows of the last one. */
async function runSql(url: string, statements: string[]): Promise<Record<string, unknown>[]> {
  if (url.startsWith("file:")) {
    const db = new Database(sqlitePath(url));
    try {
      let rows: Record<string, unknown>[] = [];
      for (const sql of statements) {
        if (/^\s*SELECT/i.test(sql)) rows = db.prepare(sql).all() as Record<string, unknown>[];
        else db.exec(sql);
      }
      return rows;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const sql of statements) rows = (await client.query(sql)).rows as Record<string, unknown>[];
    return rows;
  } finally {
    await client.end();
  }
}

for (const kind of DB_KINDS) {
  describe(`storage (${kind})`, () => {
    it("an upgrade keeps the data: a database at the first migration, with a class in it, gets every later migration and loses no row", async () => {
      const database = await freshDatabase(kind);
      try {
        const [init, ...later] = listMigrations(kind);
        assert.ok(later.length > 0, "there is a later migration to apply");
        const now = kind === "sqlite" ? "CURRENT_TIMESTAMP" : "now()";
        await runSql(database.url, [
          `CREATE TABLE IF NOT EXISTS "_rnn_migrations" ("id" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
          init.sql,
          `INSERT INTO "_rnn_migrations" VALUES ('${init.id}', '${init.checksum}', 'then')`,
          `INSERT INTO "Instructor" ("id", "email", "displayName", "passwordHash") VALUES ('i1', 't@school.kr', 'T', 'x')`,
          `INSERT INTO "Class" ("id", "instructorId", "name") VALUES ('c1', 'i1', '2-3')`,
          `INSERT INTO "ClassSession" ("id", "classId", "code") VALUES ('s1', 'c1', 'ABCDEF')`,
          `INSERT INTO "Participant" ("id", "sessionId", "displayName", "nameKey", "tokenVersion") VALUES ('p1', 's1', 'Ana', 'ana', 3)`,
          `INSERT INTO "ModelSession" ("id", "sessionId", "version", "corpusRef", "config", "studentKnobs", "budgetMinutes") VALUES ('m1', 's1', 1, 'nietzsche', '{}', '[]', 10)`,
          `INSERT INTO "TrainingProgress" ("modelSessionId", "participantId", "step", "trainLoss", "charsPerSec", "backend", "updatedAt") VALUES ('m1', 'p1', 120, 2.5, 900, 'wasm', ${now})`,
        ]);
        assert.deepEqual(
          await migrate(database.url),
          later.map((m) => m.id),
        );
        const [participant] = await runSql(database.url, [`SELECT "tokenVersion", "tokenConfirmed" FROM "Participant" WHERE "id" = 'p1'`]);
        assert.equal(Number(participant.tokenVersion), 3);
        assert.ok(participant.tokenConfirmed === true || participant.tokenConfirmed === 1, "existing students' tokens count as confirmed");
        const progress = await runSql(database.url, [`SELECT "step" FROM "TrainingProgress" WHERE "participantId" = 'p1'`]);
        assert.deepEqual(
          progress.map((r) => Number(r.step)),
          [120],
          "rows that reference a student survive the upgrade",
        );
      } finally {
        await database.drop();
      }
    });

    it("applies every migration once; a second run applies none; a changed migration is an error", async () => {
      const database = await freshDatabase(kind);
      try {
        const first = await migrate(database.url);
        assert.deepEqual(
          first,
          listMigrations(kind).map((m) => m.id),
        );
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
        assert.deepEqual(
          snapshot.data.participants.map((p) => [p.displayName, p.connected]),
          [["김민지", true]],
        );
        back.close();
        console2.close();
      } finally {
        await restarted.close();
      }
    });
  });
}
