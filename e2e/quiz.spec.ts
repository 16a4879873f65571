/**
 * A live quiz in real browsers: an instructor runs a three-question quiz for three students,
 * each in their own browser context. Answers of different speed and correctness decide the
 * podium. Synchronisation is on application state only (expect / expect.poll), never sleeps.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

const question = (prompt: string, type: "single" | "truefalse", correct: number | boolean, timeLimitSec: number) =>
  type === "single"
    ? { type, prompt: { ko: prompt, en: prompt }, options: ["가", "나", "다", "라"].map((s) => ({ ko: s, en: s })), correct, tags: ["lstm-gates"], timeLimitSec }
    : { type, prompt: { ko: prompt, en: prompt }, correct, tags: ["recurrence"], timeLimitSec };

async function student(browser: Browser, code: string, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await page.getByTestId("guest-name").fill(name);
  await page.getByTestId("join-guest").click();
  await expect(page.getByTestId("student-welcome")).toContainText(name);
  return page;
}

async function remainingMs(page: Page): Promise<number> {
  return Number(await page.getByTestId("quiz-remaining").getAttribute("data-remaining-ms"));
}

test("students who answer right and fast top the podium; a slow right answer beats a wrong one", async ({ browser }) => {
  // The instructor signs up, makes a class, a session and a three-question quiz (API calls share the browser's cookie).
  const instructorContext = await browser.newContext({ locale: "ko-KR" });
  const instructor = await instructorContext.newPage();
  const api = instructor.request;
  const ok = async <T>(response: Awaited<ReturnType<typeof api.post>>): Promise<T> => {
    const body = (await response.json()) as { ok: boolean; data: T };
    expect(body.ok, JSON.stringify(body)).toBe(true);
    return body.data;
  };
  await ok(await api.post("/api/auth/signup", { data: { email: `quiz-${Date.now()}@school.kr`, password: "correct horse battery", displayName: "선생님" } }));
  const { class: klass } = await ok<{ class: { id: string } }>(await api.post("/api/classes", { data: { name: "퀴즈반", roster: "" } }));
  const { session } = await ok<{ session: { id: string; code: string } }>(await api.post(`/api/classes/${klass.id}/sessions`, { data: {} }));
  const ids: string[] = [];
  for (const q of [question("LSTM에서 지우는 게이트는?", "single", 1, 20), question("RNN은 가중치를 공유한다", "truefalse", true, 20), question("7×7, 3×3, stride 2의 출력은?", "single", 2, 6)]) {
    ids.push((await ok<{ question: { id: string } }>(await api.post("/api/quiz/questions", { data: q }))).question.id);
  }
  await ok(await api.post("/api/quiz/quizzes", { data: { title: "e2e 퀴즈", scoringMode: "speed", questionIds: ids } }));

  await instructor.goto(`/sessions/${session.id}`);
  await expect(instructor.getByTestId("quiz-pick")).toContainText("e2e 퀴즈");
  const [hana, duri, sechan] = [await student(browser, session.code, "하나"), await student(browser, session.code, "두리"), await student(browser, session.code, "세찬")];

  await instructor.getByTestId("quiz-start").click();
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "lobby");
  for (const s of [hana, duri, sechan]) await expect(s.getByTestId("student-quiz")).toHaveAttribute("data-phase", "lobby");

  // Question 1: 하나 right at once, 세찬 wrong, 두리 right but only after 4 s of the 20 s have passed.
  await instructor.getByTestId("quiz-next").click();
  for (const s of [hana, duri, sechan]) await expect(s.getByTestId("quiz-option-1")).toBeVisible();
  await hana.getByTestId("quiz-option-1").click();
  await sechan.getByTestId("quiz-option-0").click();
  await expect.poll(() => remainingMs(duri), { timeout: 20_000 }).toBeLessThan(16_000);
  await duri.getByTestId("quiz-option-1").click();
  for (const s of [hana, duri, sechan]) await expect(s.getByTestId("quiz-locked")).toBeVisible();
  await expect(instructor.getByTestId("quiz-answer-count")).toContainText("3명 중 3명");
  await instructor.getByTestId("quiz-skip").click();
  await expect(hana.getByTestId("quiz-result")).toContainText("정답!");
  await expect(sechan.getByTestId("quiz-result")).toContainText("오답");
  await expect(hana.getByTestId("quiz-rank")).toContainText("3명 중 1등");
  await expect(duri.getByTestId("quiz-rank")).toContainText("3명 중 2등");
  await expect(instructor.getByTestId("histogram")).toBeVisible();
  await expect(instructor.getByTestId("correct-answer")).toContainText("나");

  // Question 2 (true/false): 하나 and 두리 right, 세찬 wrong.
  await instructor.getByTestId("quiz-next").click();
  await hana.getByTestId("quiz-tf-true").click();
  await duri.getByTestId("quiz-tf-true").click();
  await sechan.getByTestId("quiz-tf-false").click();
  await expect(instructor.getByTestId("quiz-answer-count")).toContainText("3명 중 3명");
  await instructor.getByTestId("quiz-skip").click();
  await expect(duri.getByTestId("quiz-result")).toContainText("2연속 정답");

  // Question 3 closes by the server's clock (6 s): only 세찬 is right; 두리 answers wrong, 하나 does not answer.
  await instructor.getByTestId("quiz-next").click();
  await sechan.getByTestId("quiz-option-2").click();
  await duri.getByTestId("quiz-option-3").click();
  await expect(hana.getByTestId("quiz-result")).toContainText("답하지 않았습니다", { timeout: 15_000 });
  await expect(sechan.getByTestId("quiz-result")).toContainText("정답!");
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "reveal");

  // The podium: 하나 (2 right, fast), 두리 (2 right, one slow), 세찬 (1 right).
  await instructor.getByTestId("quiz-next").click();
  await expect(instructor.getByTestId("instructor-quiz")).toHaveAttribute("data-phase", "ended");
  await expect(instructor.getByTestId("podium-1")).toContainText("하나");
  await expect(instructor.getByTestId("podium-2")).toContainText("두리");
  await expect(instructor.getByTestId("podium-3")).toContainText("세찬");
  await expect(instructor.getByTestId("ranking").locator("tbody tr")).toHaveCount(3);
  await expect(sechan.getByTestId("podium-1")).toContainText("하나");
  await expect(sechan.getByTestId("quiz-final-rank")).toContainText("3명 중 3등");

  // The projector shows the same podium, and the results survive in the round's report.
  const projector = await instructorContext.newPage();
  await projector.goto(`/projector/${session.id}/quiz`);
  await expect(projector.getByTestId("podium-1")).toContainText("하나");

  // The per-question results table: every student × question, in podium order.
  await instructor.reload();
  await instructor.getByTestId("round-link").first().click();
  const rows = instructor.getByTestId("round-results").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("하나");
  await expect(rows.nth(2)).toContainText("세찬");
});
