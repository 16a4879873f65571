/** The heart of the product: the instructor pushes a model session and the whole class trains in their browsers. */
import type { Page } from "@playwright/test";
import { expect, instructorStartsSession, studentJoins, test } from "./fixtures";

const studentStep = (page: Page) => page.getByTestId("run-stats").getAttribute("data-step").then(Number);
const gridStep = (page: Page, name: string) => page.locator(`[data-testid="grid-row"][data-name="${name}"]`).getAttribute("data-step").then(Number);

test("the class trains a pushed model session with two ablation groups; pause, reload and spotlight work", async ({ actors }) => {
  test.setTimeout(300_000);
  const [instructor, a, b, c] = await actors("instructor", "A", "B", "C");
  for (const s of [a, b, c]) await s.context.addInitScript(() => localStorage.setItem("rc:backend", "wasm"));
  const { code } = await instructorStartsSession(instructor.page, "Ana\nBo\nCy");
  const students = [
    { actor: a, name: "Ana" },
    { actor: b, name: "Bo" },
    { actor: c, name: "Cy" },
  ];
  for (const s of students) await studentJoins(s.actor.page, code, { roster: s.name });
  await expect(instructor.page.locator('[data-testid="participant"][data-connected="true"]')).toHaveCount(3);

  // A tiny model so three browsers can train at once on two cores; clipping on vs off.
  const ip = instructor.page;
  await ip.getByTestId("composer").getByTestId("config-hiddenSize").fill("16");
  await ip.getByTestId("composer").getByTestId("config-batchSize").fill("8");
  await ip.getByTestId("composer").getByTestId("config-seqLen").fill("16");
  await ip.getByTestId("groups-ablationClip").click();
  await ip.getByTestId("push").click();
  await expect(ip.getByTestId("run-status")).toBeVisible();
  for (const s of students) {
    await expect(s.actor.page.getByTestId("student-training")).toBeVisible();
    await expect(s.actor.page.getByTestId("my-group")).toHaveAttribute("data-group", /clip/);
  }
  const groupsSeen = await Promise.all(students.map((s) => s.actor.page.getByTestId("my-group").getAttribute("data-group")));
  expect(new Set(groupsSeen).size, "both groups have students").toBe(2);

  // Everyone is ready before the start, so the start reaches trainers that can obey it.
  for (const s of students) await expect(s.actor.page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await ip.getByTestId("run-start").click();
  for (const s of students) await expect.poll(() => studentStep(s.actor.page), { timeout: 90_000 }).toBeGreaterThan(20);
  for (const s of students) await expect.poll(() => gridStep(ip, s.name), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(ip.getByTestId("class-curves")).toBeVisible();

  // Pause stops every student's training.
  await ip.getByTestId("run-pause").click();
  await expect(ip.getByTestId("run-panel")).toHaveAttribute("data-run", "paused");
  for (const s of students) await expect(s.actor.page.getByTestId("run-stats")).toHaveAttribute("data-status", "paused", { timeout: 120_000 });
  const pausedAt = await studentStep(a.page);
  await expect.poll(() => gridStep(ip, "Ana"), { timeout: 30_000 }).toBe(pausedAt);
  expect(await studentStep(a.page)).toBe(pausedAt);

  // Resume; a student reloads mid-run and continues from the checkpoint, not from zero.
  await ip.getByTestId("run-resume").click();
  await expect.poll(() => studentStep(b.page), { timeout: 60_000 }).toBeGreaterThan(60);
  const beforeReload = await studentStep(b.page);
  await b.page.reload();
  await expect(b.page.getByTestId("resumed")).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => studentStep(b.page), { timeout: 90_000 }).toBeGreaterThan(beforeReload - 60);
  await expect.poll(() => studentStep(b.page), { timeout: 90_000 }).toBeGreaterThan(beforeReload);

  // Spotlight a student's samples on the projector.
  await ip.locator('[data-testid="grid-row"][data-name="Cy"]').getByTestId("spotlight-button").click();
  const projector = await instructor.context.newPage();
  await projector.goto(ip.url().replace("/sessions/", "/projector/") + "/spotlight");
  await expect(projector.getByTestId("spotlight-sample")).not.toBeEmpty({ timeout: 60_000 });
});

test("the instructor trains the class's configuration in the lab, downloads the model and shares it; a student continues from it", async ({ actors }) => {
  test.setTimeout(300_000);
  const [instructor, a] = await actors("instructor", "A");
  for (const s of [instructor, a]) await s.context.addInitScript(() => localStorage.setItem("rc:backend", "wasm"));
  const { code } = await instructorStartsSession(instructor.page, "Ana");
  await studentJoins(a.page, code, { roster: "Ana" });
  const ip = instructor.page;
  await ip.getByTestId("composer").getByTestId("config-hiddenSize").fill("16");
  await ip.getByTestId("composer").getByTestId("config-batchSize").fill("8");
  await ip.getByTestId("composer").getByTestId("config-seqLen").fill("16");
  await ip.getByTestId("push").click();
  await expect(a.page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });

  // The console's link opens the lab on exactly the class's configuration.
  const share = ip.getByTestId("share-own-model");
  await share.locator("summary").click();
  const [lab] = await Promise.all([instructor.context.waitForEvent("page"), share.getByRole("link").first().click()]);
  await expect(lab.getByTestId("from-session")).toBeVisible();
  await expect(lab.getByTestId("config-hiddenSize")).toHaveValue("16");
  await expect(lab.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await lab.getByTestId("train").click();
  await expect.poll(() => studentStep(lab), { timeout: 90_000 }).toBeGreaterThan(30);
  await lab.getByTestId("pause").click();
  const [download] = await Promise.all([lab.waitForEvent("download"), lab.getByTestId("download-model").click()]);
  expect(download.suggestedFilename()).toMatch(/-lstm16-step\d+\.rnnw$/);
  const trainedSteps = Number(/step(\d+)\.rnnw$/.exec(download.suggestedFilename())?.[1]);

  // Uploaded in the console, checked by the server, sent to the class: the student continues from it.
  await share.getByTestId("own-model-file").setInputFiles(await download.path());
  await expect(share.getByTestId("own-model-sent")).toContainText(String(trainedSteps));
  await expect(a.page.getByTestId("shared-checkpoint")).toContainText(String(trainedSteps));
  await expect(a.page.getByTestId("resumed")).toContainText(String(trainedSteps), { timeout: 90_000 });
});
