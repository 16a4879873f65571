"use client";
/** A student's quiz answers: question (in the page's language), answer, correctness, points, time. */
import { useLocale, useTranslations } from "use-intl";
import type { StudentPage } from "../../../lib/api/dashboard";
import { AnswerShown } from "../../components/AnswerShown";
import { tagLabel } from "../../../lib/quiz/tags";
import { percent } from "./format";

export function AnswersTable({ answers }: { answers: StudentPage["answers"] }) {
  const t = useTranslations("dashboard.student");
  const locale = useLocale() === "en" ? "en" : "ko";
  if (answers.length === 0) return <p className="muted">{t("noAnswers")}</p>;
  return (
    <div className="dash-scroll">
      <table className="dash-table" data-testid="answers-table">
        <thead>
          <tr>
            <th>{t("question")}</th>
            <th>{t("answer")}</th>
            <th className="num">{t("correctness")}</th>
            <th className="num">{t("points")}</th>
            <th className="num">{t("time")}</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={`${a.roundId}:${a.questionIndex}`}>
              <td style={{ whiteSpace: "normal" }}>
                <span className="muted">
                  {a.roundTitle} · Q{a.questionIndex + 1}
                </span>{" "}
                {a.prompt[locale]}
                {a.tags.map((tag) => (
                  <span key={tag} className="pill">
                    {" "}
                    {tagLabel(tag, locale)}
                  </span>
                ))}
              </td>
              <td style={{ whiteSpace: "normal" }} data-testid="answer-shown">
                <AnswerShown answer={a.answer} locale={locale} />
              </td>
              <td className="num">{percent(a.correctness)}</td>
              <td className="num">{a.points}</td>
              <td className="num">{(a.elapsedMs / 1000).toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
