/**
 * The load-balanced cluster, killed mid-lesson (issue 16 §4): started by the code `npm run cluster`
 * runs (deploy/cluster.ts — HAProxy with deploy/haproxy.cfg, two app processes, PostgreSQL,
 * Redis). 300 students join through the balancer — most over WebSocket, every fifth over
 * long-polling only, which works only if the balancer keeps each of them on one process (sticky
 * cookie) — each from its own address (X-Forwarded-For, believed from the balancer only, R9). A
 * question is open and half of them have answered when one app process is killed with `kill -9`.
 * Its students (and the instructor's console, if it was there) reconnect through the balancer to
 * the living process and rejoin with their tokens; then the other half answer. Nothing
 * acknowledged is lost, every answer counts once, and the roster shows all 300 connected.
 * Needs HAProxy, DATABASE_URL_PG and REDIS_URL_TEST: .ci/run provides all three, so a missing
 * one fails the test rather than skipping it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { io } from "socket.io-client";
import { keepReconnecting } from "../../app/lib/reconnect";
import { PROTOCOL_VERSION } from "../../lib/protocol/events";
import type { ParticipantView } from "../../lib/protocol/views";
import { createDb } from "../../server/db/client";
import { requireHaproxy, startCluster, type Cluster } from "../../deploy/cluster";
import { ApiClient, nextEvent, request, type TestSocket } from "../helpers/clients";
import { freePort } from "../helpers/processes";
import { connected, ReconnectingStudent } from "../helpers/reconnectingStudent";
import { freshDatabase, type TestDatabase } from "../helpers/server";
import { tf } from "../helpers/quiz";

const STUDENTS = 300;
/** Joins in flight at once (a class arriving, not 300 in the same millisecond). */
const JOIN_BATCH = 25;
const SECRET = "cluster-test-secret-cluster-test-secret-01";
const ENTRY = join(import.meta.dirname, "../helpers/serverProcess.ts");

function socketTo(url: string, extra: { polling: boolean; address?: string; cookie?: string }): TestSocket {
  return io(url, {
    transports: extra.polling ? ["polling"] : ["websocket"],
    withCredentials: true, // keeps the balancer's sticky cookie between polling requests
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { ...(extra.address ? { "x-forwarded-for": extra.address } : {}), ...(extra.cookie ? { cookie: extra.cookie } : {}) },
  }) as TestSocket;
}

/**
 * Fails with `what` unless `promise` settles within `ms`: a guard against a hang (the runner's
 * per-test limit would leave the cluster running), not a timing assertion.
 */
/** Every fifth student on long-polling (school proxies that block WebSocket), each from its own address. */
const studentSocket = (url: string, index: number) => socketTo(url, { polling: index % 5 === 0, address: `10.${16 + (index >> 8)}.${index & 255}.7` });

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The instructor's console: re-attaches after a reconnect, remembers the newest roster. */
class Console {
  readonly socket: TestSocket;
  roster: ParticipantView[] = [];

  constructor(
    url: string,
    cookie: string,
    private readonly sessionId: string,
  ) {
    this.socket = socketTo(url, { polling: false, cookie });
    keepReconnecting(this.socket);
    this.socket.on("roster:update", (u) => (this.roster = u.participants));
    this.socket.on("connect", () => void this.attach());
  }

  async attach() {
    const reply = await request(this.socket, "instructor:attach", { sessionId: this.sessionId });
    if (!reply.ok) throw new Error(`attach refused: ${JSON.stringify(reply.error)}`);
    this.roster = reply.data.participants;
  }

  /** Resolves once the newest roster shows `n` students, all connected. */
  async allConnected(n: number): Promise<void> {
    const whole = () => this.roster.length === n && this.roster.every((p) => p.connected);
    if (!whole()) await nextEvent(this.socket, "roster:update", (u) => u.participants.length === n && u.participants.every((p) => p.connected));
  }
}

