/**
 * `npm start`: build the Next.js app if there is no build of the current sources
 * (scripts/webBuild.ts), then run the server (which applies migrations itself). Works on a fresh
 * clone with nothing else running.
 */
import { ensureWebBuild } from "./webBuild";

ensureWebBuild();
await import("../server/index");
