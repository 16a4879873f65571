/**
 * Opening a .rnnw file in the lab (a download from the lab or from the student's keep page): the
 * file carries its configuration and vocabulary but not the text it learned from, so the lab finds
 * the text whose training vocabulary is exactly the file's — the hinted one first, then the other
 * bundled texts — and continues training (or generates) from the file's weights.
 */
import { parseWeights, type WeightsHeader } from "../../lib/engine/weights";
import { buildVocabulary } from "../../lib/engine/text";
import { BUNDLED_CORPORA } from "../../lib/corpora";

export type LoadSplits = (corpus: string) => Promise<{ train: string; validation: string }>;

export interface OpenedModel {
  header: WeightsHeader;
  corpus: string;
  splits: { train: string; validation: string };
}

/** Throws WeightsFormatError for a broken file, or an Error when no available text matches the file. */
export async function openModel(bytes: Uint8Array, candidates: string[], loadSplits: LoadSplits): Promise<OpenedModel> {
  const { header } = parseWeights(bytes);
  const wanted = header.vocabulary.join("");
  const order = [...new Set([...candidates, ...BUNDLED_CORPORA.map((c) => c.id)])];
  for (const corpus of order) {
    const splits = await loadSplits(corpus).catch(() => null);
    if (!splits) continue;
    if (buildVocabulary(splits.train, header.config.maxVocab).chars.join("") === wanted) return { header, corpus, splits };
  }
  throw new Error("NO_MATCHING_TEXT");
}
