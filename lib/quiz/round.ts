/**
 * The round state machine (rules Q1–Q9 of lib/quiz/SPEC.md), pure: the server applies these
 * decisions to the database and its timers.
 *
 *   lobby ──next──▶ question(0) ──close──▶ reveal(0) ──next──▶ question(1) … reveal(last) ──next──▶ ended
 *   any phase but ended ──end──▶ ended (an open question is closed and scored first)
 *   close = the server's timer at closesAt, or the instructor's skip
 */
export const ROUND_PHASES = ["lobby", "question", "reveal", "ended"] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export type RoundAction = "next" | "close" | "end";

export interface RoundPosition {
  phase: RoundPhase;
  /** -1 in the lobby; the current or last question otherwise. */
  questionIndex: number;
  questionCount: number;
}

export type Transition = { phase: RoundPhase; questionIndex: number } | { error: string };

export function applyRoundAction(at: RoundPosition, action: RoundAction): Transition {
  const { phase, questionIndex, questionCount } = at;
  switch (action) {
    case "next":
      if (phase === "lobby") return questionCount > 0 ? { phase: "question", questionIndex: 0 } : { phase: "ended", questionIndex };
      if (phase === "reveal")
        return questionIndex + 1 < questionCount ? { phase: "question", questionIndex: questionIndex + 1 } : { phase: "ended", questionIndex };
      return { error: phase === "question" ? "the question is still open: skip it first" : "the quiz has ended" };
    case "close":
      return phase === "question" ? { phase: "reveal", questionIndex } : { error: "no question is open" };
    case "end":
      return phase === "ended" ? { error: "the quiz has ended" } : { phase: "ended", questionIndex };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Q7/Q8: whether an answer received at `receivedAt` (server clock) may count. */
export function answerWindow(
  round: { phase: RoundPhase; questionIndex: number; closesAt: number | null },
  questionIndex: number,
  receivedAt: number,
): "open" | "closed" | "wrong-question" {
  if (round.phase !== "question" || round.closesAt === null) return "closed";
  if (questionIndex !== round.questionIndex) return "wrong-question";
  return receivedAt <= round.closesAt ? "open" : "closed";
}

/** Q4: elapsed time of an answer, clamped to the question's window. */
export function elapsedOf(startedAt: number, receivedAt: number, limitMs: number): number {
  return Math.min(limitMs, Math.max(0, receivedAt - startedAt));
}

/** Q5b: how often the server stamps an open question's `aliveAt` (ms). */
export const QUESTION_HEARTBEAT_MS = 1_000;
/** Q5b: a gap since the last stamp longer than this was an outage (a stamp may be late on a busy event loop). */
export const OUTAGE_MIN_MS = 2 * QUESTION_HEARTBEAT_MS;
/** Q5b: added to the restored time so students can reconnect and rejoin first (their back-off is capped at 2 s). */
export const RECONNECT_GRACE_MS = 3_000;

/**
 * Q5b: the window of a question that was open while no server kept its clock (from `aliveAt`, the
 * last heartbeat, to `now`). The clock is paused: the question gets back the time it had left at
 * the last heartbeat plus RECONNECT_GRACE_MS, and its start moves by the outage, so the elapsed time
 * of later answers leaves the outage out. Null when there was no outage, or when the question's
 * time was already up before it began (then Q5 closes it at once).
 */
export function windowAfterOutage(
  round: { startedAt: number | null; closesAt: number | null; aliveAt: number | null },
  now: number,
): { startedAt: number; closesAt: number } | null {
  const { startedAt, closesAt, aliveAt } = round;
  if (startedAt === null || closesAt === null || aliveAt === null) return null;
  const outage = now - aliveAt;
  if (outage <= OUTAGE_MIN_MS || aliveAt >= closesAt) return null;
  return { startedAt: startedAt + outage, closesAt: closesAt + outage + RECONNECT_GRACE_MS };
}
