/**
 * Named actors for e2e scenarios (tldraw's scenario-test idea): each actor is a separate browser
 * context — its own cookies and storage — so an instructor and students never share a session.
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export interface Actor {
  name: string;
  context: BrowserContext;
  page: Page;
}

async function newActor(browser: Browser, name: string): Promise<Actor> {
  const context = await browser.newContext();
  return { name, context, page: await context.newPage() };
}

let counter = 0;
/** A unique instructor email per test run. */
export function uniqueEmail(prefix = "teacher"): string {
  return `${prefix}-${Date.now()}-${++counter}@school.kr`;
}

export const test = base.extend<{ actors: (...names: string[]) => Promise<Actor[]> }>({
  actors: async ({ browser }, use) => {
    const created: Actor[] = [];
    await use(async (...names) => {
      const actors = await Promise.all(names.map((n) => newActor(browser, n)));
      created.push(...actors);
      return actors;
    });
    await Promise.all(created.map((a) => a.context.close().catch(() => undefined)));
  },
});
export { expect };

/** Signs up a new instructor; ends on the class list. */
export async function instructorSignsUp(page: Page): Promise<void> {
  await page.goto("/signup");
  await page.locator('input[name="email"]').fill(uniqueEmail());
  await page.locator('input[name="displayName"]').fill("김선생");
  await page.locator('input[name="password"]').fill("correct horse battery");
  await page.getByTestId("signup-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/classes$/);
}

/** Signs up a new instructor, creates a class with `roster`, starts a session; returns the code. */
export async function instructorStartsSession(page: Page, roster: string, className = "2학년 3반"): Promise<{ code: string; sessionUrl: string }> {
  await instructorSignsUp(page);
  await page.locator('input[name="className"]').fill(className);
  await page.getByTestId("roster-input").first().fill(roster);
  await page.getByTestId("create-class").locator('button[type="submit"]').click();
  await expect(page.getByTestId("class-name")).toHaveText(className);
  await page.getByTestId("start-session").click();
  await expect(page).toHaveURL(/\/sessions\//);
  const code = (await page.getByTestId("join-code-display").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return { code, sessionUrl: page.url() };
}

/** A student opens the join page for `code` and joins by roster name or as a guest. */
export async function studentJoins(page: Page, code: string, as: { roster: string } | { guest: string }): Promise<void> {
  await page.goto(`/join/${code}`);
  if ("roster" in as) await page.getByTestId("roster-name").filter({ hasText: as.roster }).click();
  else {
    await page.getByTestId("guest-name").fill(as.guest);
    await page.getByTestId("join-guest").click();
  }
  await expect(page).toHaveURL(new RegExp(`/s/${code}$`));
  await expect(page.getByTestId("student-welcome")).toBeVisible();
}
