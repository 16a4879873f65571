/**
 * The server's step (F16): how far the class model moves along the round's combined update.
 * FedAvg takes the combined weights as they are; a server learning rate η and heavy-ball momentum β
 * (FedAvgM, Hsu et al. 2019, "Measuring the Effects of Non-Identical Data Distribution for
 * Federated Visual Classification") move it further:
 *
 *   Δ_r     = combined_r − x_r                     (the round's pseudo-gradient, negated)
 *   x_{r+1} = x_r + β·(x_r − x_{r−1}) + η·Δ_r
 *
 * which is FedAvgM's m_r = β·m_{r−1} + Δ_r, x_{r+1} = x_r + η·m_r written with the last two
 * versions instead of a stored momentum buffer: the server keeps no state besides its versions, so a
 * restart (F12) and a second process (F11) compute the same next version.
 */

export interface ServerStep {
  /** η: 1 with β = 0 is plain FedAvg. */
  learningRate: number;
  /** β: share of the previous version-to-version move carried into this one. */
  momentum: number;
}

/** Plain FedAvg (McMahan et al. 2017): the next version is the combination itself. */
export const FEDAVG_STEP: ServerStep = { learningRate: 1, momentum: 0 };

/**
 * The class model's default, chosen by `npm run bench:federated` (numbers in README, "The class
 * model"): each student's Adam restarts every round (F13), and the average of N students' deltas is
 * about one student's step with less noise; the server's larger step and momentum spend that lower
 * noise on distance, which is what the early, learning-rate-bound rounds need.
 */
export const DEFAULT_SERVER_STEP: ServerStep = { learningRate: 1.5, momentum: 0.5 };

/**
 * x_{r+1} from the round's base x_r, the version before it x_{r−1} (null for round 0: no momentum
 * yet) and the combined weights. All vectors flat and of one length.
 */
export function serverStep(step: ServerStep, base: Float32Array, previous: Float32Array | null, combined: Float32Array): Float32Array {
  if (combined.length !== base.length || (previous && previous.length !== base.length)) throw new RangeError("the server step needs vectors of one length");
  const next = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const carried = previous ? step.momentum * (base[i] - previous[i]) : 0;
    next[i] = base[i] + carried + step.learningRate * (combined[i] - base[i]);
  }
  return next;
}
