"use client";
/**
 * The projector's quiz view: full screen, readable from the back of the room. The question with
 * its colour+shape options and the countdown, answers arriving; then the histogram, the correct
 * answer and explanation, and the top standings; the podium and full ranking at the end.
 */
import { useLocale, useTranslations } from "use-intl";
import "../quiz.css";
import type { ClientSocket } from "../../lib/socket";
import { Podium, Ranking } from "./Podium";
import { CorrectAnswer, Histogram } from "./Reveal";
import { Countdown } from "./StudentQuiz";
import { ANSWER_STYLES, localized, useQuiz, useQuizFeed } from "./quizFeed";

export function ProjectorQuiz({ socket, sessionId, bound }: { socket: ClientSocket; sessionId: string; bound: unknown }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  useQuizFeed(socket, bound, sessionId);
  const { state, progress, standings } = useQuiz();

  if (!state) return <p className="quiz-projector-wait">{t("waitingForQuiz")}</p>;
  const q = state.question;
  return (
    <section className="quiz-projector" data-testid="projector-quiz" data-phase={state.phase}>
      <header className="quiz-projector-head">
        <span>{state.title}</span>
        {q && state.phase !== "ended" && <span>{t("questionOf", { n: state.questionIndex + 1, count: state.questionCount })}</span>}
      </header>
      {state.phase === "lobby" && <h1 className="quiz-projector-title">{t("getReady")}</h1>}
      {q && (state.phase === "question" || state.phase === "reveal") && (
        <>
          <h1 className="quiz-projector-prompt">{localized(q.prompt, locale)}</h1>
          {q.imageUrl && <img className="quiz-image" src={q.imageUrl} alt="" />}
        </>
      )}
      {state.phase === "question" && q && (
        <>
          <div className="row quiz-projector-status">
            <Countdown />
            <span className="quiz-answer-count" data-testid="projector-answer-count">
              {t("answersIn", { answered: progress?.questionIndex === state.questionIndex ? progress.answered : 0, participants: progress?.participants ?? 0 })}
            </span>
          </div>
          {(q.options ?? q.items) && (
            <ul className="quiz-projector-options">
              {(q.options ?? q.items ?? []).map((o, i) => (
                <li key={i} className={ANSWER_STYLES[i % ANSWER_STYLES.length].className}>
                  <span className="quiz-shape" aria-hidden="true">{ANSWER_STYLES[i % ANSWER_STYLES.length].shape}</span> {localized(o, locale)}
                </li>
              ))}
            </ul>
          )}
          {q.type === "truefalse" && (
            <ul className="quiz-projector-options">
              {(q.truthButtons ?? [true, false]).map((value, i) => (
                <li key={String(value)} className={ANSWER_STYLES[i].className}>
                  <span className="quiz-shape" aria-hidden="true">{ANSWER_STYLES[i].shape}</span> {value ? t("true") : t("false")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {state.phase === "reveal" && state.reveal && (
        <div className="quiz-projector-reveal">
          <Histogram reveal={state.reveal} coloured={q?.type === "single" || q?.type === "multiple" || q?.type === "truefalse"} />
          <CorrectAnswer reveal={state.reveal} />
          <Ranking standings={state.reveal.top} />
        </div>
      )}
      {state.phase === "ended" && state.podium && (
        <>
          <h1 className="quiz-projector-title">{t("finalResults")}</h1>
          <Podium podium={state.podium} ranking={standings} />
        </>
      )}
    </section>
  );
}
