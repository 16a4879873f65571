/** Building blocks for quiz scenarios: questions in an instructor's bank, a quiz of them, a running round. */
import type { QuestionDraftInput } from "../../lib/quiz/questions";
import type { QuizState } from "../../lib/protocol/quiz";
import { nextEvent, request, type TestSocket } from "./clients";
import type { InstructorScenario } from "./scenario";

export const tf = (correct: boolean, extra: Partial<QuestionDraftInput> = {}): QuestionDraftInput =>
  ({ type: "truefalse", prompt: { ko: "참일까요?", en: "True?" }, correct, tags: ["recurrence"], timeLimitSec: 5, ...extra }) as QuestionDraftInput;

export const choice = (correct: number, extra: Partial<QuestionDraftInput> = {}): QuestionDraftInput =>
  ({
    type: "single",
    prompt: { ko: "어느 것?", en: "Which?" },
    options: ["A", "B", "C", "D"].map((s) => ({ ko: s, en: s })),
    correct,
    tags: ["lstm-gates"],
    timeLimitSec: 5,
    ...extra,
  }) as QuestionDraftInput;

/** Creates the questions and a quiz of them in the instructor's bank. */
export async function makeQuiz(t: InstructorScenario, questions: QuestionDraftInput[], scoringMode: "speed" | "accuracy" = "speed", title = "퀴즈"): Promise<string> {
  const ids: string[] = [];
  for (const q of questions) ids.push((await t.api.ok("quizCreateQuestion", { body: q })).question.id);
  return (await t.api.ok("quizCreate", { body: { title, scoringMode, questionIds: ids } })).quiz.id;
}

/** Sends a control request from the console and returns the state it replied with (throws on error). */
export async function control(console: TestSocket, event: "quiz:next" | "quiz:skip" | "quiz:end", sessionId: string): Promise<QuizState> {
  const reply = await request(console, event, { sessionId });
  if (!reply.ok) throw new Error(`${event} failed: ${JSON.stringify(reply.error)}`);
  return reply.data.state;
}

export async function startQuiz(t: InstructorScenario, quizId: string): Promise<QuizState> {
  const reply = await request(t.console, "quiz:start", { sessionId: t.sessionId, quizId });
  if (!reply.ok) throw new Error(`quiz:start failed: ${JSON.stringify(reply.error)}`);
  return reply.data.state;
}

export type QuizStateIn<P extends QuizState["phase"]> = Extract<QuizState, { phase: P }>;

/** `state`, checked to be in `phase` (throws otherwise), with that phase's fields. */
export function inPhase<P extends QuizState["phase"]>(state: QuizState | null | undefined, phase: P): QuizStateIn<P> {
  if (state?.phase !== phase) throw new Error(`expected the round in phase ${phase}, got ${state?.phase ?? "no round"}`);
  return state as QuizStateIn<P>;
}

/** Resolves at the next reveal (the server closed the question) seen by `socket`. */
export async function nextReveal(socket: TestSocket, questionIndex: number): Promise<QuizStateIn<"reveal">> {
  return inPhase(await nextEvent(socket, "quiz:state", (s) => s.phase === "reveal" && s.questionIndex === questionIndex), "reveal");
}
