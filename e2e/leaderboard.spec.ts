/** The verified leaderboard, end to end: students train briefly in their browsers, submit, and the class sees the server's scores. */
import type { Page } from "@playwright/test";
import { expect, instructorStartsSession, studentJoins, test } from "./fixtures";

const studentStep = (page: Page) => page.getByTestId("run-stats").getAttribute("data-step").then(Number);
const names = (page: Page, testId: string) => page.getByTestId(testId).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));

test("two students train and submit; the leaderboard and the projector rank them by verified score; the instructor reveals the private ranking", async ({
  actors,
}) => {
  test.setTimeout(420_000);
  const [instructor, a, b] = await actors("instructor", "A", "B");
  for (const s of [a, b]) await s.context.addInitScript(() => localStorage.setItem("rc:backend", "wasm"));
  const { code } = await instructorStartsSession(instructor.page, "Ana\nBo");
  const students = [
    { actor: a, name: "Ana" },
    { actor: b, name: "Bo" },
  ];
  for (const s of students) await studentJoins(s.actor.page, code, { roster: s.name });

  const ip = instructor.page;
  await ip.getByTestId("composer").getByTestId("config-hiddenSize").fill("16");
  await ip.getByTestId("composer").getByTestId("config-batchSize").fill("8");
  await ip.getByTestId("composer").getByTestId("config-seqLen").fill("16");
  await ip.getByTestId("push").click();
  for (const s of students) await expect(s.actor.page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await ip.getByTestId("run-start").click();
  // Both train at once; whichever model the server scores better leads the board.
  await expect.poll(() => studentStep(b.page), { timeout: 90_000 }).toBeGreaterThan(10);
  await expect.poll(() => studentStep(a.page), { timeout: 120_000 }).toBeGreaterThan(150);
  await ip.getByTestId("run-pause").click();
  for (const s of students) await expect(s.actor.page.getByTestId("run-stats")).toHaveAttribute("data-status", "paused", { timeout: 60_000 });

  for (const s of students) {
    const page = s.actor.page;
    await page.getByTestId("submit-generate").click();
    await expect(page.getByTestId("submit-sample")).not.toHaveValue("", { timeout: 60_000 });
    await page.getByTestId("submit-sample").fill(`<b>${s.name}</b> wrote this`);
    await page.getByTestId("submit-button").click();
    await expect(page.getByTestId("my-submission").first()).toHaveAttribute("data-status", "scored", { timeout: 120_000 });
  }

  // Everyone sees both rows, ranked by the server's public score; samples are text, not markup.
  const board = ip.getByTestId("instructor-leaderboard");
  await expect(board.getByTestId("leaderboard-row")).toHaveCount(2);
  // The board's broadcast is debounced: wait until it carries both verified scores.
  await expect(board.getByTestId("row-public-bpc")).toHaveText([/\d\.\d/, /\d\.\d/]);
  const scores = await board.getByTestId("row-public-bpc").allTextContents();
  expect(Number(scores[0])).toBeLessThanOrEqual(Number(scores[1]));
  const order = await names(ip, "leaderboard-row");
  expect([...order].sort()).toEqual(["Ana", "Bo"]);
  await expect(b.page.getByTestId("student-leaderboard").getByTestId("leaderboard-row")).toHaveCount(2);
  await expect(b.page.getByTestId("student-leaderboard").getByText("<b>Ana</b> wrote this")).toBeVisible();

  const projector = await instructor.context.newPage();
  await projector.goto(ip.url().replace("/sessions/", "/projector/") + "/leaderboard");
  await expect(projector.getByTestId("projector-row")).toHaveCount(2);
  expect(await names(projector, "projector-row")).toEqual(order);
  await expect(projector.getByTestId("projector-sample").first()).toHaveText(`<b>${order[0]}</b> wrote this`);

  // T11: the instructor shares Ana's verified model; Bo's browser loads it and continues from it.
  await ip.locator('[data-testid="grid-row"][data-name="Ana"]').getByTestId("share-button").click();
  await expect(b.page.getByTestId("shared-checkpoint")).toContainText("Ana");
  await expect(b.page.getByTestId("resumed")).toBeVisible({ timeout: 90_000 });

  // Bo votes for Ana's sample; the instructor closes voting and reveals the private ranking.
  await b.page.getByTestId("student-leaderboard").getByTestId("vote-button").click();
  await expect(b.page.getByTestId("vote-button")).toHaveText(/투표함|Voted/);
  ip.on("dialog", (dialog) => void dialog.accept());
  await ip.getByTestId("close-voting").click();
  await ip.getByTestId("reveal-private").click();
  await expect(projector.getByTestId("projector-leaderboard")).toHaveAttribute("data-revealed", "true");
  await expect(projector.getByTestId("podium")).toBeVisible();
  await expect(a.page.getByTestId("student-leaderboard").getByTestId("leaderboard")).toHaveAttribute("data-revealed", "true");
  await expect(a.page.getByTestId("student-leaderboard").getByTestId("rank-change")).toHaveCount(2);
});
