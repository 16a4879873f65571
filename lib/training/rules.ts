/**
 * The live training session's rules as pure functions (see lib/training/SPEC.md for the rule IDs
 * that tests cite): run transitions on the server's clock, group balancing, telemetry acceptance,
 * which telemetry points the history keeps, and the flags of the instructor's class view.
 */
import type { CharRNNConfig } from "../engine/config";
import type { GroupOverrides, ModelSessionSpec, ProgressFlag, RunStatus, Telemetry } from "../protocol/training";

/** Telemetry kept per student: one report per this interval (ms); faster ones are dropped (T7). */
export const TELEMETRY_MIN_INTERVAL_MS = 900;
/** A running student with no new step for this long is flagged as stalled (T9). */
export const STALLED_AFTER_MS = 30_000;
/** The history keeps a point at most this often per student, unless the step doubled (T8). */
export const HISTORY_INTERVAL_MS = 5_000;

/** T12: no GPU kernel launch, on any machine, takes less (ms): native CUDA launches take ≈ 5 µs, browsers more. */
export const MIN_KERNEL_MS = 0.005;
/** T12: floating-point operations per millisecond that no student's machine exceeds (100 TFLOP/s, a data-centre GPU). */
export const MAX_FLOP_PER_MS = 1e11;
/** T12: running time allowed on top of the server's (ms): a pause reaches a browser a moment late. */
export const STEP_BOUND_SLACK_MS = 1_000;

export type RunAction = "start" | "pause" | "resume" | "stop";

export interface Run {
  status: RunStatus;
  /** Running time accumulated before `resumedAt`. */
  elapsedMs: number;
  /** When the run last started or resumed (ms since epoch), null unless running. */
  resumedAt: number | null;
  budgetMs: number;
}

/** T2: running time so far, on the server's clock. */
export function elapsedOf(run: Run, now: number): number {
  return run.elapsedMs + (run.status === "running" && run.resumedAt !== null ? Math.max(0, now - run.resumedAt) : 0);
}

