/** Building blocks for quiz scenarios: questions in an instructor's bank, a quiz of them, a running round. */
import type { QuestionDraftInput } from "../../lib/quiz/questions";
import type { QuizState } from "../../lib/protocol/quiz";
import type { Answer } from "../../lib/quiz/answers";
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
export async function makeQuiz(
  t: InstructorScenario,
  questions: QuestionDraftInput[],
  scoringMode: "speed" | "accuracy" = "speed",
  title = "퀴즈",
): Promise<string> {
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

/**
 * The answer a student gives by pressing the options labelled `labels` (English labels) on the
 * open question's screen, whose options are in the round's shuffled order (Q15a).
 */
export function pressing(state: QuizState, ...labels: string[]): Answer {
  const { question } = inPhase(state, "question");
  const shown = (question.options ?? []).map((o) => o.en);
  const positions = labels.map((label) => shown.indexOf(label));
  if (positions.includes(-1)) throw new Error(`no option ${labels.join(", ")} among ${shown.join(", ")}`);
  return question.type === "single" ? { type: "single", choice: positions[0] } : { type: "multiple", choices: positions };
}

/**
 * Closes the open question `questionIndex`: skips it, unless every connected student has
 * answered and the server has closed it already (Q5a).
 */
export async function closeQuestion(console: TestSocket, sessionId: string, questionIndex: number): Promise<QuizStateIn<"reveal">> {
  const skipped = await request(console, "quiz:skip", { sessionId });
  if (skipped.ok) return inPhase(skipped.data.state, "reveal");
  const synced = await request(console, "quiz:sync", { sessionId });
  const state = synced.ok ? synced.data.state : null;
  if (state?.phase === "reveal" && state.questionIndex === questionIndex) return state;
  throw new Error(`quiz:skip failed: ${JSON.stringify(skipped.error)}`);
}

/** Resolves at the next reveal (the server closed the question) seen by `socket`. */
export async function nextReveal(socket: TestSocket, questionIndex: number): Promise<QuizStateIn<"reveal">> {
  return inPhase(await nextEvent(socket, "quiz:state", (s) => s.phase === "reveal" && s.questionIndex === questionIndex), "reveal");
}
