/**
 * A live quiz in real browsers, with named actors (e2e/fixtures.ts): an instructor runs a
 * five-question quiz for three students and a projector, each in its own browser context. The
 * options appear in the round's shuffled order (students press the option by its label), numbers
 * and short answers are accepted the way they are usually written, a question closes when every
 * student has answered (or by the server's clock), and the projector fits one 1366×768 screen in
 * every phase. Synchronisation is on application state only (expect / expect.poll), never sleeps.
 */
import type { APIResponse, Page } from "@playwright/test";
import { expect, studentJoins, test, uniqueEmail } from "./fixtures";

type Draft = Record<string, unknown>;
const pair = (s: string) => ({ ko: s, en: s });
const QUESTIONS: Draft[] = [
  {
    type: "single",
    prompt: pair("LSTM에서 지우는 게이트는?"),
    options: ["가", "나", "다", "라"].map(pair),
    correct: 1,
    tags: ["lstm-gates"],
    timeLimitSec: 60,
  },
  { type: "truefalse", prompt: pair("RNN은 가중치를 공유한다"), correct: true, tags: ["recurrence"], timeLimitSec: 60 },
  { type: "numeric", prompt: pair("LSTM-128, 입력 65: 파라미터 수는?"), answer: 99328, tolerance: 0, tags: ["lstm-gates"], timeLimitSec: 60 },
  {
    type: "text",
    prompt: pair("강의 04에서 셀 상태를 부르는 다른 이름은?"),
    accepted: ["셀 상태", "cell state", "메모리 셀", "memory cell"],
    explanation: { ko: "강의 04의 그림은 셀 상태를 '메모리 셀'이라고 부릅니다.", en: "Lecture 04 labels the cell state 'memory cell'." },
    tags: ["lstm-gates"],
    timeLimitSec: 60,
  },
  {
    type: "single",
    prompt: pair("7×7, 3×3, stride 2의 출력은?"),
    options: ["1×1", "2×2", "3×3", "4×4"].map(pair),
    correct: 2,
    tags: ["cnn-arithmetic"],
    timeLimitSec: 25,
  },
];

async function data<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as { ok: boolean; data: T };
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body.data;
}

/** The option button showing `label` in this round's order. */
const option = (page: Page, label: string) => page.getByTestId(/^quiz-option-\d$/).filter({ hasText: label });

async function remainingMs(page: Page): Promise<number> {
  return Number(await page.getByTestId("quiz-remaining").getAttribute("data-remaining-ms"));
}

/** Whether the page scrolls: its document is taller or wider than the viewport. */
async function overflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}
async function expectOneScreen(projector: Page, phase: string): Promise<void> {
  await expect(projector.getByTestId("projector-quiz")).toHaveAttribute("data-phase", phase);
  const size = projector.viewportSize();
  const screen = `${size?.width}×${size?.height}`;
  const { x, y } = await overflow(projector);
  expect(x, `projector ${phase} at ${screen}: no horizontal scroll`).toBeLessThanOrEqual(0);
  expect(y, `projector ${phase} at ${screen}: no vertical scroll`).toBeLessThanOrEqual(0);
}

