/**
 * A real lesson on real devices (issue 13): an instructor and three students — two on 390×844
 * phones — through join, live training with LSTM/GRU/RNN groups, submissions, the end of the
 * session and the students' keep page, with the projector pages at 1366×768. Asserted on the way:
 * the LAN join URL, no horizontal overflow on any student or projector page at phone and projector
 * sizes, the Korean web font loaded, the absent student listed, the keep page's working download and
 * generation, the honest ablation conclusion, and no string of the other language (or raw key) in
 * either language. Screenshots of each page at each size are attached to the report.
 */
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import type { Page, TestInfo } from "@playwright/test";
import { lanAddresses } from "../server/network/joinOrigins";
import { expect, instructorStartsSession, test } from "./fixtures";
import { speaks } from "./language";

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const PROJECTOR = { width: 1366, height: 768 };

/** No horizontal scroll, no clipped text in the main elements; a screenshot for the report. */
async function fits(page: Page, size: { width: number; height: number }, label: string, testInfo: TestInfo) {
  await page.setViewportSize(size);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `${label} at ${size.width}px: wider than the screen`,
    })
    .toBeLessThanOrEqual(0);
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("main h1, main h2, main h3, main p, main button, main a.button, main label, main li, main summary")]
      .filter((e) => !e.closest("table, pre, .sample-wall") && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
      .map((e) => (e.textContent ?? "").slice(0, 40)),
  );
  expect(clipped, `${label} at ${size.width}px: clipped text`).toEqual([]);
  await testInfo.attach(`${label} ${size.width}x${size.height}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

async function koreanFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return (
      document.fonts.check('16px "Noto Sans KR"', "가") &&
      [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Noto Sans KR" && f.status === "loaded")
    );
  });
}

const step = (page: Page) => page.getByTestId("run-stats").getAttribute("data-step").then(Number);

test("a lesson on phones, a laptop and a projector: LAN join link, pages that fit, the absent student, honest groups, students keep their model", async ({
  actors,
}, testInfo) => {
  test.setTimeout(900_000);
  const [instructor, minjun, seoyeon, yuna] = await actors("instructor", "김민준 (laptop)", "이서연 (phone)", "최유나 (phone)");
  for (const s of [minjun, seoyeon, yuna]) await s.context.addInitScript(() => localStorage.setItem("rc:backend", "wasm"));
  const ip = instructor.page;
  await ip.setViewportSize(PROJECTOR);
  const { code, sessionUrl } = await instructorStartsSession(ip, "김민준\n이서연\n최유나\n박지호", "2학년 3반 인공지능");

  // The console was opened on localhost; the join link names this machine's LAN address (N2).
  const port = new URL(sessionUrl).port;
  // The link appears once the server has answered which origins to offer; wait for it, then read it.
  const lan = lanAddresses(networkInterfaces());
  if (lan.length > 0) await expect(ip.getByTestId("join-url")).toHaveText(`http://${lan[0]}:${port}/join/${code}`);
  else await expect(ip.getByTestId("join-loopback-warning")).toBeVisible();
  const joinUrl = (await ip.getByTestId("join-url").textContent())?.trim() ?? "";
  expect(await koreanFontLoaded(ip), "the self-hosted Korean font is loaded").toBe(true);

  // The projector lobby shows names as students join, from the QR code's address.
  const lobby = await instructor.context.newPage();
  await lobby.setViewportSize(PROJECTOR);
  await lobby.goto(sessionUrl);
  await lobby.getByTestId("projector-mode").click();
  const students = [
    { actor: minjun, name: "김민준", size: PROJECTOR },
    { actor: seoyeon, name: "이서연", size: PHONE },
    { actor: yuna, name: "최유나", size: PHONE },
  ];
  for (const s of students) {
    await s.actor.page.setViewportSize(s.size);
    await s.actor.page.goto(joinUrl);
    if (s.size === PHONE) await fits(s.actor.page, PHONE, "join page", testInfo);
    await s.actor.page.getByTestId("roster-name").filter({ hasText: s.name }).click();
    await expect(s.actor.page.getByTestId("student-welcome")).toBeVisible();
  }
  await expect(lobby.getByTestId("lobby-name")).toHaveText(["김민준", "이서연", "최유나"]);
  await fits(lobby, PROJECTOR, "projector lobby", testInfo);
  await speaks(lobby, "ko", "projector lobby");
  await lobby.close();

  // The console lists the absent student; present and absent at a glance.
  await expect(ip.locator('[data-testid="absent-student"][data-name="박지호"]')).toBeVisible();
  await expect(ip.locator('[data-testid="participant"][data-state="present"]')).toHaveCount(3);
  await expect(ip.getByTestId("roster-count")).toHaveText("출석 3 · 끊김 0 · 결석 1");

  // Live training with LSTM / GRU / RNN groups, a tiny model so three browsers train on two cores.
  const composer = ip.getByTestId("composer");
  await composer.getByTestId("config-hiddenSize").fill("16");
  await composer.getByTestId("config-batchSize").fill("8");
  await composer.getByTestId("config-seqLen").fill("16");
  await ip.getByTestId("groups-ablationCells").click();
  await expect(ip.getByTestId("group-list")).toContainText("셀 LSTM");
  await ip.getByTestId("push").click();
  for (const s of students) {
    await expect(s.actor.page.getByTestId("my-group")).toBeVisible();
    await expect(s.actor.page.getByTestId("my-group")).not.toContainText("cell=");
    await expect(s.actor.page.getByTestId("step-cost-note")).toBeVisible();
    await expect(s.actor.page.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 120_000 });
  }
  await ip.getByTestId("run-start").click();
  for (const s of students) await expect.poll(() => step(s.actor.page), { timeout: 180_000 }).toBeGreaterThan(5);
  await expect(ip.getByTestId("step-cost-note")).toBeVisible();

  const phone = seoyeon.page;
  await fits(phone, PHONE, "student training", testInfo);
  await fits(phone, SMALL_PHONE, "student training", testInfo);
  await phone.setViewportSize(PHONE);
  await speaks(phone, "ko", "student training");
  expect(await koreanFontLoaded(phone)).toBe(true);
  for (const view of ["curves", "wall"]) {
    const projector = await instructor.context.newPage();
    await projector.goto(sessionUrl.replace("/sessions/", "/projector/") + `/${view}`);
    await fits(projector, PROJECTOR, `projector ${view}`, testInfo);
    await speaks(projector, "ko", `projector ${view}`);
    await projector.close();
  }

  // Two students submit from their phones while training, everyone sees the board; the vote button is on screen.
  for (const s of [seoyeon, yuna]) {
    const page = s.page;
    await page.getByTestId("submit-generate").click();
    await expect(page.getByTestId("submit-sample")).not.toHaveValue("", { timeout: 60_000 });
    await page.getByTestId("submit-button").click();
    await expect(page.getByTestId("my-submission").first()).toHaveAttribute("data-status", "scored", { timeout: 180_000 });
  }
  const vote = yuna.page.getByTestId("student-leaderboard").getByTestId("vote-button");
  await expect(vote).toBeVisible();
  const box = await vote.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0), "the vote button lies within the phone's width").toBeLessThanOrEqual(PHONE.width);
  await fits(yuna.page, PHONE, "student leaderboard", testInfo);
  await fits(yuna.page, SMALL_PHONE, "student leaderboard", testInfo);
  const board = await instructor.context.newPage();
  await board.goto(sessionUrl.replace("/sessions/", "/projector/") + "/leaderboard");
  await expect(board.getByTestId("projector-row")).toHaveCount(2);
  await fits(board, PROJECTOR, "projector leaderboard", testInfo);
  await speaks(board, "ko", "projector leaderboard");
  await board.close();

  // Stopping the run asks first; then the lesson ends.
  ip.on("dialog", (dialog) => void dialog.accept());
  await ip.getByTestId("run-stop").click();
  await expect(ip.getByTestId("run-panel")).toHaveAttribute("data-run", "stopped");
  await speaks(ip, "ko", "console");
  await ip.getByTestId("end-session").click();
  await expect(ip.getByTestId("session-ended")).toBeVisible();

  // After the end the student keeps what they made: download the model, open it in the lab, generate.
  await expect(phone.getByTestId("stop-screen")).toHaveAttribute("data-reason", "SESSION_ENDED");
  await phone.getByTestId("keep-link").click();
  await expect(phone.getByTestId("final-model")).toBeVisible();
  await expect(phone.getByTestId("kept-submission")).toHaveCount(1);
  await expect(phone.getByTestId("kept-submission")).toHaveAttribute("data-status", "scored");
  await fits(phone, PHONE, "keep page", testInfo);
  await fits(phone, SMALL_PHONE, "keep page", testInfo);
  await phone.setViewportSize(PHONE);
  await speaks(phone, "ko", "keep page");
  const [download] = await Promise.all([phone.waitForEvent("download"), phone.getByTestId("keep-download").click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${code}-(lstm|gru|rnn)16-step\\d+\\.rnnw$`));
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("RNNW");
  await phone.getByTestId("keep-open-lab").click();
  await expect(phone.getByTestId("model-opened")).toBeVisible({ timeout: 120_000 });
  await expect(phone.getByTestId("run-stats")).toHaveAttribute("data-status", "ready", { timeout: 120_000 });
  await phone.getByTestId("generate").click();
  await expect(phone.getByTestId("sample-text")).not.toBeEmpty({ timeout: 60_000 });
  await fits(phone, PHONE, "lab with the kept model", testInfo);
  await speaks(phone, "ko", "lab");

  // The session report: group sizes, equal steps and time, and "not enough evidence" with one student per group.
  const classId = (await ip.getByRole("link", { name: /수업으로/ }).getAttribute("href"))?.split("/").pop() ?? "";
  const sessionId = new URL(sessionUrl).pathname.split("/").pop() ?? "";
  await ip.goto(`/dashboard/${classId}/sessions/${sessionId}`);
  const conclusion = ip.getByTestId("ablation-conclusion");
  await expect(conclusion).toHaveAttribute("data-verdict", "fewStudents");
  await expect(conclusion).toContainText("증거가 부족합니다");
  await expect(conclusion).toContainText("같은 단계");
  await expect(conclusion).not.toContainText("결론: LSTM");
  await fits(ip, PROJECTOR, "session report", testInfo);
  await speaks(ip, "ko", "session report");

  // The same pages in English: no Korean UI text, no raw keys.
  for (const actor of [instructor, seoyeon]) await actor.context.addCookies([{ name: "locale", value: "en", url: new URL(sessionUrl).origin }]);
  await seoyeon.context.addCookies([{ name: "locale", value: "en", url: new URL(joinUrl).origin }]);
  await ip.reload();
  await expect(conclusion).toContainText("not enough evidence");
  await speaks(ip, "en", "session report (en)");
  await ip.goto(sessionUrl);
  await expect(ip.getByTestId("live-roster")).toBeVisible();
  await speaks(ip, "en", "console (en)");
  await phone.goto(new URL(`/keep/${code}`, joinUrl).toString());
  await expect(phone.getByTestId("final-model")).toBeVisible();
  await speaks(phone, "en", "keep page (en)");
  await fits(phone, PHONE, "keep page (en)", testInfo);
  await phone.goto(new URL("/", joinUrl).toString());
  await expect(phone.getByTestId("home-teacher")).toBeVisible();
  await speaks(phone, "en", "home (en)");
});
