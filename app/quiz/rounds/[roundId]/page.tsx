"use client";
/** A finished (or running) quiz round: every student × question, with correctness, points and time, and the standings. */
import Link from "next/link";
import { useParams } from "next/navigation";
import { useLocale, useTranslations } from "use-intl";
import { callApi } from "../../../lib/api";
import { useInstructorApi } from "../../../lib/useInstructorApi";
import { InstructorPage } from "../../../components/InstructorPage";

export default function RoundResultsPage() {
  const t = useTranslations("quizResults");
  const locale = useLocale() as "ko" | "en";
  const { roundId } = useParams<{ roundId: string }>();
  const { data, error } = useInstructorApi(() => callApi("quizRoundResults", { params: { roundId } }), [roundId]);
  const cell = (participantId: string, index: number) => data?.cells.find((c) => c.participantId === participantId && c.questionIndex === index);
  return (
    <InstructorPage error={error}>
      {data && (
        <>
          <Link href={`/sessions/${data.round.sessionId}`}>{t("back")}</Link>
          <h1>{data.round.title}</h1>
          <table className="results-table" data-testid="round-results">
            <thead>
              <tr>
                <th>{t("rank")}</th>
                <th>{t("student")}</th>
                <th>{t("points")}</th>
                <th>{t("correct")}</th>
                {data.questions.map((q) => (
                  <th key={q.index} title={q.prompt[locale]}>
                    Q{q.index + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.standings.map((s) => (
                <tr key={s.participantId}>
                  <td>{s.rank}</td>
                  <td>{s.displayName}</td>
                  <td>{s.points}</td>
                  <td>
                    {s.correct}/{data.questions.length}
                  </td>
                  {data.questions.map((q) => {
                    const c = cell(s.participantId, q.index);
                    return (
                      <td key={q.index} className={c ? (c.correctness === 1 ? "ok" : c.correctness > 0 ? "" : "error") : "muted"}>
                        {c ? `${c.correctness === 1 ? "✓" : c.correctness > 0 ? "½" : "✗"} ${c.points} · ${(c.elapsedMs / 1000).toFixed(1)}s` : "–"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4}>{t("perQuestion")}</td>
                {data.questions.map((q) => (
                  <td key={q.index}>
                    {q.correctCount}/{q.answered}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
          <ol className="small">
            {data.questions.map((q) => (
              <li key={q.index}>
                {q.prompt[locale]} — <strong>{q.correctAnswer.map((a) => a[locale]).join(", ")}</strong>
              </li>
            ))}
          </ol>
        </>
      )}
    </InstructorPage>
  );
}
