/**
 * Adam with global-norm gradient clipping, on tf.Variables.
 *
 * Update (Kingma & Ba 2015, in TensorFlow's "ε̂" form):
 *   g ← g · min(1, clipNorm / ‖g‖)          (‖g‖ over all parameters; skipped when clipNorm = 0)
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − lr·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
 * ε is fixed at 1e-7 on every backend. tfjs would otherwise take its global
 * epsilon, which becomes 1e-4 on backends reporting 16-bit float precision
 * (software WebGL), changing the trajectory (SETUP-NOTES).
 */
import * as tf from "@tensorflow/tfjs";

export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-7;

export class Adam {
  private readonly moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  private t = 0;

  constructor(private readonly params: ReadonlyMap<string, tf.Variable>) {
    for (const [name, p] of params) {
      this.moments.set(
        name,
        tf.tidy(() => ({ m: tf.variable(tf.zerosLike(p)), v: tf.variable(tf.zerosLike(p)) })),
      );
    }
  }

  /** Number of updates applied so far. */
  get steps(): number {
    return this.t;
  }

  /** Applies one update from `grads` (same names as the parameters); does not dispose the gradients. */
  apply(grads: ReadonlyMap<string, tf.Tensor>, learningRate: number, clipNorm: number): void {
    this.t += 1;
    const stepSize = (learningRate * Math.sqrt(1 - ADAM_BETA2 ** this.t)) / (1 - ADAM_BETA1 ** this.t);
    tf.tidy(() => {
      const scale = clipNorm > 0 ? clipScale([...grads.values()], clipNorm) : null;
      for (const [name, p] of this.params) {
        const raw = grads.get(name);
        const moment = this.moments.get(name);
        if (raw === undefined || moment === undefined) throw new Error(`no gradient for parameter ${name}`);
        const g = scale === null ? raw : tf.mul(raw, scale);
        moment.m.assign(tf.add(tf.mul(moment.m, ADAM_BETA1), tf.mul(g, 1 - ADAM_BETA1)));
        moment.v.assign(tf.add(tf.mul(moment.v, ADAM_BETA2), tf.mul(tf.square(g), 1 - ADAM_BETA2)));
        p.assign(tf.sub(p, tf.mul(tf.div(moment.m, tf.add(tf.sqrt(moment.v), ADAM_EPSILON)), stepSize)));
      }
    });
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
  }
}

/** min(1, clipNorm / ‖g‖) over all gradients, as a scalar tensor (no sync with the backend). */
function clipScale(grads: tf.Tensor[], clipNorm: number): tf.Scalar {
  // Pairwise adds, not tf.addN: WebGPU's AddN binds all its inputs at once, and 8 or more gradients
  // (two layers and up) exceed the 8 storage buffers per shader stage of SwiftShader and many GPUs —
  // the sum came out wrong and the update with it. The sum is the same left-to-right sum as AddN's.
  const norm = tf.sqrt(grads.map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b))); // ‖g‖
  return tf.div(clipNorm, tf.maximum(norm, clipNorm));
}