test("a class plays a quiz: shuffled options, 99,328 and 'memory cell' accepted, questions close when everyone has answered, the projector fits one screen", async ({
  actors,
}) => {
  // Five questions with four browsers on a 2-core machine shared with other runs (a click can take
  // seconds): long time limits, so only the question meant to close by the clock does, and a longer test timeout.
  test.setTimeout(480_000);
  const [teacher, hana, duri, sechan] = await actors("teacher", "하나", "두리", "세찬");
  const api = teacher.page.request;
  await data(await api.post("/api/auth/signup", { data: { email: uniqueEmail("quiz"), password: "correct horse battery", displayName: "선생님" } }));
  const { class: klass } = await data<{ class: { id: string } }>(await api.post("/api/classes", { data: { name: "퀴즈반", roster: "" } }));
  const { session } = await data<{ session: { id: string; code: string } }>(await api.post(`/api/classes/${klass.id}/sessions`, { data: {} }));
  for (const q of QUESTIONS) await data(await api.post("/api/quiz/questions", { data: q }));

  // The console is open while the quiz is made in the editor (another tab): it appears in the console's list without a reload.
  const instructor = teacher.page;
  await instructor.goto(`/sessions/${session.id}`);
  await expect(instructor.getByTestId("instructor-quiz")).toBeVisible();
  await expect(instructor.getByTestId("quiz-pick")).not.toContainText("e2e 퀴즈");
  const editor = await teacher.context.newPage();
  await editor.goto("/quiz");
  await expect(editor.getByTestId("bank").locator("li")).toHaveCount(QUESTIONS.length);
  for (const box of await editor.getByTestId("bank").getByRole("checkbox").all()) await box.check();
  await editor.getByTestId("quiz-title").fill("e2e 퀴즈");
  await editor.getByTestId("create-quiz").click();
  await expect(editor.getByTestId("quizzes")).toContainText("e2e 퀴즈");
  await expect(instructor.getByTestId("quiz-pick")).toContainText("e2e 퀴즈");
  await editor.close();

  // The projector (the instructor's login, a 1366×768 screen) and three students.
  const projector = await teacher.context.newPage();
  await projector.setViewportSize({ width: 1366, height: 768 });
  await projector.goto(`/projector/${session.id}/quiz`);
  for (const [actor, name] of [
    [hana, "하나"],
    [duri, "두리"],
    [sechan, "세찬"],
  ] as const)
    await studentJoins(actor.page, session.code, { guest: name });
  const [h, d, s] = [hana.page, duri.page, sechan.page];

  await instructor.getByTestId("quiz-pick").selectOption({ label: "e2e 퀴즈 (5문제)" });
  await instructor.getByTestId("quiz-start").click();
  for (const p of [h, d, s]) await expect(p.getByTestId("student-quiz")).toHaveAttribute("data-phase", "lobby");
  // The projector's lobby: the join code and the names of who is in.
  await expect(projector.getByTestId("join-code-display")).toHaveText(session.code);
  for (const name of ["하나", "두리", "세찬"]) await expect(projector.getByTestId("projector-lobby-names")).toContainText(name);
  await expectOneScreen(projector, "lobby");

  // Question 1: 하나 right at once, 세찬 wrong, 두리 right after 4 s of 60. Nobody presses "close": all three answered.
  await instructor.getByTestId("quiz-next").click();
  for (const p of [h, d, s]) await expect(option(p, "나")).toBeVisible();
  await expectOneScreen(projector, "question");
  await option(h, "나").click();
  await option(s, "가").click();
  await expect.poll(() => remainingMs(d), { timeout: 20_000 }).toBeLessThan(56_000);
  await option(d, "나").click();
  await expect(h.getByTestId("quiz-result")).toContainText("정답!");
  await expect(s.getByTestId("quiz-result")).toContainText("오답");
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "reveal");
  await expect(d.getByTestId("quiz-rank")).toContainText("3명 중 2등");
  await expect(instructor.getByTestId("correct-answer")).toContainText("나");
  // The projector's bars follow the buttons' order: the bar labelled 나 has the two right answers.
  await expect(projector.getByTestId("histogram").locator("li").filter({ hasText: "나" })).toContainText("2");
  await expectOneScreen(projector, "reveal");

  // Question 2 (O/X): 하나 and 두리 right, 세찬 wrong.
  await instructor.getByTestId("quiz-next").click();
  await h.getByTestId("quiz-tf-true").click();
  await d.getByTestId("quiz-tf-true").click();
  await s.getByTestId("quiz-tf-false").click();
  await expect(d.getByTestId("quiz-result")).toContainText("2연속 정답");

  // Question 3 (numeric): 99,328 is 99328; an entry that is not a number is caught before sending; 99.328 is wrong.
  await instructor.getByTestId("quiz-next").click();
  await h.getByTestId("quiz-free-input").fill("99,328");
  await expect(h.getByTestId("quiz-number-note")).toContainText("99328");
  await h.getByTestId("quiz-submit").click();
  await d.getByTestId("quiz-free-input").fill("９９３２８"); // full-width digits from a Korean IME
  await d.getByTestId("quiz-submit").click();
  await s.getByTestId("quiz-free-input").fill("구만");
  await expect(s.getByTestId("quiz-number-note")).toContainText("숫자로 읽을 수 없습니다");
  await s.getByTestId("quiz-submit").click();
  await expect(s.getByTestId("quiz-locked")).toHaveCount(0);
  await s.getByTestId("quiz-free-input").fill("99.328");
  await s.getByTestId("quiz-submit").click();
  await expect(h.getByTestId("quiz-result")).toContainText("정답!");
  await expect(d.getByTestId("quiz-result")).toContainText("정답!");
  await expect(s.getByTestId("quiz-result")).toContainText("오답");

  // Question 4 (short text): lecture 04's own label, in English and in Korean quotes, is accepted; the explanation shows at the reveal.
  await instructor.getByTestId("quiz-next").click();
  await h.getByTestId("quiz-free-input").fill("Memory Cell");
  await h.getByTestId("quiz-submit").click();
  await d.getByTestId("quiz-free-input").fill("“메모리 셀”");
  await d.getByTestId("quiz-submit").click();
  await s.getByTestId("quiz-free-input").fill("셀");
  await s.getByTestId("quiz-submit").click();
  await expect(h.getByTestId("quiz-result")).toContainText("정답!");
  await expect(d.getByTestId("quiz-result")).toContainText("정답!");
  await expect(s.getByTestId("quiz-result")).toContainText("오답");
  await expect(d.getByTestId("correct-answer")).toContainText("메모리 셀");
  await expect(projector.getByTestId("correct-answer")).toContainText("메모리 셀");
  await expectOneScreen(projector, "reveal");

  // Question 5 closes by the server's clock (25 s): 하나 does not answer; only 세찬 is right.
  await instructor.getByTestId("quiz-next").click();
  await option(s, "3×3").click();
  await option(d, "4×4").click();
  await expect(h.getByTestId("quiz-result")).toContainText("답하지 않았습니다", { timeout: 45_000 });
  await expect(s.getByTestId("quiz-result")).toContainText("정답!");

  // The podium, on the students' screens and on one projector screen.
  await instructor.getByTestId("quiz-next").click();
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "ended");
  await expect(instructor.getByTestId("podium-1")).toContainText("하나");
  await expect(instructor.getByTestId("podium-2")).toContainText("두리");
  await expect(instructor.getByTestId("podium-3")).toContainText("세찬");
  await expect(s.getByTestId("quiz-final-rank")).toContainText("3명 중 3등");
  await expect(projector.getByTestId("podium-1")).toContainText("하나");
  await expectOneScreen(projector, "ended");
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expectOneScreen(projector, "ended");

  // The per-question results table: every student × question, in podium order.
  await instructor.reload();
  await instructor.getByTestId("round-link").first().click();
  const rows = instructor.getByTestId("round-results").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("하나");
  await expect(rows.nth(2)).toContainText("세찬");
});

