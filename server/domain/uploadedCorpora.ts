/**
 * Texts instructors upload to train on: validated (lib/corpusRules.ts), NFC-normalised and hashed
 * in a worker thread (W15), kept within a per-instructor quota (W16), stored with their hash and
 * statistics, and readable only through their owner's model sessions.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "../../lib/protocol/errors";
import { describeCorpusProblem, type CorpusProblem, type CorpusStats } from "../../lib/corpusRules";
import type { Db } from "../db/client";
import { UPLOAD_QUOTA } from "../limits";

export const UPLOAD_PREFIX = "upload:";

export interface UploadSummary {
  ref: string;
  name: string;
  chars: number;
  distinct: number;
  createdAt: string;
}

function summary(row: { id: string; name: string; charCount: number; distinctChars: number; createdAt: Date }): UploadSummary {
  return { ref: `${UPLOAD_PREFIX}${row.id}`, name: row.name, chars: row.charCount, distinct: row.distinctChars, createdAt: row.createdAt.toISOString() };
}

/** What the corpus worker (corpusWorker.ts) makes of an uploaded text. */
export type PreparedUpload = { problem: CorpusProblem } | { text: string; stats: CorpusStats; sha256: string };

/** Worker threads do not inherit tsx's loader, so the worker starts by registering it (as the evaluation pool does). */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./corpusWorker.ts", import.meta.url).href)}); })`;
/** One upload is prepared at a time: each takes a core for a second or two. */
let queue: Promise<unknown> = Promise.resolve();

function prepareOffLoop(rawText: string): Promise<PreparedUpload> {
  const run = () =>
    new Promise<PreparedUpload>((resolve, reject) => {
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: rawText });
      worker.once("message", (prepared: PreparedUpload) => {
        resolve(prepared);
        void worker.terminate();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the corpus worker exited (${code})`)));
    });
  const prepared = queue.then(run, run);
  queue = prepared.catch(() => undefined);
  return prepared;
}

/** W16: an instructor's uploads fit in the quota (count and characters), the new one included. */
async function assertWithinQuota(db: Db, instructorId: string, newChars: number): Promise<void> {
  const used = await db.uploadedCorpus.aggregate({ where: { instructorId }, _count: { _all: true }, _sum: { charCount: true } });
  if (used._count._all >= UPLOAD_QUOTA.count) {
    throw new AppError("CONFLICT", `at most ${UPLOAD_QUOTA.count} uploaded texts per instructor`, { text: ["QUOTA_COUNT"] });
  }
  if ((used._sum.charCount ?? 0) + newChars > UPLOAD_QUOTA.chars) {
    throw new AppError("CONFLICT", `uploaded texts may hold at most ${UPLOAD_QUOTA.chars} characters per instructor`, { text: ["QUOTA_CHARS"] });
  }
}

export async function storeUpload(db: Db, instructorId: string, name: string, rawText: string): Promise<UploadSummary> {
  const prepared = await prepareOffLoop(rawText);
  if ("problem" in prepared) throw new AppError("BAD_REQUEST", describeCorpusProblem(prepared.problem), { text: [prepared.problem.code] });
  const { text, stats, sha256 } = prepared;
  const existing = await db.uploadedCorpus.findFirst({ where: { instructorId, sha256 } });
  if (existing) return summary(existing); // the same text uploaded twice is one corpus
  await assertWithinQuota(db, instructorId, stats.chars);
  return summary(await db.uploadedCorpus.create({ data: { instructorId, name, text, sha256, charCount: stats.chars, distinctChars: stats.distinct } }));
}

export async function listUploads(db: Db, instructorId: string): Promise<UploadSummary[]> {
  const rows = await db.uploadedCorpus.findMany({
    where: { instructorId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, charCount: true, distinctChars: true, createdAt: true },
  });
  return rows.map(summary);
}

/** The text of an upload, or null when `ref` names none. */
export async function uploadText(db: Db, ref: string): Promise<string | null> {
  if (!ref.startsWith(UPLOAD_PREFIX)) return null;
  const row = await db.uploadedCorpus.findUnique({ where: { id: ref.slice(UPLOAD_PREFIX.length) }, select: { text: true } });
  return row?.text ?? null;
}

/** Who asks for an upload's text: a logged-in instructor and/or a student's seat (rejoin token claims). */
export interface CorpusReader {
  instructorId?: string;
  seat?: { sessionId: string; participantId: string };
}

/**
 * W17: an upload's text may be read by its owner, and by a participant of one of the owner's
 * sessions that trains on it — nobody else, whatever they know of its id.
 */
export async function mayReadUpload(db: Db, ref: string, reader: CorpusReader): Promise<boolean> {
  if (!ref.startsWith(UPLOAD_PREFIX)) return false;
  const upload = await db.uploadedCorpus.findUnique({ where: { id: ref.slice(UPLOAD_PREFIX.length) }, select: { instructorId: true } });
  if (!upload) return false;
  if (reader.instructorId === upload.instructorId) return true;
  if (!reader.seat) return false;
  const { sessionId, participantId } = reader.seat;
  const rounds = await db.modelSession.count({
    where: { sessionId, corpusRef: ref, session: { class: { instructorId: upload.instructorId }, participants: { some: { id: participantId } } } },
  });
  return rounds > 0;
}

/** Whether `ref` is an upload this instructor may push. */
export async function ownsUpload(db: Db, instructorId: string, ref: string): Promise<boolean> {
  if (!ref.startsWith(UPLOAD_PREFIX)) return false;
  return (await db.uploadedCorpus.count({ where: { id: ref.slice(UPLOAD_PREFIX.length), instructorId } })) === 1;
}
