/**
 * The teacher dashboard after a short real session. Actors: `instructor` (a browser context
 * logged in through the API), three students who join and train over real sockets (the join
 * and lab pages are other features; the socket events are the real ones), and a `student`
 * browser that tries the dashboard. The quiz is played through the real quiz events too.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readFileSync } from "node:fs";
import { connectClient, request, type TestSocket } from "../test/helpers/clients";
import { closeQuestion, pressing } from "../test/helpers/quiz";
import { telemetry, tinySpec } from "../test/helpers/training";
import type { Reply } from "../lib/protocol/errors";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE = `http://localhost:${PORT}`;

async function api<T>(ctx: APIRequestContext, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = method === "GET" ? await ctx.get(path) : await ctx.post(path, { data: body ?? {} });
  const reply = (await response.json()) as Reply<T>;
  if (!reply.ok) throw new Error(`${path}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

test("the teacher reviews attendance, a student's curve, the concept grid and who needs attention; exports the CSV; a student is refused", async ({
  actors,
}) => {
  const sockets: TestSocket[] = [];
  const [teacherActor, studentActor] = await actors("instructor", "student");
  const instructor = teacherActor.context;
  const teacher = teacherActor.page;
  await api(instructor.request, "POST", "/api/auth/signup", {
    email: `e2e-dash-${Date.now()}@school.kr`,
    password: "correct horse battery",
    displayName: "담임",
  });
  const { class: created } = await api<{ class: { id: string; students: { id: string; name: string }[] } }>(instructor.request, "POST", "/api/classes", {
    name: "2학년 3반",
    roster: "김민지\nLee Jun\n박서연",
  });
  const { session } = await api<{ session: { id: string; code: string } }>(instructor.request, "POST", `/api/classes/${created.id}/sessions`);
  const student = Object.fromEntries(created.students.map((s) => [s.name, s.id]));

  // The live session: the instructor's console pushes a model; 김민지 and Lee Jun train, 박서연 only joins.
  const cookie = (await instructor.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const consoleSocket = await connectClient(BASE, { cookie });
  sockets.push(consoleSocket);
  expect((await request(consoleSocket, "instructor:attach", { sessionId: session.id })).ok).toBe(true);
  const seats: Record<string, { socket: TestSocket; participantId: string }> = {};
  for (const name of ["김민지", "Lee Jun", "박서연"]) {
    const socket = await connectClient(BASE);
    sockets.push(socket);
    const joined = await request(socket, "session:join", { code: session.code, identity: { kind: "roster", rosterStudentId: student[name] } });
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    seats[name] = { socket, participantId: joined.data.snapshot.you.participantId };
  }
  const pushed = await request(consoleSocket, "training:push", { sessionId: session.id, spec: tinySpec() });
  if (!pushed.ok) throw new Error(JSON.stringify(pushed.error));
  const ms = pushed.data.modelSession.id;
  expect((await request(consoleSocket, "training:control", { sessionId: session.id, action: "start" })).ok).toBe(true);
  for (const step of [10, 20, 40, 80, 160]) {
    for (const name of ["김민지", "Lee Jun"]) {
      // a report is kept at most once per 900 ms per student: poll until the server accepts it
      await expect
        .poll(
          async () => {
            const reply = await request(seats[name].socket, "training:report", telemetry(ms, step, { trainLoss: 4 - step / 100 }));
            return reply.ok && reply.data.accepted;
          },
          { intervals: [300] },
        )
        .toBe(true);
    }
  }
  // The training hub persists every 5 s: wait until the dashboard sees the whole curve.
  await expect
    .poll(
      async () => {
        const page = await api<{ sessions: { modelSessions: { curve: unknown[] }[] }[] }>(
          instructor.request,
          "GET",
          `/api/dashboard/${created.id}/students/${student["김민지"]}`,
        );
        return page.sessions[0]?.modelSessions[0]?.curve.length ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBe(5);

  // A quiz round, played through the quiz events: 김민지 right twice, Lee Jun wrong twice.
  const question = async (ko: string, en: string, tags: string[]) =>
    (
      await api<{ question: { id: string } }>(instructor.request, "POST", "/api/quiz/questions", {
        type: "single",
        prompt: { ko, en },
        options: ["A", "B", "C"].map((o) => ({ ko: o, en: o })),
        correct: 1,
        tags,
        timeLimitSec: 30,
      })
    ).question.id;
  const questionIds = [await question("망각 게이트?", "Forget gate?", ["lstm-gates"]), await question("BPTT?", "BPTT?", ["lstm-gates", "bptt"])];
  const { quiz } = await api<{ quiz: { id: string } }>(instructor.request, "POST", "/api/quiz/quizzes", {
    title: "LSTM 퀴즈",
    scoringMode: "speed",
    questionIds,
  });
  const started = await request(consoleSocket, "quiz:start", { sessionId: session.id, quizId: quiz.id });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  for (const questionIndex of [0, 1]) {
    const opened = await request(consoleSocket, "quiz:next", { sessionId: session.id });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    // Options are shown in the round's shuffled order: students press them by label (B is right).
    for (const [name, label] of [
      ["김민지", "B"],
      ["Lee Jun", "C"],
    ] as const) {
      const answered = await request(seats[name].socket, "quiz:answer", {
        roundId: started.data.state.roundId,
        questionIndex,
        answer: pressing(opened.data.state, label),
      });
      expect(answered.ok, JSON.stringify(answered)).toBe(true);
    }
    await closeQuestion(consoleSocket, session.id, questionIndex);
  }
  expect((await request(consoleSocket, "quiz:end", { sessionId: session.id })).ok).toBe(true);

  // The teacher opens the dashboard.
  await teacher.goto(`/dashboard/${created.id}`);
  await expect(teacher.getByTestId("dashboard-class-name")).toHaveText("2학년 3반");
  const grid = teacher.getByTestId("attendance-grid");
  for (const name of ["김민지", "Lee Jun", "박서연"]) await expect(grid.locator(`tr[data-student="${name}"] td[data-present="true"]`)).toHaveCount(1);
  const attention = teacher.getByTestId("needs-attention");
  await expect(attention.locator('li[data-student="박서연"] [data-reason="neverTrained"]')).toBeVisible();
  await expect(attention.locator('li[data-student="Lee Jun"] [data-reason="concept"]')).toContainText("LSTM 게이트");
  await expect(attention.locator('li[data-student="김민지"]')).toHaveCount(0);

  // The CSV downloads with a BOM and one row per student.
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("csv-class").click()]);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0].startsWith("이름,")).toBe(true);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort(),
  ).toEqual(["Lee Jun", "김민지", "박서연"].sort());
  expect(lines.find((l) => l.startsWith("김민지,"))?.split(",")[2]).toBe("1");

  // The class's time zone is kept on the class (Asia/Seoul when none was sent); changed on the class
  // page, the dashboard shows its dates in the new zone.
  await expect(teacher.getByTestId("dashboard-time-zone")).toContainText("Asia/Seoul");
  await teacher.getByTestId("dashboard-time-zone").getByRole("link").click();
  await teacher.getByTestId("class-time-zone").fill("Mars/Olympus");
  await expect(teacher.getByTestId("save-time-zone")).toBeDisabled();
  await teacher.getByTestId("class-time-zone").fill("Europe/Berlin");
  await teacher.getByTestId("save-time-zone").click();
  await expect(teacher.getByText("저장했습니다")).toBeVisible();
  await teacher.goto(`/dashboard/${created.id}`);
  await expect(teacher.getByTestId("dashboard-time-zone")).toContainText("Europe/Berlin");

  // A student's page: the loss curve is redrawn from the stored history.
  await grid.getByRole("link", { name: "김민지" }).click();
  await expect(teacher.getByTestId("student-name")).toHaveText("김민지");
  await expect(teacher.getByTestId("student-loss-curve").locator("canvas")).toBeVisible();
  await expect(teacher.getByTestId("answers-table")).toContainText("망각 게이트?");

  // The concept grid, with a cell that opens the answers.
  await teacher.goto(`/dashboard/${created.id}/grid`);
  const concepts = teacher.getByTestId("concept-grid");
  await expect(concepts.locator('tr[data-student="김민지"] td[data-tag="lstm-gates"]')).toHaveAttribute("data-level", "high");
  await expect(concepts.locator('tr[data-student="Lee Jun"] td[data-tag="lstm-gates"]')).toHaveAttribute("data-level", "low");
  await expect(teacher.getByTestId("concept-average")).toContainText("50%");
  await concepts.locator('tr[data-student="Lee Jun"] td[data-tag="bptt"] button').click();
  await expect(teacher.getByTestId("concept-cell-detail")).toContainText("BPTT?");

  // A student's browser (no instructor login) is refused.
  const { context: studentContext, page: studentPage } = studentActor;
  await studentPage.goto(`/dashboard/${created.id}`);
  await expect(studentPage.getByTestId("dashboard-refused")).toBeVisible();
  await expect(studentPage.getByTestId("attendance-grid")).toHaveCount(0);
  const direct = await studentContext.request.get(`/api/dashboard/${created.id}`);
  expect(direct.status()).toBe(401);

  for (const s of sockets) s.close();
});
