/**
 * A real server process for tests of start-up and shutdown (server/main.ts), without the Next.js
 * pages (a test run has no build): the same runServerProcess that server/index.ts runs.
 */
import { runServerProcess } from "../../server/main";

await runServerProcess();
