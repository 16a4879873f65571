"use client";
/**
 * The projector's quiz view: one screen, no scrolling, at 1366×768 and 1920×1080 (sizes follow
 * the viewport), readable from the back of the room. The lobby shows the join code and who is in;
 * a question shows its colour+shape options (in the round's order, Q15a) and the countdown; a
 * reveal shows the histogram beside the correct answer, the explanation and the top standings;
 * the end shows the podium beside the top of the ranking.
 */
import { useLocale, useTranslations } from "use-intl";
import "../quiz.css";
import { JoinCodeCard } from "../../components/JoinCodeCard";
import type { ClientSocket } from "../../lib/socket";
import { Podium, Ranking } from "./Podium";
import { CorrectAnswer, Histogram } from "./Reveal";
import { Countdown } from "./StudentQuiz";
import { ANSWER_STYLES, isChoice, localized, useQuiz, useQuizFeed } from "./quizFeed";

/** Names shown in the lobby before "+N": a district event can seat hundreds, the screen holds about this many. */
export const PROJECTOR_LOBBY_NAMES = 60;
/** Ranking rows beside the podium at the end (one screen). */
export const PROJECTOR_RANKING_ROWS = 8;

export interface ProjectorLobby {
  code: string | null;
  /** Names of the connected students. */
  names: string[];
}

export function ProjectorQuiz({ socket, sessionId, bound, lobby }: { socket: ClientSocket; sessionId: string; bound: unknown; lobby: ProjectorLobby }) {
  const t = useTranslations("quiz");
  const tq = useTranslations("quizEngine");
  const locale = useLocale();
  useQuizFeed(socket, bound, sessionId);
  const { state, progress, standings } = useQuiz();

  if (!state) return <p className="quiz-projector-wait">{t("waitingForQuiz")}</p>;
  return (
    <section className="quiz-projector" data-testid="projector-quiz" data-phase={state.phase}>
      <header className="quiz-projector-head">
        <span>{state.title}</span>
        {(state.phase === "question" || state.phase === "reveal") && <span>{t("questionOf", { n: state.questionIndex + 1, count: state.questionCount })}</span>}
      </header>
      {state.phase === "lobby" && (
        <div className="quiz-projector-lobby">
          <div className="quiz-projector-join">
            <h1 className="quiz-projector-title">{t("getReady")}</h1>
            {lobby.code && <JoinCodeCard code={lobby.code} />}
          </div>
          <div className="quiz-projector-names">
            <h2>{tq("playersIn", { count: lobby.names.length })}</h2>
            <ul data-testid="projector-lobby-names">
              {lobby.names.slice(0, PROJECTOR_LOBBY_NAMES).map((name, i) => (
                <li key={`${name}-${i}`}>{name}</li>
              ))}
              {lobby.names.length > PROJECTOR_LOBBY_NAMES && <li className="muted">{tq("andMore", { count: lobby.names.length - PROJECTOR_LOBBY_NAMES })}</li>}
            </ul>
          </div>
        </div>
      )}
      {state.phase === "question" && (
        <>
          <h1 className="quiz-projector-prompt">{localized(state.question.prompt, locale)}</h1>
          {state.question.imageUrl && <img className="quiz-image" src={state.question.imageUrl} alt="" />}
          <div className="row quiz-projector-status">
            <Countdown />
            <span className="quiz-answer-count" data-testid="projector-answer-count">
              {t("answersIn", { answered: progress?.questionIndex === state.questionIndex ? progress.answered : 0, participants: progress?.participants ?? 0 })}
            </span>
          </div>
          {(state.question.options ?? state.question.items) && (
            <ul className="quiz-projector-options">
              {(state.question.options ?? state.question.items ?? []).map((o, i) => (
                <li key={i} className={ANSWER_STYLES[i % ANSWER_STYLES.length].className}>
                  <span className="quiz-shape" aria-hidden="true">
                    {ANSWER_STYLES[i % ANSWER_STYLES.length].shape}
                  </span>{" "}
                  {localized(o, locale)}
                </li>
              ))}
            </ul>
          )}
          {state.question.truthButtons && (
            <ul className="quiz-projector-options">
              {state.question.truthButtons.map((value, i) => (
                <li key={String(value)} className={ANSWER_STYLES[i].className}>
                  <span className="quiz-shape" aria-hidden="true">
                    {ANSWER_STYLES[i].shape}
                  </span>{" "}
                  {value ? t("true") : t("false")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {state.phase === "reveal" && (
        <>
          <h1 className="quiz-projector-prompt quiz-projector-prompt-small">{localized(state.question.prompt, locale)}</h1>
          <div className="quiz-projector-reveal">
            <Histogram reveal={state.reveal} coloured={isChoice(state.question)} />
            <div className="quiz-projector-side">
              <CorrectAnswer reveal={state.reveal} />
              <Ranking standings={state.reveal.top} />
            </div>
          </div>
        </>
      )}
      {state.phase === "ended" && (
        <>
          <h1 className="quiz-projector-title">{t("finalResults")}</h1>
          <div className="quiz-projector-final">
            <Podium podium={state.podium} ranking={standings?.slice(0, PROJECTOR_RANKING_ROWS)} />
          </div>
        </>
      )}
    </section>
  );
}
