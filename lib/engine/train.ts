/**
 * Training loop: draws batches from encoded text, runs steps, measures loss.
 *
 * Batching (seeded by config.seed, stream RNG_STREAM.batches):
 * - random windows (default): each of the B windows starts at a uniformly
 *   drawn position; inputs are seqLen characters, targets the same shifted by
 *   one (a window of seqLen + 1 characters); every window starts from zeros.
 * - stateful windows (config.statefulWindows, char-rnn style): the text is cut
 *   into B equal contiguous streams; step k reads window k of every stream and
 *   starts from the state the previous step ended in, so the network sees
 *   context longer than seqLen (gradients still stop at the window edge). When
 *   the streams are used up an epoch ends: the state resets to zeros and a new
 *   random phase in [0, seqLen) shifts the window boundaries.
 *
 * Validation uses the same `validationWindows` windows of the validation text
 * every time (a fixed seed), so successive reports are comparable.
 */
import type { CharRNN, RNNState, TokenBatch } from "./model";
import { disposeState, RNG_STREAM } from "./model";
import { Rng } from "./rng";

/** Nats → bits. */
export function bitsPerChar(nats: number): number {
  return nats / Math.LN2;
}

/** The report for a negative log-likelihood summed (in float64) over `chars` predictions. */
export function lossReport(totalNats: number, chars: number): LossReport {
  const nats = totalNats / chars;
  return { nats, bitsPerChar: bitsPerChar(nats), chars };
}

/** What one training step did. */
export interface StepReport {
  /** Steps completed, this one included. */
  step: number;
  /** Mean cross-entropy of the batch before the update, nats per character. */
  loss: number;
  /** The same in bits per character. */
  bitsPerChar: number;
  /** Learning rate used for the update (after decay). */
  learningRate: number;
}

/** A loss measured over some text. */
export interface LossReport {
  /** Mean negative log-likelihood, nats per character. */
  nats: number;
  /** The same in bits per character. */
  bitsPerChar: number;
  /** Number of characters predicted. */
  chars: number;
}

/** Trainer options. */
export interface TrainerOptions {
  /** Validation windows scored by validate() (default 64). */
  validationWindows?: number;
}

/** Validation windows' seed stream (fixed, so every validation sees the same windows). */
const VALIDATION_STREAM = 3;

export class Trainer {
  private readonly rng: Rng;
  private readonly validationWindows: number;
  /** Stateful mode: carried state, current window index and phase of the epoch. */
  private carried: RNNState | null = null;
  private windowIndex = 0;
  private phase = 0;

  constructor(
    /** The model being trained (not owned: dispose it yourself). */
    readonly model: CharRNN,
    /** Encoded train split. */
    private readonly trainIds: Int32Array,
    /** Encoded validation split. */
    private readonly validationIds: Int32Array,
    options: TrainerOptions = {},
  ) {
    const { seqLen, batchSize, seed, statefulWindows } = model.config;
    const minimum = statefulWindows ? batchSize * 2 * seqLen + 1 : seqLen + 1;
    if (trainIds.length < minimum) throw new RangeError(`train text has ${trainIds.length} characters; this configuration needs at least ${minimum}`);
    this.rng = Rng.forStream(seed, RNG_STREAM.batches);
    this.validationWindows = options.validationWindows ?? 64;
  }

  /** The next batch (advances the batching state). */
  nextBatch(): TokenBatch {
    const { statefulWindows, seqLen, batchSize } = this.model.config;
    return statefulWindows ? this.nextStatefulBatch() : windowsAt(this.trainIds, seqLen, this.randomStarts(this.trainIds, this.rng, batchSize));
  }

  /** Draws a batch and trains on it. */
  step(): StepReport {
    const rate = this.model.currentLearningRate();
    const { batch, state } = this.beginStep();
    return this.endStep(rate, this.model.trainStep(batch, state), state);
  }

  /** step() with an asynchronous loss read (see CharRNN.trainStepAsync); await it before the next step. */
  async stepAsync(): Promise<StepReport> {
    const rate = this.model.currentLearningRate();
    const { batch, state } = this.beginStep();
    return this.endStep(rate, await this.model.trainStepAsync(batch, state), state);
  }

  /** Mean loss over the fixed sample of validation windows (forward only, zero initial state). */
  validate(): LossReport {
    const { seqLen } = this.model.config;
    const rng = Rng.forStream(this.model.config.seed, VALIDATION_STREAM);
    const count = Math.min(this.validationWindows, Math.max(1, this.validationIds.length - seqLen));
    const batch = windowsAt(this.validationIds, seqLen, this.randomStarts(this.validationIds, rng, count));
    const { logProbs, state } = this.model.score(batch);
    disposeState(state);
    let total = 0;
    for (const lp of logProbs) total -= lp;
    return lossReport(total, logProbs.length);
  }

  /** Releases the carried state (the model is not disposed). */
  dispose(): void {
    if (this.carried !== null) disposeState(this.carried);
    this.carried = null;
  }

  /** The next batch and, in stateful mode, the state it starts from. */
  private beginStep(): { batch: TokenBatch; state: RNNState | undefined } {
    const batch = this.nextBatch();
    const state = this.model.config.statefulWindows ? (this.carried ?? this.model.zeroState(batch.batchSize)) : undefined;
    return { batch, state };
  }

  /** Keeps the new state (stateful mode) and reports the step. */
  private endStep(learningRate: number, result: { loss: number; state: RNNState | null }, previous: RNNState | undefined): StepReport {
    if (previous !== undefined) {
      disposeState(previous);
      this.carried = result.state;
    }
    return { step: this.model.step, loss: result.loss, bitsPerChar: bitsPerChar(result.loss), learningRate };
  }

  private randomStarts(ids: Int32Array, rng: Rng, count: number): number[] {
    const span = ids.length - this.model.config.seqLen;
    if (span < 1) throw new RangeError(`text of ${ids.length} characters is shorter than a window of ${this.model.config.seqLen + 1}`);
    return Array.from({ length: count }, () => rng.int(span));
  }

  private nextStatefulBatch(): TokenBatch {
    const { seqLen: T, batchSize: B } = this.model.config;
    const streamLength = Math.floor((this.trainIds.length - 1) / B);
    const windowsPerEpoch = Math.floor((streamLength - this.phase) / T);
    if (this.windowIndex >= windowsPerEpoch) {
      this.windowIndex = 0;
      this.phase = this.rng.int(T);
      if (this.carried !== null) disposeState(this.carried);
      this.carried = null;
    }
    const offset = this.phase + this.windowIndex * T;
    this.windowIndex += 1;
    return windowsAt(
      this.trainIds,
      T,
      Array.from({ length: B }, (_, b) => b * streamLength + offset),
    );
  }
}

/** Windows of `seqLen` inputs + shifted targets starting at `starts`. */
function windowsAt(ids: Int32Array, seqLen: number, starts: number[]): TokenBatch {
  const inputs = new Int32Array(starts.length * seqLen);
  const targets = new Int32Array(starts.length * seqLen);
  starts.forEach((start, b) => {
    inputs.set(ids.subarray(start, start + seqLen), b * seqLen);
    targets.set(ids.subarray(start + 1, start + seqLen + 1), b * seqLen);
  });
  return { inputs, targets, batchSize: starts.length };
}
