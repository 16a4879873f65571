/** The foundation as people use it: an instructor opens a session, students join, drop and return. */
import { expect, instructorStartsSession, studentJoins, test } from "./fixtures";

test("students join by roster name and as a guest, and the instructor watches them drop and return", async ({ actors }) => {
  const [instructor, minji, guest] = await actors("instructor", "minji", "guest");
  const { code } = await instructorStartsSession(instructor.page, "김민지\nLee Jun\n박서연");
  await expect(instructor.page.getByTestId("join-qr")).toBeVisible();
  await expect(instructor.page.getByTestId("join-url")).toContainText(`/join/${code}`);

  await studentJoins(minji.page, code, { roster: "김민지" });
  await expect(minji.page.getByTestId("student-welcome")).toContainText("김민지");
  await studentJoins(guest.page, code, { guest: "Guest Star" });

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
