/**
 * kill -9 mid-lesson and an immediate restart (issue 16 §3), on every database kind: 30 students
 * joined through real sockets that reconnect with the pages' policy (app/lib/reconnect.ts) and
 * rejoin with their latest token, 10 uploads acknowledged before the kill and 20 in flight when it
 * happens, retried with their idempotency key once the server is back. Nothing acknowledged is
 * lost, every student is back, every retried upload is stored exactly once.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { io } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../lib/protocol/events";
import { createDb } from "../../server/db/client";
import { ApiClient, request, type TestSocket } from "../helpers/clients";
import { engineReady, newKey, submit, weightsFor } from "../helpers/leaderboard";
import { freePort, startProcess } from "../helpers/processes";
import { ReconnectingStudent } from "../helpers/reconnectingStudent";
import { DB_KINDS, freshDatabase } from "../helpers/server";
import { tinySpec } from "../helpers/training";

const STUDENTS = 30;
const ACKNOWLEDGED = 10;
const SECRET = "kill-test-secret-kill-test-secret-kill-01";

for (const kind of DB_KINDS) {
  describe(`kill -9 and restart (${kind})`, () => {
    it("nothing acknowledged is lost, every student is back, uploads in flight are stored once after their retry", { timeout: 170_000 }, async () => {
      await engineReady();
      const database = await freshDatabase(kind);
      const dataDir = mkdtempSync(join(tmpdir(), "rnn-classroom-kill-"));
      const port = await freePort();
      const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, SESSION_SECRET: SECRET, PORT: String(port) };
      const url = `http://127.0.0.1:${port}`;
      let server = startProcess(env);
      const students: ReconnectingStudent[] = [];
      try {
        await server.listening;
        const api = new ApiClient(url);
        await api.ok("signup", { body: { email: `kill-${kind}@school.kr`, password: "correct horse battery", displayName: "선생님" } });
        const { class: created } = await api.ok("createClass", { body: { name: "kill", roster: "" } });
        const { session } = await api.ok("startSession", { params: { classId: created.id } });
        const consoleSocket = io(url, {
          transports: ["websocket"],
          forceNew: true,
          reconnection: false,
          auth: { protocolVersion: PROTOCOL_VERSION },
          extraHeaders: { cookie: api.cookie! },
        }) as TestSocket;
        await new Promise<void>((resolve) => consoleSocket.once("connect", () => resolve()));
        assert.ok((await request(consoleSocket, "instructor:attach", { sessionId: session.id })).ok);
        for (let i = 0; i < STUDENTS; i++) {
          const student = new ReconnectingStudent(
            io(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION } }) as TestSocket,
          );
          await student.join(session.code, `학생${i}`);
          students.push(student);
        }
        const spec = tinySpec();
        const pushed = await request(consoleSocket, "training:push", { sessionId: session.id, spec });
        assert.ok(pushed.ok, JSON.stringify(pushed));
        const modelSessionId = pushed.data.modelSession.id;
        assert.ok((await request(consoleSocket, "training:control", { sessionId: session.id, action: "start" })).ok);
        consoleSocket.close();
        const weights = await weightsFor(spec.config, { variant: 3 });
        const uploads = await Promise.all(
          students.map(async (s) => {
            const ticket = await request(s.socket, "submission:ticket", { modelSessionId });
            assert.ok(ticket.ok, JSON.stringify(ticket));
            return { student: s, ticket: ticket.data.ticket, key: newKey() };
          }),
        );

        const acknowledged: string[] = [];
        for (const u of uploads.slice(0, ACKNOWLEDGED)) {
          const sent = await submit(url, u.student.socket, modelSessionId, weights, { ticket: u.ticket, idempotencyKey: u.key });
          assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
          acknowledged.push(sent.reply.data.submission.id);
        }

        // The rest are sent, and the server is killed while they are in flight.
        let restarted!: () => void;
        const serverBack = new Promise<void>((resolve) => (restarted = resolve));
        const retried = uploads.slice(ACKNOWLEDGED).map(async (u) => {
          for (;;) {
            try {
              const sent = await submit(url, u.student.socket, modelSessionId, weights, { ticket: u.ticket, idempotencyKey: u.key });
              if (sent.reply.ok) return sent.reply.data.submission.id;
              if (sent.reply.error.code !== "UNAVAILABLE") throw new Error(JSON.stringify(sent.reply.error));
            } catch (error) {
              if (!(error instanceof TypeError)) throw error; // fetch's network failure: retry once the server is back
            }
            await serverBack;
          }
        });
        const everyoneBack = Promise.all(students.map((s) => s.back()));
        server.child.kill("SIGKILL");
        await server.exited;
        server = startProcess(env);
        await server.listening;
        restarted();

        await everyoneBack;
        const stored = await Promise.all(retried);
        const db = createDb(database.url);
        try {
          const rows = await db.submission.findMany({ where: { modelSessionId }, select: { id: true, participantId: true, idempotencyKey: true } });
          for (const id of acknowledged)
            assert.ok(
              rows.some((r) => r.id === id),
              `acknowledged submission ${id} is still there`,
            );
          for (const id of stored) assert.ok(rows.some((r) => r.id === id));
          assert.equal(rows.length, STUDENTS, "one row per student: no upload lost, none stored twice");
          assert.deepEqual(new Set(rows.map((r) => r.idempotencyKey)), new Set(uploads.map((u) => u.key)));
          assert.equal(await db.participant.count({ where: { sessionId: session.id } }), STUDENTS, "the roster is whole");
        } finally {
          await db.$disconnect();
        }
      } finally {
        for (const s of students) s.socket.close();
        server.child.kill("SIGKILL");
        await server.exited;
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
