/**
 * Quiz accuracy per concept tag: for each roster student, over every question they answered
 * that carries the tag (a question with several tags counts for each). Accuracy is the mean
 * correctness (0..1) of the answered questions. The class average of a tag is the mean of the
 * students' accuracies, so every student weighs the same however many questions they answered.
 */
import type { QuestionInfo } from "./quizQuestions";
import type { AnswerRow } from "./rows";
import { mean } from "./stats";

export interface ConceptCell {
  answered: number;
  /** Sum of correctness. */
  correct: number;
  accuracy: number;
}

/** rosterStudentId → tag → cell. */
export type ConceptTable = Map<string, Map<string, ConceptCell>>;

export function conceptTable(
  answers: readonly AnswerRow[],
  questionsByRound: ReadonlyMap<string, readonly QuestionInfo[]>,
  studentOfParticipant: ReadonlyMap<string, string>,
): ConceptTable {
  const table: ConceptTable = new Map();
  for (const a of answers) {
    const student = studentOfParticipant.get(a.participantId);
    const tags = questionsByRound.get(a.roundId)?.[a.questionIndex]?.tags;
    if (!student || !tags?.length) continue;
    let row = table.get(student);
    if (!row) table.set(student, (row = new Map()));
    for (const tag of tags) {
      const cell = row.get(tag) ?? { answered: 0, correct: 0, accuracy: 0 };
      cell.answered++;
      cell.correct += a.correctness;
      cell.accuracy = cell.correct / cell.answered;
      row.set(tag, cell);
    }
  }
  return table;
}

/** Every tag seen in the rounds, in first-seen order (rounds oldest first). */
export function tagsOf(questionsByRound: Iterable<readonly QuestionInfo[]>): string[] {
  const seen = new Set<string>();
  for (const questions of questionsByRound) for (const q of questions) for (const t of q.tags) seen.add(t);
  return [...seen];
}

export function classAverages(table: ConceptTable, tags: readonly string[], students: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(
    tags.map((tag) => [
      tag,
      mean(
        students.flatMap((s) => {
          const cell = table.get(s)?.get(tag);
          return cell ? [cell.accuracy] : [];
        }),
      ),
    ]),
  );
}
