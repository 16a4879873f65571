/**
 * Text generation, one character at a time (lecture 05, "Character Sampling":
 * each generated character is fed back as the next input).
 *
 *   1. run the prime through the network, keep its state;
 *   2. turn the last logits into probabilities in plain JS (float64):
 *      p_i ∝ exp(logit_i / temperature), over the topK largest logits only;
 *   3. draw a character with the seeded Rng (or take the argmax when
 *      temperature is 0), emit it, feed it back, repeat.
 * The draw never happens on the tfjs backend, so the same seed gives the same
 * text in the browser and in Node. The unknown-character token (id 0) is never
 * generated.
 */
import type { CharRNN, RNNState } from "./model";
import { disposeState } from "./model";
import { Rng } from "./rng";
import { encode, type Vocabulary } from "./text";

/** Sampling options. */
export interface SampleOptions {
  /** Text the generation continues (default "\n"). */
  prime?: string;
  /** Characters to generate. */
  length: number;
  /** Softmax temperature, 0–2 (default 1); 0 means greedy (argmax). The UI offers 0.1–2. */
  temperature?: number;
  /** Draw only among the k most likely characters; 0 or absent = all. */
  topK?: number;
  /** Seed of the draws (default: the model's config.seed). */
  seed?: number;
  /** Called with each character as soon as it is generated. */
  onChar?: (ch: string) => void;
}

export const MAX_TEMPERATURE = 2;

/**
 * Chooses the next id from `logits` (one row of V values). Pure JS, float64.
 * Exported for tests and for UIs that want to show the distribution.
 */
export function chooseNext(logits: ArrayLike<number>, temperature: number, topK: number, rng: Rng): number {
  const ids: number[] = [];
  for (let i = 1; i < logits.length; i++) ids.push(i); // id 0 = unknown, never generated
  ids.sort((a, b) => logits[b] - logits[a] || a - b);
  if (temperature === 0) return ids[0];
  const kept = topK > 0 ? ids.slice(0, topK) : ids;
  const top = logits[kept[0]];
  const weights = kept.map((i) => Math.exp((logits[i] - top) / temperature));
  let u = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < kept.length; k++) {
    u -= weights[k];
    if (u < 0) return kept[k];
  }
  return kept[kept.length - 1];
}

/** Generates characters lazily; the caller may stop early (the network state is released either way). */
export function* generate(model: CharRNN, vocab: Vocabulary, options: SampleOptions): Generator<string, void, undefined> {
  const temperature = options.temperature ?? 1;
  const topK = options.topK ?? 0;
  if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) throw new RangeError(`temperature must be in [0, ${MAX_TEMPERATURE}], got ${temperature}`);
  if (!Number.isInteger(topK) || topK < 0) throw new RangeError(`topK must be a non-negative integer, got ${topK}`);
  if (!Number.isInteger(options.length) || options.length < 0) throw new RangeError(`length must be a non-negative integer, got ${options.length}`);
  if (vocab.chars.length !== model.vocabSize) throw new RangeError(`vocabulary has ${vocab.chars.length} characters, the model ${model.vocabSize}`);
  const rng = new Rng(options.seed ?? model.config.seed);
  const prime = encode(vocab, options.prime ?? "\n");
  let input = prime.length > 0 ? prime : new Int32Array([0]);
  let state: RNNState | undefined;
  try {
    for (let n = 0; n < options.length; n++) {
      const out = model.forward(input, 1, state);
      if (state !== undefined) disposeState(state);
      state = out.state;
      const all = out.logits.dataSync(); // [1, T, V]
      out.logits.dispose();
      const next = chooseNext(all.subarray(all.length - model.vocabSize), temperature, topK, rng);
      input = new Int32Array([next]);
      yield vocab.chars[next];
    }
  } finally {
    if (state !== undefined) disposeState(state);
  }
}

/** Generates `length` characters after the prime and returns them (the prime excluded). */
export function sample(model: CharRNN, vocab: Vocabulary, options: SampleOptions): string {
  let text = "";
  for (const ch of generate(model, vocab, options)) {
    text += ch;
    options.onChar?.(ch);
  }
  return text;
}
