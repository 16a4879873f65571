/**
 * Forward-only evaluation of a model on a long text: nats and bits per
 * character. Used for the leaderboard, so the procedure is fixed and
 * deterministic, and browser and server must agree to 1e-4:
 *
 *   - the n encoded characters give n − 1 predictions (each character after
 *     the first, from everything before it);
 *   - the predictions are cut into S contiguous streams of equal length
 *     (S = min(streams, ⌊(n − 1) / windowLen⌋), at least 1), run side by side
 *     as one batch; each stream starts from the zero state and carries its
 *     state across consecutive windows of windowLen steps, so every prediction
 *     in a stream sees the whole stream before it;
 *   - the network computes in float32; per-character log-probabilities are
 *     summed in float64 in JS (padding at the end of the last stream is
 *     skipped).
 * The streams exist for speed: one batch of S streams costs about as much per
 * step as one stream (the per-operation overhead dominates at small batch).
 */
import type { CharRNN, RNNState } from "./model";
import { disposeState } from "./model";
import { lossReport, type LossReport } from "./train";

/** Evaluation options; change them only together with every stored score. */
export interface EvaluateOptions {
  /** Steps per forward call; state is carried across windows (default 100). */
  windowLen?: number;
  /** Maximum number of parallel streams (default 32). */
  streams?: number;
}

export const DEFAULT_EVAL_WINDOW = 100;
export const DEFAULT_EVAL_STREAMS = 32;

/** Scores every character of `encoded` after the first; see the file header for the exact procedure. */
export function evaluateText(model: CharRNN, encoded: Int32Array, options: EvaluateOptions = {}): LossReport {
  const windowLen = options.windowLen ?? DEFAULT_EVAL_WINDOW;
  const maxStreams = options.streams ?? DEFAULT_EVAL_STREAMS;
  if (!Number.isInteger(windowLen) || windowLen < 1) throw new RangeError(`windowLen must be a positive integer, got ${windowLen}`);
  if (!Number.isInteger(maxStreams) || maxStreams < 1) throw new RangeError(`streams must be a positive integer, got ${maxStreams}`);
  const predictions = encoded.length - 1;
  if (predictions < 1) throw new RangeError("evaluation needs at least two characters");
  const streams = Math.max(1, Math.min(maxStreams, Math.floor(predictions / windowLen)));
  const streamLength = Math.ceil(predictions / streams);

  let total = 0;
  let state: RNNState = model.zeroState(streams);
  try {
    for (let from = 0; from < streamLength; from += windowLen) {
      const steps = Math.min(windowLen, streamLength - from);
      const inputs = new Int32Array(streams * steps);
      const targets = new Int32Array(streams * steps);
      for (let s = 0; s < streams; s++) {
        for (let j = 0; j < steps; j++) {
          const p = s * streamLength + from + j; // prediction index: input p, target p + 1
          if (p < predictions) {
            inputs[s * steps + j] = encoded[p];
            targets[s * steps + j] = encoded[p + 1];
          }
        }
      }
      const scored = model.score({ inputs, targets, batchSize: streams }, state);
      disposeState(state);
      state = scored.state;
      for (let s = 0; s < streams; s++) {
        for (let j = 0; j < steps; j++) {
          if (s * streamLength + from + j < predictions) total -= scored.logProbs[s * steps + j];
        }
      }
    }
  } finally {
    disposeState(state);
  }
  return lossReport(total, predictions);
}