/** T1: the run's state machine. Returns the new run, or an error message for an illegal move. */
export function applyRunAction(run: Run, action: RunAction, now: number): Run | { error: string } {
  switch (action) {
    case "start":
      if (run.status !== "ready") return { error: `cannot start a run that is ${run.status}` };
      return { ...run, status: "running", resumedAt: now };
    case "pause":
      if (run.status !== "running") return { error: `cannot pause a run that is ${run.status}` };
      return { ...run, status: "paused", elapsedMs: elapsedOf(run, now), resumedAt: null };
    case "resume":
      if (run.status !== "paused") return { error: `cannot resume a run that is ${run.status}` };
      return { ...run, status: "running", resumedAt: now };
    case "stop":
      if (run.status === "stopped" || run.status === "ready") return { error: `cannot stop a run that is ${run.status}` };
      return { ...run, status: "stopped", elapsedMs: Math.min(run.budgetMs, elapsedOf(run, now)), resumedAt: null };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/** T3: milliseconds until the budget is spent (0 when spent; Infinity unless running). */
export function msUntilBudgetSpent(run: Run, now: number): number {
  if (run.status !== "running") return Infinity;
  return Math.max(0, run.budgetMs - elapsedOf(run, now));
}

/**
 * T4: balanced groups. Students already assigned keep their group; each unassigned student goes
 * to the group with the fewest members (ties: the lower position). Returns participantId → group.
 */
export function balanceGroups(groupIds: string[], participants: string[], existing: Record<string, string> = {}): Record<string, string> {
  if (groupIds.length === 0) return {};
  const result: Record<string, string> = {};
  const sizes = new Map(groupIds.map((g) => [g, 0]));
  for (const p of participants) {
    const g = existing[p];
    if (g !== undefined && sizes.has(g)) {
      result[p] = g;
      sizes.set(g, (sizes.get(g) ?? 0) + 1);
    }
  }
  for (const p of participants) {
    if (result[p] !== undefined) continue;
    let best = groupIds[0];
    for (const g of groupIds) if ((sizes.get(g) ?? 0) < (sizes.get(best) ?? 0)) best = g;
    result[p] = best;
    sizes.set(best, (sizes.get(best) ?? 0) + 1);
  }
  return result;
}

/** T5: a student's configuration: the pushed one with their group's overrides. */
export function effectiveConfig(base: CharRNNConfig, overrides: GroupOverrides | undefined): CharRNNConfig {
  return { ...base, ...(overrides ?? {}) };
}

/** T6: a knob bound must lie within the engine's own bounds; checked when pushing. */
export function knobProblems(spec: ModelSessionSpec): string[] {
  const problems: string[] = [];
  for (const knob of spec.studentKnobs) {
    const value = spec.config[knob.field];
    if (typeof value === "number" && (value < knob.min || value > knob.max)) {
      problems.push(`${knob.field}: the pushed value ${value} lies outside the students' range ${knob.min}–${knob.max}`);
    }
  }
  return problems;
}

/**
 * T12: the shortest time one training step of `config` can take on any machine (ms). A step runs
 * the window's T time steps through L layers forward and back, each depending on the one before:
 * at least 2·T·L kernel launches in sequence. It also does at least 6·G·H²·B·T·L floating-point
 * operations (the recurrent matrix product of G gates, forward once, backward twice).
 */
export function minStepMs(config: Pick<CharRNNConfig, "cell" | "layers" | "hiddenSize" | "seqLen" | "batchSize">): number {
  const gates = { rnn: 1, gru: 3, lstm: 4 }[config.cell];
  const sequential = 2 * config.seqLen * config.layers * MIN_KERNEL_MS;
  const arithmetic = (6 * gates * config.hiddenSize ** 2 * config.batchSize * config.seqLen * config.layers) / MAX_FLOP_PER_MS;
  return Math.max(sequential, arithmetic);
}

/**
 * T12: the fastest configuration any student of the model session may train: the smallest value
 * of each size among the pushed configuration, its groups' overrides and the students' knob ranges.
 */
export function fastestConfig(spec: Pick<ModelSessionSpec, "config" | "studentKnobs"> & { groups: { overrides: GroupOverrides }[] }): CharRNNConfig {
  const smallest = (field: "layers" | "hiddenSize" | "seqLen" | "batchSize") =>
    Math.min(
      spec.config[field],
      ...spec.groups.map((g) => g.overrides[field] ?? Infinity),
      ...spec.studentKnobs.filter((k) => k.field === field).map((k) => k.min),
    );
  const cells = [spec.config.cell, ...spec.groups.map((g) => g.overrides.cell ?? spec.config.cell)];
  const cell = cells.includes("rnn") ? "rnn" : cells.includes("gru") ? "gru" : "lstm";
  return { ...spec.config, cell, layers: smallest("layers"), hiddenSize: smallest("hiddenSize"), seqLen: smallest("seqLen"), batchSize: smallest("batchSize") };
}

/**
 * T12: the highest step a student can honestly have reached after `runningMs` of running time,
 * starting from `baseStep` (0, or the step of a model the instructor shared), and the highest
 * chars/s any machine trains that configuration at.
 */
export function plausibleBounds(config: CharRNNConfig, runningMs: number, baseStep: number): { maxStep: number; maxCharsPerSec: number } {
  const stepMs = minStepMs(config);
  return {
    maxStep: baseStep + Math.floor((runningMs + STEP_BOUND_SLACK_MS) / stepMs),
    maxCharsPerSec: (config.batchSize * config.seqLen * 1000) / stepMs,
  };
}

/**
 * T13: the lowest loss (nats per character) a browser's report is believed at. Cross-entropy of a
 * softmax is never 0, and no character model of natural text is 99 % sure of every next character.
 */
export const MIN_PLAUSIBLE_LOSS = 0.01;
/**
 * T13: a reported loss below this fraction of the student's verified held-out loss (their best
 * scored submission in the model session) is not believed: a class-period char-RNN's training loss
 * does not fall to a third of its held-out loss (honest overfitting is a few tenths of a nat).
 */
export const VERIFIED_LOSS_FRACTION = 1 / 3;

/** T13: whether a reported loss (train or validation, nats/char) is implausible; `verifiedNats`: the server's own score, or null. */
export function implausibleLoss(loss: number, verifiedNats: number | null): boolean {
  if (loss < MIN_PLAUSIBLE_LOSS) return true;
  return verifiedNats !== null && loss < verifiedNats * VERIFIED_LOSS_FRACTION;
}

export type DropReason = "THROTTLED" | "STALE_MODEL_SESSION" | "STEP_BACKWARDS" | "NOT_RUNNING" | "NON_FINITE_LOSS" | "IMPLAUSIBLE";

export interface LastReport {
  step: number;
  receivedAt: number;
}

/** T7, T12: whether a (schema-valid) report is kept, or why it is dropped. */
export function acceptTelemetry(
  report: Pick<Telemetry, "modelSessionId" | "step" | "trainLoss" | "charsPerSec">,
  currentModelSessionId: string | null,
  runStatus: RunStatus | null,
  last: LastReport | undefined,
  now: number,
  bounds: { maxStep: number; maxCharsPerSec: number },
): DropReason | null {
  if (report.modelSessionId !== currentModelSessionId) return "STALE_MODEL_SESSION";
  if (runStatus === "ready" || runStatus === null) return "NOT_RUNNING";
  if (report.trainLoss === null) return "NON_FINITE_LOSS";
  if (report.step > bounds.maxStep || report.charsPerSec > bounds.maxCharsPerSec) return "IMPLAUSIBLE";
  if (last && report.step < last.step) return "STEP_BACKWARDS";
  if (last && now - last.receivedAt < TELEMETRY_MIN_INTERVAL_MS) return "THROTTLED";
  return null;
}

/** T8: keep a history point every HISTORY_INTERVAL_MS, and whenever the step doubled (early detail). */
export function keepHistoryPoint(lastKept: { step: number; at: number } | undefined, step: number, now: number): boolean {
  if (!lastKept) return true;
  if (step <= lastKept.step) return false;
  return now - lastKept.at >= HISTORY_INTERVAL_MS || step >= 2 * Math.max(1, lastKept.step);
}

/** T9, T12, T13: flags the class view shows beside a student. */
export function progressFlags(
  p: { backend: string; lastStepChangeAt: number; sawNaN: boolean; sawImplausible: boolean; sawImplausibleLoss: boolean },
  runStatus: RunStatus | null,
  now: number,
): ProgressFlag[] {
  const flags: ProgressFlag[] = [];
  if (runStatus === "running" && now - p.lastStepChangeAt > STALLED_AFTER_MS) flags.push("stalled");
  if (p.sawNaN) flags.push("nan");
  if (p.sawImplausible) flags.push("implausible");
  if (p.sawImplausibleLoss) flags.push("implausibleLoss");
  if (p.backend === "cpu") flags.push("cpu");
  return flags;
}
