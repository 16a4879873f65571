/**
 * Trends across sessions: for each session, the class median and spread (p25–p75) of each
 * roster student's best verified bits/char, training minutes and quiz accuracy. Only students who
 * attended count; a student without a score or without answers is left out of that measure.
 */
import { quizAccuracy, type ParticipantFacts } from "./facts";
import { spreadOf, type Spread } from "./stats";

export interface SessionTrend {
  sessionId: string;
  bestBpc: Spread;
  trainingMinutes: Spread;
  quizAccuracy: Spread;
}

export function sessionTrends(sessionIds: readonly string[], facts: Iterable<ParticipantFacts>): SessionTrend[] {
  const bySession = new Map<string, ParticipantFacts[]>();
  for (const f of facts) {
    if (!f.rosterStudentId) continue;
    const list = bySession.get(f.sessionId) ?? [];
    list.push(f);
    bySession.set(f.sessionId, list);
  }
  return sessionIds.map((sessionId) => {
    const list = bySession.get(sessionId) ?? [];
    return {
      sessionId,
      bestBpc: spreadOf(list.flatMap((f) => (f.bestBpc === null ? [] : [f.bestBpc]))),
      trainingMinutes: spreadOf(list.map((f) => f.trainingMs / 60_000)),
      quizAccuracy: spreadOf(
        list.flatMap((f) => {
          const a = quizAccuracy(f);
          return a === null ? [] : [a];
        }),
      ),
    };
  });
}
