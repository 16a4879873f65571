"use client";
/** What a closed question shows: the histogram, the correct answer, the explanation. */
import { useLocale, useTranslations } from "use-intl";
import type { RevealView } from "../../../lib/protocol/quiz";
import { ANSWER_STYLES, localized } from "./quizFeed";

export function Histogram({ reveal, coloured }: { reveal: RevealView; coloured: boolean }) {
  const locale = useLocale();
  const max = Math.max(1, ...reveal.histogram.map((b) => b.count));
  return (
    <ul className="quiz-histogram" data-testid="histogram">
      {reveal.histogram.map((b, i) => (
        <li key={i} className={`${coloured ? ANSWER_STYLES[i % ANSWER_STYLES.length].className : "quiz-neutral"} ${b.correct ? "quiz-correct" : "quiz-wrong"}`}>
          <span className="quiz-bar-count">{b.count}</span>
          <span className="quiz-bar" style={{ height: `${Math.round((b.count / max) * 100)}%` }} />
          <span className="quiz-bar-label">
            {coloured && <span aria-hidden="true">{ANSWER_STYLES[i % ANSWER_STYLES.length].shape} </span>}
            {localized(b.label, locale)} {b.correct ? "✔" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CorrectAnswer({ reveal }: { reveal: RevealView }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  return (
    <div className="quiz-answer-box" data-testid="correct-answer">
      <strong>{t("correctAnswer")}</strong>
      <ol className="quiz-answer-list">
        {reveal.correctAnswer.map((a, i) => (
          <li key={i}>{localized(a, locale)}</li>
        ))}
      </ol>
      <p className="muted">{t("correctCount", { correct: reveal.correctCount, answered: reveal.answered })}</p>
      {reveal.explanation && <p className="quiz-explanation">{localized(reveal.explanation, locale)}</p>}
    </div>
  );
}
