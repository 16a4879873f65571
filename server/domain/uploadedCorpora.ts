/**
 * Texts instructors upload to train on: validated (lib/corpusRules.ts), NFC-normalised, stored
 * with their hash and statistics, and readable only through their owner's model sessions.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../lib/protocol/errors";
import { corpusProblem, corpusStats, describeCorpusProblem } from "../../lib/corpusRules";
import { normalizeText } from "../../lib/engine/text";
import type { Db } from "../db/client";

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

export async function storeUpload(db: Db, instructorId: string, name: string, rawText: string): Promise<UploadSummary> {
  const text = normalizeText(rawText);
  const problem = corpusProblem(text);
  if (problem) throw new AppError("BAD_REQUEST", describeCorpusProblem(problem), { text: [problem.code] });
  const { chars, distinct } = corpusStats(text);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const existing = await db.uploadedCorpus.findFirst({ where: { instructorId, sha256 } });
  if (existing) return summary(existing); // the same text uploaded twice is one corpus
  return summary(await db.uploadedCorpus.create({ data: { instructorId, name, text, sha256, charCount: chars, distinctChars: distinct } }));
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

/** Whether `ref` is an upload this instructor may push. */
export async function ownsUpload(db: Db, instructorId: string, ref: string): Promise<boolean> {
  if (!ref.startsWith(UPLOAD_PREFIX)) return false;
  return (await db.uploadedCorpus.count({ where: { id: ref.slice(UPLOAD_PREFIX.length), instructorId } })) === 1;
}
