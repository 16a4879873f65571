"use client";
/**
 * The student's quiz view: the open question with big colour+shape buttons and the server-clock
 * countdown, "answer locked in" after answering, then the own result and rank at each reveal,
 * and the podium at the end. Rendered by the student page (app/s/[code]); needs a seated socket.
 */
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import "../quiz.css";
import type { Answer } from "../../../lib/quiz/answers";
import { readNumber } from "../../../lib/quiz/numberEntry";
import type { PublicQuestion } from "../../../lib/protocol/quiz";
import { request, type ClientSocket } from "../../lib/socket";
import { useStudentSession } from "../../stores/studentSession";
import { Podium } from "./Podium";
import { CorrectAnswer } from "./Reveal";
import { ANSWER_STYLES, localized, useQuiz, useQuizFeed, useRemainingMs } from "./quizFeed";

export function Countdown() {
  const t = useTranslations("quiz");
  const remaining = useRemainingMs();
  if (remaining === null) return null;
  return (
    <div className="quiz-countdown" data-testid="quiz-remaining" data-remaining-ms={remaining} aria-live="off">
      {t("secondsLeft", { seconds: Math.ceil(remaining / 1000) })}
    </div>
  );
}

/** `bound` changes on every successful (re)join (the student page's join counter). */
export function StudentQuiz({ socket, participantId, bound }: { socket: ClientSocket; participantId: string; bound: unknown }) {
  const t = useTranslations("quiz");
  useQuizFeed(socket, bound);
  const locale = useLocale();
  const { state, answered, result, setAnswered } = useQuiz();
  const [error, setError] = useState<string | null>(null);
  const sendSeated = useStudentSession((s) => s.sendSeated);
  const queued = useStudentSession((s) => s.queued);

  if (!state) return null;
  const key = `quiz:${state.roundId}:${state.questionIndex}`;
  // Clicked while offline: it waits for the rejoin (app/lib/offlineQueue.ts), and the student is told so.
  const waiting = state.phase === "question" && queued.includes(key);

  async function send(answer: Answer) {
    if (!state || answered || waiting) return;
    setError(null);
    const { roundId, questionIndex } = state;
    const reply = await sendSeated(key, (s) => request(s, "quiz:answer", { roundId, questionIndex, answer }));
    if (reply.ok || reply.error.code === "CONFLICT") setAnswered(true);
    if (!reply.ok) setError(reply.error.code === "CONFLICT" ? t("tooLate") : t("answerRefused"));
  }

  return (
    <section className="quiz-student" data-testid="student-quiz" data-phase={state.phase}>
      <header className="quiz-student-head">
        <span className="pill">{state.title}</span>
        {(state.phase === "question" || state.phase === "reveal") && (
          <span className="muted">{t("questionOf", { n: state.questionIndex + 1, count: state.questionCount })}</span>
        )}
      </header>
      {state.phase === "lobby" && <p className="quiz-big-note">{t("getReady")}</p>}
      {state.phase === "question" && (
        <>
          <h2 className="quiz-prompt">{localized(state.question.prompt, locale)}</h2>
          <Countdown />
          {answered ? (
            <p className="quiz-big-note" data-testid="quiz-locked">
              {t("locked")}
            </p>
          ) : waiting ? (
            <p className="quiz-big-note" data-testid="quiz-queued" role="status">
              {t("queued")}
            </p>
          ) : (
            <AnswerInput key={`${state.roundId}:${state.questionIndex}`} question={state.question} onAnswer={send} />
          )}
          {error && <p className="error">{error}</p>}
        </>
      )}
      {state.phase === "reveal" && (
        <>
          {result && result.questionIndex === state.questionIndex && (
            <div
              className={`quiz-result ${result.correctness === 1 ? "quiz-result-right" : result.correctness > 0 ? "quiz-result-partial" : "quiz-result-wrong"}`}
              data-testid="quiz-result"
            >
              <strong>{!result.answered ? t("noAnswer") : result.correctness === 1 ? t("right") : result.correctness > 0 ? t("partial") : t("wrong")}</strong>
              <span>{t("plusPoints", { points: result.points })}</span>
              {result.streak > 1 && <span>{t("streak", { streak: result.streak })}</span>}
              <span data-testid="quiz-rank">{t("yourRank", { rank: result.rank, of: result.of, total: result.totalPoints })}</span>
            </div>
          )}
          <CorrectAnswer reveal={state.reveal} />
        </>
      )}
      {state.phase === "ended" && (
        <>
          <h2>{t("finalResults")}</h2>
          <Podium podium={state.podium} highlight={participantId} />
          {result && (
            <p className="quiz-big-note" data-testid="quiz-final-rank">
              {t("yourRank", { rank: result.rank, of: result.of, total: result.totalPoints })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * A numeric answer: read as typed by the same parser the server scores with (Q13a). The student
 * sees what the entry reads as, and is told before sending when it cannot be read.
 */
function NumberForm({ unit, onAnswer }: { unit: string | undefined; onAnswer: (a: Answer) => void }) {
  const t = useTranslations("quiz");
  const tn = useTranslations("quizEngine");
  const [value, setValue] = useState("");
  const [tried, setTried] = useState(false);
  const read = readNumber(value, unit);
  const problem = !read.ok && (tried || read.problem === "unreadable") ? (read.problem === "empty" ? tn("numberEmpty") : tn("numberUnreadable")) : null;
  return (
    <form
      className="quiz-free quiz-number"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (read.ok) onAnswer({ type: "numeric", text: value });
      }}
    >
      <div className="row quiz-free-row">
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          maxLength={80}
          autoComplete="off"
          aria-label={t("yourAnswer")}
          aria-invalid={problem !== null}
          aria-describedby="quiz-number-note"
          data-testid="quiz-free-input"
        />
        {unit && <span>{unit}</span>}
        <button type="submit" className="quiz-submit" data-testid="quiz-submit">
          {t("submit")}
        </button>
      </div>
      <p id="quiz-number-note" className={problem ? "error" : "muted"} data-testid="quiz-number-note" aria-live="polite">
        {problem ??
          (read.ok ? tn("numberReadsAs", { value: read.value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 6 }) }) : tn("numberHint"))}
      </p>
    </form>
  );
}

function AnswerInput({ question, onAnswer }: { question: PublicQuestion; onAnswer: (a: Answer) => void }) {
  const t = useTranslations("quiz");
  const locale = useLocale();
  const [picked, setPicked] = useState<number[]>([]);
  const [value, setValue] = useState("");
  const [order, setOrder] = useState<number[]>(() => (question.items ?? []).map((_, i) => i));

  switch (question.type) {
    case "single":
      return (
        <div className="quiz-buttons">
          {(question.options ?? []).map((o, i) => (
            <button
              key={i}
              type="button"
              className={`quiz-option ${ANSWER_STYLES[i].className}`}
              data-testid={`quiz-option-${i}`}
              onClick={() => onAnswer({ type: "single", choice: i })}
            >
              <span className="quiz-shape" aria-hidden="true">
                {ANSWER_STYLES[i].shape}
              </span>
              {localized(o, locale)}
            </button>
          ))}
        </div>
      );
    case "multiple":
      return (
        <>
          <p className="muted">{t("selectAll")}</p>
          <div className="quiz-buttons">
            {(question.options ?? []).map((o, i) => (
              <button
                key={i}
                type="button"
                aria-pressed={picked.includes(i)}
                className={`quiz-option ${ANSWER_STYLES[i].className} ${picked.includes(i) ? "quiz-picked" : ""}`}
                data-testid={`quiz-option-${i}`}
                onClick={() => setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i]))}
              >
                <span className="quiz-shape" aria-hidden="true">
                  {ANSWER_STYLES[i].shape}
                </span>
                {localized(o, locale)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="quiz-submit"
            disabled={picked.length === 0}
            data-testid="quiz-submit"
            onClick={() => onAnswer({ type: "multiple", choices: picked })}
          >
            {t("submit")}
          </button>
        </>
      );
    case "truefalse":
      // Q15a: the two buttons in the round's order; each colour and shape goes with its position.
      return (
        <div className="quiz-buttons quiz-buttons-2">
          {(question.truthButtons ?? [true, false]).map((value, i) => (
            <button
              key={String(value)}
              type="button"
              className={`quiz-option ${ANSWER_STYLES[i].className}`}
              data-testid={value ? "quiz-tf-true" : "quiz-tf-false"}
              onClick={() => onAnswer({ type: "truefalse", value })}
            >
              <span className="quiz-shape" aria-hidden="true">
                {ANSWER_STYLES[i].shape}
              </span>
              {value ? t("true") : t("false")}
            </button>
          ))}
        </div>
      );
    case "numeric":
      return <NumberForm unit={question.unit} onAnswer={onAnswer} />;
    case "text":
      return (
        <form
          className="quiz-free"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) onAnswer({ type: "text", text: value });
          }}
        >
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            maxLength={80}
            autoComplete="off"
            aria-label={t("yourAnswer")}
            data-testid="quiz-free-input"
          />
          <button type="submit" className="quiz-submit" data-testid="quiz-submit">
            {t("submit")}
          </button>
        </form>
      );
    case "ordering": {
      const items = question.items ?? [];
      const move = (at: number, by: number) =>
        setOrder((o) => {
          const next = [...o];
          const to = at + by;
          if (to < 0 || to >= next.length) return o;
          [next[at], next[to]] = [next[to], next[at]];
          return next;
        });
      return (
        <>
          <ol className="quiz-ordering">
            {order.map((item, at) => (
              <li key={item} className={ANSWER_STYLES[item % ANSWER_STYLES.length].className}>
                <span className="quiz-ordering-text">{localized(items[item], locale)}</span>
                <button type="button" aria-label={t("moveUp")} onClick={() => move(at, -1)} disabled={at === 0}>
                  ↑
                </button>
                <button type="button" aria-label={t("moveDown")} onClick={() => move(at, 1)} disabled={at === order.length - 1}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="quiz-submit" data-testid="quiz-submit" onClick={() => onAnswer({ type: "ordering", order })}>
            {t("submit")}
          </button>
        </>
      );
    }
    default: {
      const never: never = question.type;
      return never;
    }
  }
}