it(
  "a cluster of two processes behind HAProxy: 300 students, one process killed mid-question, all back, nothing acknowledged lost",
  { timeout: 150_000 },
  async () => {
    requireHaproxy();
    const redisUrl = process.env.REDIS_URL_TEST;
    assert.ok(redisUrl && process.env.DATABASE_URL_PG, "this test needs REDIS_URL_TEST and DATABASE_URL_PG (.ci/run sets both)");
    const output: string[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), "rnn-classroom-cluster-"));
    let database: TestDatabase | undefined;
    let cluster: Cluster | undefined;
    const students: ReconnectingStudent[] = [];
    let console_: Console | undefined;
    try {
      database = await freshDatabase("postgresql");
      cluster = await startCluster({
        databaseUrl: database.url,
        redisUrl,
        sessionSecret: SECRET,
        dataDir,
        host: "127.0.0.1",
        port: await freePort(),
        appPorts: [await freePort(), await freePort()],
        entry: ENTRY,
        log: (line) => output.push(line),
      });
      const api = new ApiClient(cluster.url);
      await api.ok("signup", { body: { email: "cluster@school.kr", password: "correct horse battery", displayName: "선생님" } });
      const { class: created } = await api.ok("createClass", { body: { name: "cluster", roster: "" } });
      const { session } = await api.ok("startSession", { params: { classId: created.id } });
      const questionId = (await api.ok("quizCreateQuestion", { body: tf(true, { timeLimitSec: 240 }) })).question.id;
      const quizId = (await api.ok("quizCreate", { body: { title: "cluster", scoringMode: "accuracy", questionIds: [questionId] } })).quiz.id;
      console_ = new Console(cluster.url, api.cookie!, session.id);
      await connected(console_.socket);
      await console_.attach();
      assert.ok((await request(console_.socket, "session:guestSeats", { sessionId: session.id, limit: STUDENTS })).ok);

      for (let i = 0; i < STUDENTS; i += JOIN_BATCH) {
        const batch = Array.from({ length: Math.min(JOIN_BATCH, STUDENTS - i) }, (_, j) => new ReconnectingStudent(studentSocket(cluster!.url, i + j)));
        students.push(...batch);
        await Promise.all(batch.map((s, j) => s.join(session.code, `학생${i + j}`)));
      }
      await console_.allConnected(STUDENTS);

      const started = await request(console_.socket, "quiz:start", { sessionId: session.id, quizId });
      assert.ok(started.ok, JSON.stringify(started));
      const roundId = started.data.state!.roundId;
      const opened = Promise.all(students.map((s) => nextEvent(s.socket, "quiz:state", (q) => q.phase === "question")));
      assert.ok((await request(console_.socket, "quiz:next", { sessionId: session.id })).ok);
      await opened;
      const answer = (s: ReconnectingStudent) => request(s.socket, "quiz:answer", { roundId, questionIndex: 0, answer: { type: "truefalse", value: true } });
      const before = students.filter((_, i) => i % 2 === 0);
      const after = students.filter((_, i) => i % 2 === 1);
      for (const [s, reply] of await Promise.all(before.map(async (s) => [s, await answer(s)] as const)))
        assert.ok(reply.ok, `${s.participantId}: ${JSON.stringify(reply)}`);

      // kill -9 one process mid-question: its students drop, and come back through the balancer.
      const killed = cluster.apps[0];
      const backAgain = students.map((s) => s.back());
      let consoleDropped = false;
      console_.socket.once("disconnect", () => (consoleDropped = true));
      const drop = students.map((s) => new Promise<"dropped">((resolve) => s.socket.once("disconnect", () => resolve("dropped"))));
      const killedAt = Date.now();
      killed.child.kill("SIGKILL");
      await killed.exited;
      // Who was on the killed process: a round trip made now is answered by a living process, or the
      // connection drops (without an answer) because its process is gone.
      const fates = await within(
        Promise.all(students.map((s, i) => Promise.race([drop[i], request(s.socket, "quiz:sync", {}).then(() => "alive" as const)]))),
        30_000,
        "every student dropped or answered",
      );
      const dropped = students.filter((_, i) => fates[i] === "dropped");
      assert.ok(
        dropped.length > 0 && dropped.length < STUDENTS,
        `the balancer had spread the students over both processes (${dropped.length} on the killed one)`,
      );
      await within(Promise.all(dropped.map((s) => backAgain[students.indexOf(s)])), 60_000, "the killed process's students rejoined");
      const backMs = Date.now() - killedAt;
      for (const s of students.filter((s) => !dropped.includes(s))) assert.equal(s.drops, 0, "students on the living process kept their connection");
      console.log(
        `${dropped.length} of ${STUDENTS} students were on the killed process (the instructor's console ${consoleDropped ? "too" : "was not"}); all back ${backMs} ms after the kill`,
      );

      for (const [s, reply] of await Promise.all(after.map(async (s) => [s, await answer(s)] as const)))
        assert.ok(reply.ok, `${s.participantId}: ${JSON.stringify(reply)}`);
      await console_.allConnected(STUDENTS);

      const db = createDb(database.url);
      try {
        const answers = await db.quizAnswer.findMany({ where: { roundId }, select: { participantId: true } });
        assert.equal(answers.length, STUDENTS, "every acknowledged answer is stored, once");
        assert.deepEqual(new Set(answers.map((a) => a.participantId)), new Set(students.map((s) => s.participantId)));
        assert.equal(await db.participant.count({ where: { sessionId: session.id } }), STUDENTS, "nobody was seated twice by the rejoin");
      } finally {
        await db.$disconnect();
      }
    } catch (error) {
      console.log(output.slice(-40).join("\n"));
      throw error;
    } finally {
      for (const s of students) s.socket.close();
      console_?.socket.close();
      await cluster?.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
