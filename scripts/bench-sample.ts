/**
 * Benchmark: text generation speed of the char-RNN engine (Node, in-process).
 *
 *   npm run bench:sample
 *
 * Generates 200 characters (the lecture's sample length) with an LSTM-128,
 * 1 layer, tiny-shakespeare vocabulary, temperature 1, on wasm and cpu;
 * reports characters per second, median of 5 runs after a warm-up, and ends
 * with one JSON line.
 */
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, buildVocabulary, makeConfig, sample, splitCorpus } from "../lib/engine";
import { useBackend } from "../lib/engine/test-support";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const LENGTH = 200;
const RUNS = 5;

const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
const vocab = buildVocabulary(split.train, 2000);

const results: Record<string, number> = {};
for (const backend of ["wasm", "cpu"] as const) {
  await useBackend(backend);
  const model = CharRNN.create(makeConfig({}), vocab.chars.length);
  sample(model, vocab, { prime: "ROMEO:", length: 20, seed: 0 });
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    sample(model, vocab, { prime: "ROMEO:", length: LENGTH, seed: r });
    rates.push((LENGTH / (performance.now() - t0)) * 1000);
  }
  model.dispose();
  results[`${backend}_chars_per_s`] = Math.round(median(rates));
  console.log(`sample ${LENGTH} chars, LSTM-128, ${backend.padEnd(4)}: ${results[`${backend}_chars_per_s`]} chars/s (median of ${RUNS})`);
}
console.log(JSON.stringify({ bench: "sample", node: process.version, lstm128: results }));
