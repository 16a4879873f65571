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
