"use client";
/**
 * The instructor's live quiz panel: pick a quiz and start it, open each question, watch answers
 * arrive, skip, see the histogram and standings, end; the podium at the end. Needs a socket
 * attached as this session's instructor (the console page renders it).
 */
import Link from "next/link";
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import "../quiz.css";
import { request, type ClientSocket } from "../../lib/socket";
import { Podium, Ranking } from "./Podium";
import { CorrectAnswer, Histogram } from "./Reveal";
import { Countdown } from "./StudentQuiz";
import { isChoice, localized, useQuiz, useQuizFeed } from "./quizFeed";
import { useQuizList } from "./quizList";

export function InstructorQuizPanel({ socket, sessionId, bound }: { socket: ClientSocket; sessionId: string; bound: unknown }) {
  const t = useTranslations("quiz");
  const te = useTranslations("errors");
  const locale = useLocale();
  useQuizFeed(socket, bound, sessionId);
  const { state, progress, standings } = useQuiz();
  const quizzes = useQuizList();
  const [picked, setPicked] = useState("");
  // The picked quiz, or the first one while none is picked (or the picked one was deleted).
  const quizId = quizzes.some((q) => q.id === picked) ? picked : (quizzes[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(event: "quiz:next" | "quiz:skip" | "quiz:end" | "quiz:start") {
    setBusy(true);
    setError(null);
    const reply = event === "quiz:start" ? await request(socket, event, { sessionId, quizId }) : await request(socket, event, { sessionId });
    setBusy(false);
    if (reply.ok) useQuiz.getState().setState(reply.data.state);
    else setError(te(reply.error.code));
  }

  const running = state && state.phase !== "ended";
  const last = state ? state.questionIndex + 1 >= state.questionCount : false;
  return (
    <section className="panel quiz-panel" data-testid="instructor-quiz" data-phase={state?.phase ?? "none"}>
      <h2>{t("liveQuiz")}</h2>
      {!running && (
        <div className="row">
          <select value={quizId} onChange={(e) => setPicked(e.target.value)} aria-label={t("pickQuiz")} data-testid="quiz-pick">
            {quizzes.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title} ({t("questionCount", { count: q.questionCount })})
              </option>
            ))}
          </select>
          <button type="button" disabled={!quizId || busy} onClick={() => act("quiz:start")} data-testid="quiz-start">
            {t("start")}
          </button>
          <Link href="/quiz" className="button secondary">
            {t("editor")}
          </Link>
          <a href={`/projector/${sessionId}/quiz`} target="_blank" rel="noreferrer" className="button secondary">
            {t("projector")}
          </a>
        </div>
      )}
      {state && (
        <div className="quiz-panel-body">
          <p>
            <strong>{state.title}</strong> · {t(`phase.${state.phase}`)}
            {state.questionIndex >= 0 && state.phase !== "ended" && <> · {t("questionOf", { n: state.questionIndex + 1, count: state.questionCount })}</>}
          </p>
          {(state.phase === "question" || state.phase === "reveal") && <p className="quiz-panel-prompt">{localized(state.question.prompt, locale)}</p>}
          {state.phase === "question" && (
            <div className="row">
              <Countdown />
              <span className="quiz-answer-count" data-testid="quiz-answer-count">
                {t("answersIn", {
                  answered: progress?.questionIndex === state.questionIndex ? progress.answered : 0,
                  participants: progress?.participants ?? 0,
                })}
              </span>
            </div>
          )}
          {state.phase === "reveal" && (
            <>
              <Histogram reveal={state.reveal} coloured={isChoice(state.question)} />
              <CorrectAnswer reveal={state.reveal} />
            </>
          )}
          {state.phase === "ended" && <Podium podium={state.podium} />}
          {(state.phase === "reveal" || state.phase === "ended") && standings && (
            <details open={state.phase === "ended"}>
              <summary>{t("standings")}</summary>
              <Ranking standings={standings} />
            </details>
          )}
          <div className="row">
            {(state.phase === "lobby" || state.phase === "reveal") && (
              <button type="button" disabled={busy} onClick={() => act("quiz:next")} data-testid="quiz-next">
                {state.phase === "lobby" ? t("firstQuestion") : last ? t("finish") : t("nextQuestion")}
              </button>
            )}
            {state.phase === "question" && (
              <button type="button" className="secondary" disabled={busy} onClick={() => act("quiz:skip")} data-testid="quiz-skip">
                {t("skip")}
              </button>
            )}
            {running && (
              <button type="button" className="danger" disabled={busy} onClick={() => act("quiz:end")} data-testid="quiz-end">
                {t("end")}
              </button>
            )}
          </div>
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
