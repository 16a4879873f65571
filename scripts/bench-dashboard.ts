/**
 * `npm run bench:dashboard`: a synthetic school year in a fresh SQLite file — 40 students ×
 * 60 sessions, each session with a model session trained for 20 minutes and telemetry stored as
 * the training hub keeps it (a point every HISTORY_INTERVAL_MS = 5 s per student: 240 per
 * student per session, 576k rows), 3 scored submissions per student per session, and a
 * 10-question quiz per session — seeded with Prisma createMany. Then the real server answers
 * the dashboard's API over real HTTP: class overview, concept grid, a student page and a session
 * report, each requested REPEATS times; reports p50/p99 and ends with one JSON line.
 * Target: p99 < 500 ms each.
 *
 *   npm run bench:dashboard                 # 40 students × 60 sessions
 *   npm run bench:dashboard -- 40 60 30     # students, sessions, repeats
 *   BENCH_DB=/tmp/year.db npm run bench:dashboard   # keep the seeded file; later runs reuse it
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HISTORY_INTERVAL_MS } from "../lib/training/rules";
import { hashPassword } from "../server/auth/password";
import { createApplication } from "../server/app";
import { createDb, type Db } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { loadEnv } from "../server/env";
import { ApiClient } from "../test/helpers/clients";
import { percentile, round } from "./bench/stats";

const [STUDENTS = 40, SESSIONS = 60, REPEATS = 30] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const TRAINING_MINUTES = 20; // per session
const POINTS_PER_SESSION = (TRAINING_MINUTES * 60_000) / HISTORY_INTERVAL_MS; // 240
const ATTENDANCE = 0.9;
const SUBMISSIONS_PER_SESSION = 3;
const QUESTIONS_PER_QUIZ = 10;
const TAGS = ["rnn", "bptt", "vanishing-gradient", "lstm", "gru", "gates", "temperature", "cnn"];
const CHUNK = 2_000; // rows per createMany: 2000 × ≤ 14 columns stays under SQLite's 32766 variables
const DAY_MS = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same year. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insert<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

async function seedYear(db: Db, classId: string, studentIds: string[]) {
  const random = rng(7);
  const start = Date.now() - SESSIONS * 2 * DAY_MS;
  let telemetryRows = 0;
  let answerRows = 0;
  let submissionRows = 0;
  for (let s = 0; s < SESSIONS; s++) {
    const createdAt = new Date(start + s * 2 * DAY_MS);
    const session = await db.classSession.create({
      data: { classId, code: `B${String(s).padStart(5, "0")}`, status: "ended", createdAt, endedAt: new Date(createdAt.getTime() + 50 * 60_000) },
    });
    const present = studentIds.filter(() => random() < ATTENDANCE);
    await db.participant.createMany({
      data: present.map((id, i) => ({ sessionId: session.id, rosterStudentId: id, displayName: `s${i}`, nameKey: `s${i}-${id}`, joinedAt: createdAt })),
    });
    await db.participant.create({ data: { sessionId: session.id, displayName: "손님", nameKey: "손님", joinedAt: createdAt } });
    const seats = await db.participant.findMany({ where: { sessionId: session.id, rosterStudentId: { not: null } }, select: { id: true } });
    const model = await db.modelSession.create({
      data: {
        sessionId: session.id,
        version: 1,
        corpusRef: "tinyshakespeare",
        config: { cell: "lstm" },
        studentKnobs: [],
        budgetMinutes: TRAINING_MINUTES,
        runStatus: "stopped",
        createdAt,
      },
    });
    if (s % 3 === 0) {
      const groups = await Promise.all(
        ["LSTM", "vanilla RNN"].map((label, position) => db.ablationGroup.create({ data: { modelSessionId: model.id, label, position, overrides: {} } })),
      );
      await db.groupAssignment.createMany({ data: seats.map((p, i) => ({ modelSessionId: model.id, participantId: p.id, groupId: groups[i % 2].id })) });
    }
    await db.trainingProgress.createMany({
      data: seats.map((p) => ({
        modelSessionId: model.id,
        participantId: p.id,
        step: 2000 + Math.round(random() * 1000),
        trainLoss: 1.4 + random(),
        charsPerSec: 1500,
        backend: "webgl",
        trainingMs: TRAINING_MINUTES * 60_000,
        startedAt: createdAt,
      })),
    });
    const points = seats.flatMap((p) =>
      Array.from({ length: POINTS_PER_SESSION }, (_, k) => ({
        modelSessionId: model.id,
        participantId: p.id,
        step: k * 10,
        trainLoss: 4 / (1 + k / 30),
        valLoss: k % 6 === 0 ? 4.1 / (1 + k / 30) : null,
        charsPerSec: 1500,
        at: new Date(createdAt.getTime() + k * HISTORY_INTERVAL_MS),
      })),
    );
    await insert(points, (chunk) => db.telemetryPoint.createMany({ data: chunk }));
    telemetryRows += points.length;
    const submissions = seats.flatMap((p) =>
      Array.from({ length: SUBMISSIONS_PER_SESSION }, (_, k) => {
        const bpc = 1.8 + random();
        return {
          modelSessionId: model.id,
          participantId: p.id,
          idempotencyKey: `k${k}`,
          weights: new Uint8Array(1024),
          weightsSha256: `${p.id}-${k}`,
          configHash: "h",
          config: {},
          backend: "webgl",
          step: 2000,
          sampleText: "To be, or not to be".repeat(10),
          sampleTemperature: 0.8,
          samplePrime: "",
          status: "scored",
          publicBpc: bpc,
          privateBpc: bpc + 0.05,
          novelty: 0.9,
          temperatureCard: [
            { temperature: 0.5, text: "cold" },
            { temperature: 1, text: "warm" },
          ],
          createdAt,
        };
      }),
    );
    await insert(submissions, (chunk) => db.submission.createMany({ data: chunk }));
    submissionRows += submissions.length;
    const round = await db.quizRound.create({
      data: {
        sessionId: session.id,
        title: `퀴즈 ${s + 1}`,
        scoringMode: "speed",
        phase: "ended",
        createdAt,
        questions: Array.from({ length: QUESTIONS_PER_QUIZ }, (_, q) => ({
          type: "single",
          prompt: { ko: `문항 ${q + 1}`, en: `Question ${q + 1}` },
          tags: [TAGS[(s + q) % TAGS.length], ...(q % 3 === 0 ? [TAGS[(q + 1) % TAGS.length]] : [])],
        })),
      },
    });
    const answers = seats.flatMap((p) =>
      Array.from({ length: QUESTIONS_PER_QUIZ }, (_, q) => {
        const correctness = random() < 0.7 ? 1 : 0;
        return {
          roundId: round.id,
          questionIndex: q,
          participantId: p.id,
          answer: { choice: q % 4 },
          receivedAt: createdAt,
          elapsedMs: 2000 + Math.round(random() * 8000),
          correctness,
          points: correctness * 800,
          streak: 0,
        };
      }),
    );
    await insert(answers, (chunk) => db.quizAnswer.createMany({ data: chunk }));
    answerRows += answers.length;
  }
  return { telemetryRows, answerRows, submissionRows };
}

async function time(label: string, call: () => Promise<{ status: number }>): Promise<{ p50: number; p99: number }> {
  const first = await call(); // warm-up (and a check that the route answers)
  if (first.status !== 200) throw new Error(`${label}: HTTP ${first.status}`);
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const { status } = await call();
    samples.push(performance.now() - t0);
    if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
  }
  const result = { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)) };
  console.log(`${label.padEnd(16)} p50 ${String(result.p50).padStart(7)} ms   p99 ${String(result.p99).padStart(7)} ms`);
  return result;
}

const dir = mkdtempSync(join(tmpdir(), "rnn-bench-dashboard-"));
const keep = process.env.BENCH_DB;
const reuse = keep !== undefined && existsSync(keep);
const env = loadEnv({
  NODE_ENV: "production",
  DATABASE_URL: `file:${keep ?? join(dir, "bench.db")}`,
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
  DATA_DIR: dir,
});
await migrate(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
const PASSWORD = "bench password";
if (!reuse) {
  const instructor = await db.instructor.create({ data: { email: "bench@school.kr", displayName: "Bench", passwordHash: await hashPassword(PASSWORD) } });
  const created = await db.class.create({ data: { instructorId: instructor.id, name: "벤치 1반" } });
  const names = Array.from({ length: STUDENTS }, (_, i) => `학생${String(i + 1).padStart(2, "0")}`);
  await db.rosterStudent.createMany({ data: names.map((name) => ({ classId: created.id, name, nameKey: name })) });
  const seedStart = performance.now();
  const counts = await seedYear(
    db,
    created.id,
    (await db.rosterStudent.findMany({ where: { classId: created.id }, select: { id: true } })).map((s) => s.id),
  );
  console.log(
    `seeded ${STUDENTS} students × ${SESSIONS} sessions in ${round((performance.now() - seedStart) / 1000)} s: ${counts.telemetryRows} telemetry points, ${counts.submissionRows} submissions, ${counts.answerRows} quiz answers`,
  );
}
const created = await db.class.findFirstOrThrow({ where: { name: "벤치 1반" } });
const students = await db.rosterStudent.findMany({ where: { classId: created.id }, orderBy: { name: "asc" }, select: { id: true } });

// The server starts only now, so no connection sits idle through the seeding.
const app = await createApplication({ db, env });
await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
try {
  const api = new ApiClient(url);
  await api.ok("login", { body: { email: "bench@school.kr", password: PASSWORD } });
  const classId = created.id;
  const student = students[0].id;
  const lastSession = (await db.classSession.findFirstOrThrow({ where: { classId }, orderBy: { createdAt: "desc" } })).id;
  const overview = await time("class overview", () => api.call("dashboardOverview", { params: { classId } }));
  const grid = await time("concept grid", () => api.call("dashboardConcepts", { params: { classId } }));
  const studentPage = await time("student page", () => api.call("dashboardStudent", { params: { classId, rosterStudentId: student } }));
  const report = await time("session report", () => api.call("dashboardSession", { params: { classId, sessionId: lastSession } }));
  const csv = await time("class CSV", () => api.call("dashboardClassCsv", { params: { classId }, body: { locale: "ko" } }));
  console.log(
    JSON.stringify({ overviewP99Ms: overview.p99, gridP99Ms: grid.p99, studentP99Ms: studentPage.p99, sessionReportP99Ms: report.p99, classCsvP99Ms: csv.p99 }),
  );
} finally {
  await app.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
