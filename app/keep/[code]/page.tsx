"use client";
/**
 * What a student made in one lesson, after it ended too (rules K1–K3 in server/network/SPEC.md):
 * the final model (download, or open it in the lab to keep training and generating), every
 * submission with its scores and sample, the texts their training wrote, their quiz results.
 */
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { Keepsake } from "../../../lib/api/keep";
import { AnswerShown } from "../../components/AnswerShown";
import { ErrorText } from "../../components/ErrorText";
import { Header } from "../../components/Header";
import { SubmissionStatus } from "../../components/SubmissionStatus";
import { bpc, percent } from "../../leaderboard/format";
import { callApi, type ClientError } from "../../lib/api";
import { loadSeat } from "../../lib/seat";
import { latestLiveCheckpoint, type Checkpoint } from "../../training/checkpoints";
import { saveFile } from "../../training/saveFile";

const cellName = (cell: string) => cell.toUpperCase();

export default function KeepPage() {
  const t = useTranslations("devices.keep");
  const format = useFormatter();
  const locale = useLocale() as "ko" | "en";
  const code = useParams<{ code: string }>().code.toUpperCase();
  const [kept, setKept] = useState<Keepsake | null>(null);
  const [error, setError] = useState<ClientError | "NO_SEAT" | null>(null);
  const [checkpoint, setCheckpoint] = useState<Checkpoint | null>(null);

  useEffect(() => {
    const seat = loadSeat(code);
    if (!seat) return setError("NO_SEAT");
    void latestLiveCheckpoint(seat.participantId).then(
      (c) => setCheckpoint(c ?? null),
      () => setCheckpoint(null),
    );
    void callApi("keepsake", { body: { rejoinToken: seat.rejoinToken } }).then((reply) => (reply.ok ? setKept(reply.data) : setError(reply.error)));
  }, [code]);

  const final = kept?.submissions.find((s) => s.id === kept.finalModelId) ?? null;
  return (
    <>
      <Header />
      <main data-testid="keep-page">
        {error === "NO_SEAT" ? <p className="muted">{t("noSeat")}</p> : <ErrorText error={error} />}
        {kept && (
          <>
            <h1>{t("title", { name: kept.displayName })}</h1>
            <p className="muted">
              {t("inClass", { className: kept.className, code: kept.code })} · {kept.status === "ended" ? t("ended") : t("live")}
            </p>
            {kept.status === "live" && <Link href={`/s/${kept.code}`}>{t("backToLesson")}</Link>}

            <section className="panel" data-testid="final-model">
              <h2>{t("finalModel")}</h2>
              {final?.downloadUrl ? (
                <>
                  <p>{t("finalModelText", { cell: cellName(final.cell), hidden: final.hiddenSize, step: final.step, bpc: bpc(final.publicBpc) })}</p>
                  <div className="row">
                    <a
                      className="button"
                      href={final.downloadUrl}
                      download={`${kept.code}-${final.cell}${final.hiddenSize}-step${final.step}.rnnw`}
                      data-testid="keep-download"
                    >
                      {t("download")}
                    </a>
                    <Link
                      className="button secondary"
                      href={`/lab?${new URLSearchParams({ model: final.downloadUrl, corpus: kept.corpus ?? "" })}`}
                      data-testid="keep-open-lab"
                    >
                      {t("openInLab")}
                    </Link>
                  </div>
                </>
              ) : (
                <p className="muted">{t("noModel")}</p>
              )}
            </section>

            {checkpoint && (
              <section className="panel" data-testid="browser-checkpoint">
                <h2>{t("browserCheckpoint")}</h2>
                <p>{t("browserCheckpointText", { step: checkpoint.step })}</p>
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      saveFile(checkpoint.weights, `${kept.code}-${checkpoint.config.cell}${checkpoint.config.hiddenSize}-step${checkpoint.step}.rnnw`)
                    }
                  >
                    {t("downloadCheckpoint")}
                  </button>
                  <Link
                    className="button secondary"
                    href={`/lab?${new URLSearchParams({ checkpoint: checkpoint.runKey, corpus: kept.corpus ?? "" })}`}
                    data-testid="checkpoint-open-lab"
                  >
                    {t("openInLab")}
                  </Link>
                </div>
              </section>
            )}

            <section className="panel">
              <h2>{t("submissions")}</h2>
              {kept.submissions.length === 0 && <p className="muted">{t("noSubmissions")}</p>}
              <ul className="keep-list">
                {kept.submissions.map((s) => (
                  <li key={s.id} data-testid="kept-submission" data-status={s.status}>
                    <div>
                      {t("submission", {
                        time: format.dateTime(new Date(s.createdAt), { dateStyle: "short", timeStyle: "short" }),
                        cell: cellName(s.cell),
                        hidden: s.hiddenSize,
                        step: s.step,
                      })}{" "}
                      <SubmissionStatus status={s.status} />
                    </div>
                    {s.status === "scored" && (
                      <div className="small">{t("scores", { public: bpc(s.publicBpc), private: bpc(s.privateBpc), novelty: percent(s.novelty) })}</div>
                    )}
                    {s.disqualifiedReason && <div className="error small">{t("disqualified", { reason: s.disqualifiedReason })}</div>}
                    <pre className="sample-text">{s.sample}</pre>
                  </li>
                ))}
              </ul>
            </section>

            {kept.trainingSamples.length > 0 && (
              <section className="panel">
                <h2>{t("samples")}</h2>
                {kept.trainingSamples.map((sample, i) => (
                  <figure key={i} className="keep-sample">
                    <figcaption className="muted small">{t("atStep", { step: sample.step })}</figcaption>
                    <pre className="sample-text">{sample.text}</pre>
                  </figure>
                ))}
              </section>
            )}

            {kept.quizzes.length > 0 && (
              <section className="panel" data-testid="kept-quizzes">
                <h2>{t("quizzes")}</h2>
                {kept.quizzes.map((quiz, i) => (
                  <div key={i}>
                    <h3>{t("quizTotal", { title: quiz.title, points: quiz.points })}</h3>
                    <ol>
                      {quiz.questions.map((q, j) => (
                        <li key={j}>
                          {q.prompt[locale]}
                          {q.answer && (
                            <>
                              {" "}
                              <span className="kept-answer">
                                {t("yourAnswer")}{" "}
                                <q data-testid="kept-answer" data-user-text>
                                  <AnswerShown answer={q.answer} locale={locale} />
                                </q>
                              </span>
                            </>
                          )}{" "}
                          — <strong>{!q.answer ? t("unanswered") : q.correctness >= 1 ? t("correct") : q.correctness > 0 ? t("partly") : t("wrong")}</strong>{" "}
                          <span className="muted">{t("points", { points: q.points })}</span>
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
              </section>
            )}
            <p className="muted small" data-testid="retention">
              {t("retention")}
            </p>
          </>
        )}
      </main>
    </>
  );
}
