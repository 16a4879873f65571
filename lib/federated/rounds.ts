/**
 * Round rules of the class model (F3–F6, F10): when a round closes, which updates it takes, how
 * many characters an update counts. Pure; the server applies them, the tests table them.
 */
import type { CharRNNConfig } from "../engine/config";

/** F3 defaults, shown in the composer with their reason. */
export const ROUND_DEFAULTS = {
  /**
   * Local steps per round: 8 steps of the lecture's LSTM-128 take ≈ 8–16 s on a laptop's WASM, still
   * long against a round's transfer (≈ 0.65 MB: the float32 version down, the float16 update up).
   * Fewer local steps mean more rounds, hence more server steps (F16), where the class model's gain
   * comes from: bench:federated measured 8 rounds of 8 steps 0.14–0.21 nats better than one student
   * at equal steps, 4 rounds of 20 steps not better (README, "The class model").
   */
  steps: 8,
  /** Deadline in seconds: a slow laptop still reports; a closed lid does not hold up the class. */
  seconds: 60,
} as const;

export const ROUND_BOUNDS = { steps: { min: 1, max: 500 }, seconds: { min: 10, max: 600 } } as const;

/** F5: an update for round `base` while round `current` is open. Older: dropped; newer: impossible. */
export function stalenessOf(base: number, current: number): "CURRENT" | "STALE" | "AHEAD" {
  if (base === current) return "CURRENT";
  return base < current ? "STALE" : "AHEAD";
}

/** F4: the configuration of an update must be the class model's, except its seed. */
export function sameModelConfig(update: CharRNNConfig, classConfig: CharRNNConfig): boolean {
  const keys = Object.keys(classConfig) as (keyof CharRNNConfig)[];
  return keys.every((k) => k === "seed" || update[k] === classConfig[k]) && Object.keys(update).length === keys.length;
}

/** F6: characters an update counts: claimed steps capped at the round's K, × batch × seqLen. */
export function countedChars(claimedSteps: number, roundSteps: number, config: Pick<CharRNNConfig, "batchSize" | "seqLen">): number {
  const steps = Math.max(0, Math.min(Math.floor(claimedSteps), roundSteps));
  return steps * config.batchSize * config.seqLen;
}

export interface RoundView {
  openedAt: number;
  deadlineAt: number;
  /** Students of the scope who are connected now. */
  expected: ReadonlySet<string>;
  /** Students whose update for this round was accepted. */
  reported: ReadonlySet<string>;
}

/**
 * F3/F10: what to do with an open round at `now`: keep waiting, close it (deadline reached with at
 * least one update, or everyone expected has reported), or reopen it (deadline, no update).
 */
export function roundDecision(round: RoundView, now: number): "WAIT" | "CLOSE" | "REOPEN" {
  const everyone = round.expected.size > 0 && [...round.expected].every((id) => round.reported.has(id));
  if (round.reported.size > 0 && everyone) return "CLOSE";
  if (now < round.deadlineAt) return "WAIT";
  return round.reported.size > 0 ? "CLOSE" : "REOPEN";
}

/** A round's seed for one student: each round and student draws other batches and dropout masks. */
export function roundSeed(baseSeed: number, round: number, shardStart: number): number {
  let h = (baseSeed ^ Math.imul(round + 1, 0x9e3779b1) ^ Math.imul(shardStart + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
