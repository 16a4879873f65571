/** SS5 (SECURITY.md) in the browser: a seat that has an owner moves to another device only when the teacher approves. */
import { expect, instructorStartsSession, studentJoins, test } from "./fixtures";

test("a student whose laptop died asks for their seat from another device; the teacher approves; the roster shows the takeover", async ({ actors }) => {
  const [instructor, laptop, borrowed] = await actors("instructor", "laptop", "borrowed");
  const { code } = await instructorStartsSession(instructor.page, "김민지\nLee Jun");
  await studentJoins(laptop.page, code, { roster: "김민지" });
  const participantId = (await laptop.page.getByTestId("student-welcome").getAttribute("data-participant")) ?? "missing";
  const seat = instructor.page.locator('[data-testid="participant"][data-name="김민지"]');
  await expect(seat).toHaveAttribute("data-connected", "true");

  // The laptop dies.
  await laptop.context.close();
  await expect(seat).toHaveAttribute("data-connected", "false", { timeout: 60_000 });

  // On a borrowed device, picking the name is not enough: the page asks the teacher and waits.
  await borrowed.page.goto(`/join/${code}`);
  await borrowed.page.getByTestId("roster-name").filter({ hasText: "김민지" }).click();
  const status = borrowed.page.getByTestId("seat-claim-status");
  await expect(status).toHaveAttribute("data-phase", "held");
  // The join page closed its own socket after the answer: that is not "offline — reconnecting".
  await expect(borrowed.page.locator('[data-testid="connection"][data-state="offline"]')).toHaveCount(0);
  await borrowed.page.getByTestId("ask-teacher").click();
  await expect(status).toHaveAttribute("data-phase", "waiting");
  await expect(status).toContainText("선생님의 승인을 기다리는 중");

  // The console shows the request; the teacher approves.
  const request = instructor.page.locator('[data-testid="seat-claim"][data-name="김민지"]');
  await expect(request).toContainText("김민지: 다른 기기가 이 자리를 원해요");
  instructor.page.once("dialog", (dialog) => void dialog.accept());
  await request.getByTestId("approve-claim").click();
  await expect(instructor.page.getByTestId("seat-claims")).toHaveCount(0);

  // The borrowed device is 김민지 now — the same seat — and the roster says it was taken over.
  await expect(borrowed.page).toHaveURL(new RegExp(`/s/${code}$`));
  await expect(borrowed.page.getByTestId("student-welcome")).toHaveAttribute("data-participant", participantId);
  await expect(seat).toHaveAttribute("data-connected", "true");
  await expect(seat.getByTestId("taken-over")).toBeVisible();
});
