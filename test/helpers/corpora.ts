/** The bundled corpora as tests and benchmarks read them: straight from server/corpora/, NFC as shipped. */
import { readFileSync } from "node:fs";
import { findBundledCorpus } from "../../lib/corpora";

export function readBundledCorpus(id: string): string {
  const corpus = findBundledCorpus(id);
  if (!corpus) throw new Error(`no bundled corpus ${id}`);
  return readFileSync(new URL(`../../server/corpora/${corpus.file}`, import.meta.url), "utf8");
}
