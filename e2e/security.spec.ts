/**
 * Issue 12 item 7 in a real browser (SECURITY.md W1–W5): a page served on another port of the same
 * host — same-site, so the instructor's SameSite=Lax cookie rides along — tries CSRF form posts and
 * fetches, a WebSocket attach and framing, and everything is refused; and every page runs, and a
 * model trains in the lab, under the Content-Security-Policy without a single violation.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, instructorStartsSession, studentJoins, test } from "./fixtures";
import { prepare, step } from "./labPage";

/** The attacker's page: it fires every attack at `target` on load and records what it could observe. */
function attackerPage(target: string): string {
  const wsTarget = target.replace(/^http/, "ws");
  return `<!doctype html><html><body>
<iframe name="sink" style="display:none"></iframe>
<form id="csrf" method="POST" action="${target}/api/classes" enctype="text/plain" target="sink">
  <input name='{"name":"csrf-form","roster":"","x":"' value='"}'>
</form>
<iframe id="framed" src="${target}/classes" width="400" height="300"></iframe>
<script>
  window.results = {};
  document.getElementById("csrf").submit();
  fetch("${target}/api/classes", { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ name: "csrf-fetch", roster: "" }) })
    .then(() => (results.noCorsFetch = "sent"), (e) => (results.noCorsFetch = "failed"));
  fetch("${target}/api/classes", { method: "POST", credentials: "include", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "csrf-json", roster: "" }) })
    .then((r) => r.text().then((t) => (results.jsonFetch = "read:" + t)), () => (results.jsonFetch = "failed"));
  const ws = new WebSocket("${wsTarget}/socket.io/?EIO=4&transport=websocket");
  ws.onopen = () => { results.ws = "open"; ws.send("40" + JSON.stringify({ protocolVersion: 1 })); };
  ws.onmessage = (m) => { results.wsMessages = (results.wsMessages || []).concat(String(m.data)); };
  ws.onerror = () => { results.ws = results.ws || "refused"; };
  ws.onclose = () => { results.wsClosed = true; };
</script></body></html>`;
}

async function serveAttacker(target: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(attackerPage(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}/` };
}

const classNames = async (page: Page) =>
  ((await (await page.request.get("/api/classes")).json()) as { data: { classes: { name: string }[] } }).data.classes.map((c) => c.name);

test("W1–W4: a page on another port of the same host cannot create classes, attach to the live session or frame the app", async ({ actors, baseURL }) => {
  const [teacher] = await actors("teacher");
  await instructorStartsSession(teacher.page, "김민준\n이서연");
  const before = await classNames(teacher.page);
  const attacker = await serveAttacker(baseURL!);
  try {
    const page = await teacher.context.newPage();
    await page.goto(attacker.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.jsonFetch)).toBe("failed");
    await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.wsClosed)).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.noCorsFetch)).toBe("sent");
    const results = (await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results)) as { ws?: string; wsMessages?: string[] };
    expect(results.ws, "the WebSocket handshake from another origin is refused").toBe("refused");
    expect(results.wsMessages ?? []).toEqual([]);
    // The framed console shows an error page, never the app.
    const framed = page.frames().find((f) => f !== page.mainFrame() && f.name() !== "sink");
    expect(framed?.url() ?? "").not.toContain("/classes");
    // The form post (into its hidden frame) and the fetches have been answered by now; none created a class.
    await expect.poll(() => classNames(teacher.page)).toEqual(before);
  } finally {
    attacker.server.close();
  }
});

/** Every CSP violation in the context's pages: the DOM event and Chromium's console report. */
async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__cspViolation", (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  context.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test("W5: every page loads, and a model trains in the lab, under the Content-Security-Policy without a violation", async ({ actors }) => {
  test.setTimeout(300_000); // fifteen pages and a training run on a shared 2-core machine
  const [teacher, student] = await actors("teacher", "student");
  const violations = await watchCsp(teacher.context);
  const studentViolations = await watchCsp(student.context);
  // Chromium reports every resource that fails to load, the tab icon it asks for by itself included.
  const failedLoads: string[] = [];
  teacher.context.on("console", (message) => {
    if (message.text().startsWith("Failed to load resource")) failedLoads.push(`${message.location().url}: ${message.text()}`);
  });
  const t = teacher.page;
  const { code, sessionUrl } = await instructorStartsSession(t, "김민준\n이서연");
  await expect(t.getByTestId("join-code-display")).toBeVisible();
  await expect(t.locator("svg, canvas, img").first()).toBeVisible(); // the QR code
  const sessionId = new URL(sessionUrl).pathname.split("/").pop()!;
  const classes = ((await (await t.request.get("/api/classes")).json()) as { data: { classes: { id: string }[] } }).data.classes;
  const classId = classes[0].id;
  const detail = (await (await t.request.get(`/api/classes/${classId}`)).json()) as { data: { class: { students: { id: string }[] } } };

  await studentJoins(student.page, code, { roster: "김민준" });
  for (const path of [
    "/",
    "/login",
    "/classes",
    `/classes/${classId}`,
    "/quiz",
    `/dashboard/${classId}`,
    `/dashboard/${classId}/grid`,
    `/dashboard/${classId}/sessions/${sessionId}`,
    `/dashboard/${classId}/students/${detail.data.class.students[0].id}`,
    `/projector/${sessionId}/curves`,
    `/projector/${sessionId}/leaderboard`,
    `/projector/${sessionId}/quiz`,
    `/projector/${sessionId}/spotlight`,
    `/projector/${sessionId}/wall`,
    `/sessions/${sessionId}`,
  ]) {
    const response = await t.goto(path, { waitUntil: "domcontentloaded" });
    expect(response?.status(), path).toBeLessThan(400);
    await t.waitForFunction(() => document.readyState === "complete"); // every script of the page has run
  }
  expect(violations, "the pages load under the policy").toEqual([]);
  expect(failedLoads, "every page's resources load, the tab icon included").toEqual([]);
  // An inline script that an injection bug might add carries no nonce, so it does not run.
  const injectedRan = await t.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(injectedRan, "an inline script without the nonce is blocked").toBe(false);
  await expect.poll(() => violations.length, { message: "and reported as a violation" }).toBeGreaterThan(0);
  violations.length = 0;
  await student.page.goto("/signup");
  await student.page.goto(`/join/${code}`);
  await student.page.goto(`/s/${code}`);
  await expect(student.page.getByTestId("student-welcome")).toBeVisible();

  // The lab on WASM: the module compiles only with 'wasm-unsafe-eval', in a worker the CSP also governs.
  await prepare(student.page, "wasm", true);
  await student.page.getByTestId("train").click();
  await expect.poll(() => step(student.page), { timeout: 90_000 }).toBeGreaterThan(5);
  expect([...violations, ...studentViolations]).toEqual([]);
});
