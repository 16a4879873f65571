/**
 * `npm run bench:quiz`: one server process (scripts/bench/serverProcess.ts, its own event loop),
 * 300 simulated students (socket.io-client) answering each question within 2 s; the server
 * closes the question once all have answered (rule Q5a; the timer otherwise). Measures, per
 * question, the time from the moment it closed (the reveal's closesAt, server clock; same
 * machine) until the histogram (quiz:state reveal) AND the student's own
 * standing (quiz:result) have both arrived at each student, and the server's event-loop lag p99
 * over the question. Ends with one JSON line of the medians over the questions:
 * {"students":300,"revealP50Ms":…,"revealP99Ms":…,"loopLagP99Ms":…}
 *
 *   npm run bench:quiz            # 300 students, 5 questions
 *   npm run bench:quiz -- 100     # another class size
 */
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from "../lib/protocol/events";
import type { QuizResult, QuizState } from "../lib/protocol/quiz";
import { ApiClient, request } from "../test/helpers/clients";
import { BenchServer, median, percentile, round } from "./bench/stats";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const STUDENTS = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 300;
const QUESTIONS = 5;
const TIME_LIMIT_SEC = 5; // the shortest limit the bank allows
const ANSWER_WINDOW_MS = 2000; // every student answers within this much of the question opening
const CONNECT_BATCH = 50;

function connect(url: string, cookie?: string): Promise<Client> {
  const socket: Client = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function must<T>(reply: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}

const server = await BenchServer.start();
try {
  const api = new ApiClient(server.url);
  await api.ok("signup", { body: { email: "bench-quiz@school.kr", password: "bench password", displayName: "Bench" } });
  const { class: created } = await api.ok("createClass", { body: { name: "bench", roster: "" } });
  const { session } = await api.ok("startSession", { params: { classId: created.id } });
  const ids: string[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const options = ["A", "B", "C", "D"].map((s) => ({ ko: s, en: s }));
    ids.push(
      (
        await api.ok("quizCreateQuestion", {
          body: {
            type: "single",
            prompt: { ko: `문항 ${q + 1}`, en: `Question ${q + 1}` },
            options,
            correct: q % 4,
            tags: ["recurrence"],
            timeLimitSec: TIME_LIMIT_SEC,
          },
        })
      ).question.id,
    );
  }
  const { quiz } = await api.ok("quizCreate", { body: { title: "bench", questionIds: ids } });
  const consoleSocket = await connect(server.url, api.cookie);
  must(await request(consoleSocket, "instructor:attach", { sessionId: session.id }));
  must(await request(consoleSocket, "session:guestSeats", { sessionId: session.id, limit: STUDENTS })); // all students join as guests

  const students: Client[] = [];
  for (let i = 0; i < STUDENTS; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, STUDENTS - i) }, async (_, j) => {
        const socket = await connect(server.url);
        must(await request(socket, "session:join", { code: session.code, identity: { kind: "guest", nickname: `student${i + j}` } }));
        return socket;
      }),
    );
    students.push(...batch);
  }
  console.log(`${STUDENTS} students joined`);
  must(await request(consoleSocket, "quiz:start", { sessionId: session.id, quizId: quiz.id }));

  const perQuestion: { p50: number; p99: number; lag: number; accepted: number }[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    await server.resetStats();
    const opened = must(await request(consoleSocket, "quiz:next", { sessionId: session.id })).state;
    // Each student: when both the reveal and its own result have arrived, minus the moment the question closed.
    const arrivals = students.map(
      (socket) =>
        new Promise<number>((resolve) => {
          let closedAt: number | null = null;
          let result = false;
          const done = () => {
            if (closedAt === null || !result) return;
            socket.off("quiz:state", onState);
            socket.off("quiz:result", onResult);
            resolve(Date.now() - closedAt);
          };
          const onState = (s: QuizState) => {
            if (s.phase === "reveal" && s.questionIndex === q) closedAt = s.closesAt;
            done();
          };
          const onResult = (r: QuizResult) => {
            if (r.questionIndex === q) result = true;
            done();
          };
          socket.on("quiz:state", onState);
          socket.on("quiz:result", onResult);
        }),
    );
    const answers = students.map(
      (socket, i) =>
        new Promise<boolean>((resolve) =>
          setTimeout(
            () =>
              void request(socket, "quiz:answer", { roundId: opened.roundId, questionIndex: q, answer: { type: "single", choice: i % 4 } }).then((r) =>
                resolve(r.ok),
              ),
            Math.random() * ANSWER_WINDOW_MS,
          ),
        ),
    );
    const accepted = (await Promise.all(answers)).filter(Boolean).length;
    const delays = await Promise.all(arrivals);
    const stats = await server.stats();
    perQuestion.push({ p50: percentile(delays, 50), p99: percentile(delays, 99), lag: stats.loopLagP99Ms, accepted });
    console.log(
      `question ${q + 1}: ${accepted}/${STUDENTS} answers accepted; close → histogram+standings p50 ${round(percentile(delays, 50))} ms, p99 ${round(percentile(delays, 99))} ms; loop lag p99 ${round(stats.loopLagP99Ms)} ms`,
    );
  }
  must(await request(consoleSocket, "quiz:next", { sessionId: session.id })); // the podium
  for (const s of students) s.close();
  consoleSocket.close();
  console.log(
    JSON.stringify({
      students: STUDENTS,
      revealP50Ms: round(median(perQuestion.map((p) => p.p50))),
      revealP99Ms: round(median(perQuestion.map((p) => p.p99))),
      loopLagP99Ms: round(median(perQuestion.map((p) => p.lag))),
    }),
  );
} finally {
  await server.stop();
}
