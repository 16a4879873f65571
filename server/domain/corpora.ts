/**
 * Training texts as the server holds them: a bundled corpus (server/corpora/) or an instructor's
 * upload, NFC-normalised and split once by the engine's rule (lib/engine/text.ts splitCorpus)
 * into train / validation / test. Browsers may fetch train and validation; the test split is
 * only ever read by the server's evaluation.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BUNDLED_CORPORA, findBundledCorpus } from "../../lib/corpora";
import type { CorpusSummary } from "../../lib/api/corpora";
import { splitCorpus, type CorpusSplit } from "../../lib/engine/text";
import type { Db } from "../db/client";
import { uploadText } from "./uploadedCorpora";

const CORPORA_DIR = join(import.meta.dirname, "../corpora");
const MAX_CACHED = 16;
const cache = new Map<string, Promise<CorpusSplit | null>>();

async function loadText(db: Db, ref: string): Promise<string | null> {
  const bundled = findBundledCorpus(ref);
  if (bundled) return readFile(join(CORPORA_DIR, bundled.file), "utf8");
  return uploadText(db, ref);
}

/** The splits of a corpus by reference ("tinyshakespeare", "upload:<id>"), or null if there is none. */
export function corpusSplits(db: Db, ref: string): Promise<CorpusSplit | null> {
  let splits = cache.get(ref);
  if (!splits) {
    splits = loadText(db, ref).then((text) => (text === null ? null : splitCorpus(text)));
    splits.then(
      (s) => s === null && cache.delete(ref),
      () => cache.delete(ref),
    );
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(ref, splits);
  }
  return splits;
}

/** Whether a model session may name this corpus: a bundled one, or an upload that exists. */
export async function corpusExists(db: Db, ref: string): Promise<boolean> {
  return findBundledCorpus(ref) !== undefined || (await uploadText(db, ref)) !== null;
}

const codePoints = (text: string) => Array.from(text).length;
let catalog: Promise<CorpusSummary[]> | undefined;

/** The bundled corpora with the sizes of their splits (computed once: the files never change). */
export function bundledCatalog(db: Db): Promise<CorpusSummary[]> {
  catalog ??= Promise.all(
    BUNDLED_CORPORA.map(async ({ id, title, language }) => {
      const splits = await corpusSplits(db, id);
      if (!splits) throw new Error(`bundled corpus ${id} is missing`);
      return { id, title, language, chars: { train: codePoints(splits.train), validation: codePoints(splits.validation), test: codePoints(splits.test) } };
    }),
  );
  catalog.catch(() => (catalog = undefined));
  return catalog;
}