test("an answer clicked while the phone is offline is kept, said to be waiting, and counted after the rejoin (Q8a)", async ({ actors }) => {
  test.setTimeout(240_000);
  const [teacher, hana] = await actors("teacher", "하나");
  const api = teacher.page.request;
  await data(await api.post("/api/auth/signup", { data: { email: uniqueEmail("offline"), password: "correct horse battery", displayName: "선생님" } }));
  const { class: klass } = await data<{ class: { id: string } }>(await api.post("/api/classes", { data: { name: "오프라인반", roster: "" } }));
  const { session } = await data<{ session: { id: string; code: string } }>(await api.post(`/api/classes/${klass.id}/sessions`, { data: {} }));
  const { question } = await data<{ question: { id: string } }>(
    await api.post("/api/quiz/questions", {
      data: { type: "truefalse", prompt: pair("RNN은 가중치를 공유한다"), correct: true, tags: ["recurrence"], timeLimitSec: 240 },
    }),
  );
  await data(await api.post("/api/quiz/quizzes", { data: { title: "오프라인 퀴즈", scoringMode: "speed", questionIds: [question.id] } }));
  const instructor = teacher.page;
  await instructor.goto(`/sessions/${session.id}`);
  await studentJoins(hana.page, session.code, { guest: "하나" });
  await instructor.getByTestId("quiz-pick").selectOption({ label: "오프라인 퀴즈 (1문제)" });
  await instructor.getByTestId("quiz-start").click();
  await instructor.getByTestId("quiz-next").click();
  const h = hana.page;
  await expect(h.getByTestId("quiz-tf-true")).toBeVisible();

  // The Wi-Fi drops; once the page knows, 하나 presses O.
  await hana.context.setOffline(true);
  await expect(h.getByTestId("connection")).toHaveAttribute("data-state", /offline|connecting/, { timeout: 60_000 });
  await h.getByTestId("quiz-tf-true").click();
  await expect(h.getByTestId("quiz-queued")).toContainText("다시 연결되면");
  await expect(h.getByTestId("quiz-tf-true")).toHaveCount(0);

  // Back online: the page rejoins, sends the answer, and it counts (the only student answered: the question closes, Q5a).
  await hana.context.setOffline(false);
  await expect(h.getByTestId("quiz-result")).toContainText("정답!", { timeout: 60_000 });
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "reveal");
  await expect(h.getByTestId("quiz-queued")).toHaveCount(0);
});
