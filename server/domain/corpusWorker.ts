/**
 * The worker thread that prepares an uploaded training text (W15 in SECURITY.md): NFC
 * normalisation, the corpus rules, statistics and the hash walk millions of characters, which took
 * 1.2–2.7 s of the event loop per upload; here they run beside it. Started by uploadedCorpora.ts.
 */
import { createHash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { corpusProblem, corpusStats } from "../../lib/corpusRules";
import { normalizeText } from "../../lib/engine/text";
import type { PreparedUpload } from "./uploadedCorpora";

const text = normalizeText(workerData as string);
const problem = corpusProblem(text);
const prepared: PreparedUpload = problem ? { problem } : { text, stats: corpusStats(text), sha256: createHash("sha256").update(text).digest("hex") };
parentPort!.postMessage(prepared);
