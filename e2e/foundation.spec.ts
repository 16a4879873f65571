/** The foundation as people use it: an instructor opens a session, students join, drop and return. */
import { expect, instructorSignsUp, instructorStartsSession, studentJoins, test } from "./fixtures";

test("students join by roster name and as a guest, and the instructor watches them drop and return", async ({ actors }) => {
  const [instructor, minji, guest] = await actors("instructor", "minji", "guest");
  const { code } = await instructorStartsSession(instructor.page, "김민지\nLee Jun\n박서연");
  await expect(instructor.page.getByTestId("join-qr")).toBeVisible();
  await expect(instructor.page.getByTestId("join-url")).toContainText(`/join/${code}`);

  await studentJoins(minji.page, code, { roster: "김민지" });
  await expect(minji.page.getByTestId("student-welcome")).toContainText("김민지");
  await guest.page.goto(`/join/${code}`);
  await guest.page.getByTestId("guest-name").fill("Guest Star");
  await expect(guest.page.getByTestId("guest-counter")).toHaveText("10/24");
  await guest.page.getByTestId("join-guest").click();
  await expect(guest.page.getByTestId("student-welcome")).toContainText("Guest Star");

  const roster = instructor.page.getByTestId("participant");
  await expect(roster).toHaveCount(2);
  await expect(instructor.page.locator('[data-testid="participant"][data-name="김민지"]')).toHaveAttribute("data-connected", "true");
  await expect(instructor.page.locator('[data-testid="participant"][data-name="Guest Star"]')).toHaveAttribute("data-connected", "true");

  // A reload keeps the student the same participant.
  const before = await minji.page.getByTestId("student-welcome").getAttribute("data-participant");
  await minji.page.reload();
  await expect(minji.page.getByTestId("student-welcome")).toHaveAttribute("data-participant", before ?? "missing");
  await expect(roster).toHaveCount(2);
  await expect(instructor.page.locator('[data-testid="participant"][data-name="김민지"]')).toHaveAttribute("data-connected", "true");

  // The guest's Wi-Fi drops: the instructor sees it, then sees them come back.
  const guestRow = instructor.page.locator('[data-testid="participant"][data-name="Guest Star"]');
  await guest.context.setOffline(true);
  await expect(guestRow).toHaveAttribute("data-connected", "false", { timeout: 60_000 });
  await expect(guest.page.getByTestId("connection")).toHaveAttribute("data-state", /offline|connecting/);
  await guest.context.setOffline(false);
  await expect(guestRow).toHaveAttribute("data-connected", "true", { timeout: 60_000 });
  await expect(guest.page.getByTestId("connection")).toHaveAttribute("data-state", "online");
});

test("a wrong code says so and offers another try", async ({ actors }) => {
  const [student] = await actors("student");
  await student.page.goto("/join/ZZZZZZ");
  await expect(student.page.getByTestId("error")).toHaveAttribute("data-code", "NOT_FOUND");
  await expect(student.page.getByTestId("error")).toContainText("찾을 수 없습니다");
  await student.page.getByTestId("join-stop").getByTestId("join-code").fill("ab c-123");
  await student.page.getByTestId("join-stop").locator('button[type="submit"]').click();
  await expect(student.page).toHaveURL(/\/join\/ABC123$/);
});

test("a student who opens the session in a second tab can take it back in the first", async ({ actors }) => {
  const [instructor, minji, stranger] = await actors("instructor", "minji", "stranger");
  const { code } = await instructorStartsSession(instructor.page, "김민지\nLee Jun");
  await studentJoins(minji.page, code, { roster: "김민지" });
  const first = minji.page;
  const participantId = (await first.getByTestId("student-welcome").getAttribute("data-participant")) ?? "missing";

  const second = await minji.context.newPage();
  await second.goto(`/s/${code}`);
  await expect(second.getByTestId("student-welcome")).toHaveAttribute("data-participant", participantId);
  await expect(first.getByTestId("stop-screen")).toHaveAttribute("data-reason", "REPLACED");

  await first.getByTestId("take-back").click();
  await expect(first.getByTestId("student-welcome")).toHaveAttribute("data-participant", participantId);
  await expect(second.getByTestId("stop-screen")).toHaveAttribute("data-reason", "REPLACED");
  await expect(instructor.page.getByTestId("participant")).toHaveCount(1);
  await expect(instructor.page.locator('[data-testid="participant"][data-name="김민지"]')).toHaveAttribute("data-connected", "true");

  // A browser that never joined is sent to pick a name, where 김민지 shows as taken.
  await stranger.page.goto(`/s/${code}`);
  await expect(stranger.page).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(stranger.page.getByTestId("roster-name").filter({ hasText: "김민지" })).toBeDisabled();
});

test("the roster preview says in Korean why a line is not added; names already in the class are reported", async ({ actors }) => {
  const [instructor] = await actors("instructor");
  const page = instructor.page;
  await instructorSignsUp(page);
  await page.locator('input[name="className"]').fill("1학년 2반");
  await page
    .getByTestId("roster-input")
    .first()
    .fill(`김민지\n김민지\n${"가".repeat(30)}\n박서연`);
  const preview = page.getByTestId("roster-preview");
  await expect(preview.getByTestId("roster-rejected")).toHaveCount(2);
  await expect(preview.locator('[data-reason="DUPLICATE"]')).toContainText("같은 이름이 위에 이미 있습니다");
  await expect(preview.locator('[data-reason="TOO_LONG"]')).toContainText("24자");
  await page.getByTestId("create-class").locator('button[type="submit"]').click();
  await expect(page.getByTestId("class-name")).toHaveText("1학년 2반");

  await page.getByTestId("roster-input").fill("박서연\n이준");
  await page.getByRole("button", { name: "추가", exact: true }).click();
  await expect(page.getByTestId("roster-added")).toContainText("1");
  await expect(page.locator('[data-testid="roster-rejected"][data-reason="ALREADY_ON_ROSTER"]')).toContainText("박서연");
});

test("the interface speaks Korean by default and English on request", async ({ actors }) => {
  const [visitor] = await actors("visitor");
  await visitor.page.goto("/");
  await expect(visitor.page.locator("h1")).toHaveText("RNN 교실");
  await visitor.page.getByRole("combobox", { name: "언어" }).selectOption("en");
  await expect(visitor.page.locator("h1")).toHaveText("RNN Classroom");
});

test("a student's browser cannot open instructor pages", async ({ actors }) => {
  const [student] = await actors("student");
  await student.page.goto("/classes");
  await expect(student.page).toHaveURL(/\/login/);
});

test("a student cannot join a session after it has ended", async ({ actors }) => {
  const [instructor, late] = await actors("instructor", "late");
  const { code } = await instructorStartsSession(instructor.page, "");
  instructor.page.once("dialog", (dialog) => void dialog.accept());
  await instructor.page.getByTestId("end-session").click();
  await expect(instructor.page.getByTestId("session-ended")).toBeVisible();
  await late.page.goto(`/join/${code}`);
  await expect(late.page.getByTestId("error")).toHaveAttribute("data-code", "SESSION_ENDED");
});
