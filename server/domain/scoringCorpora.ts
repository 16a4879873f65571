/**
 * Corpora prepared for scoring, on top of server/domain/corpora.ts (the one corpus loader):
 * the training vocabulary checks uploads in the main thread; the training text and the
 * evaluation window (the start of the held-out test split, SPEC L0) go to the evaluation workers.
 */
import { ScoringCorpus, evaluationWindow } from "../../lib/leaderboard/scoringCorpus";
import type { CorpusMaterial } from "../evaluation/pool";
import type { Db } from "../db/client";
import { corpusSplits } from "./corpora";

const MAX_CACHED = 8;
const cache = new Map<string, Promise<ScoringCorpus | null>>();

/** The corpus's scoring view, or null when there is no such corpus. Cached. */
export function scoringCorpus(db: Db, ref: string): Promise<ScoringCorpus | null> {
  let found = cache.get(ref);
  if (!found) {
    found = corpusSplits(db, ref).then((splits) => (splits ? new ScoringCorpus(splits.train, evaluationWindow(splits.test)) : null));
    found.then(
      (c) => c === null && cache.delete(ref),
      () => cache.delete(ref),
    );
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(ref, found);
  }
  return found;
}

/**
 * Splits the corpus and builds its vocabulary now, when the instructor pushes a model session, so
 * that the first of a class's simultaneous submissions does not pay for it inside the burst (on
 * tiny-shakespeare 100–200 ms of event-loop stall, `npm run bench:upload`). Failures are left to
 * the upload that needs the corpus, which reports them.
 */
export async function prepareScoringCorpus(db: Db, ref: string, maxVocab: number): Promise<void> {
  const corpus = await scoringCorpus(db, ref).catch(() => null);
  corpus?.vocabulary(maxVocab);
}

/** What an evaluation worker needs of a corpus; throws when it is gone. */
export async function corpusMaterial(db: Db, ref: string): Promise<CorpusMaterial> {
  const splits = await corpusSplits(db, ref);
  if (!splits) throw new Error(`corpus ${ref} not found`);
  return { train: splits.train, window: evaluationWindow(splits.test) };
}
