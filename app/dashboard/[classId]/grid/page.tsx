"use client";
/** Student × concept grid: quiz accuracy per tag, colour-coded, with the class average; a cell opens the answers. */
import { useParams } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { callApi } from "../../../lib/api";
import { DashboardShell, Loading, Refused } from "../../components/DashboardShell";
import { accuracyLevel, percent } from "../../components/format";
import { AnswersTable } from "../../components/AnswersTable";
import { useApiData } from "../../components/useApiData";
import type { RouteReply } from "../../../../lib/api/routes";
import { tagLabel } from "../../../../lib/quiz/tags";

type Opened = { name: string; tag: string; answers: RouteReply<"dashboardConceptCell">["answers"] | null };

export default function ConceptGridPage() {
  const { classId } = useParams<{ classId: string }>();
  const t = useTranslations("dashboard.grid");
  const locale = useLocale() === "en" ? "en" : "ko";
  const grid = useApiData("dashboardConcepts", { classId });
  const [opened, setOpened] = useState<Opened | null>(null);

  async function open(rosterStudentId: string, name: string, tag: string) {
    setOpened({ name, tag, answers: null });
    const reply = await callApi("dashboardConceptCell", { params: { classId, tag, rosterStudentId } });
    setOpened({ name, tag, answers: reply.ok ? reply.data.answers : [] });
  }

  return (
    <DashboardShell classId={classId}>
      <h1>{t("title")}</h1>
      {grid.state === "loading" && <Loading />}
      {grid.state === "error" && <Refused error={grid.error} />}
      {grid.state === "ok" &&
        (grid.data.tags.length === 0 ? (
          <p className="muted">{t("noTags")}</p>
        ) : (
          <section className="panel">
            <p className="muted">{t("legend")}</p>
            <div className="dash-scroll">
              <table className="dash-table" data-testid="concept-grid">
                <thead>
                  <tr>
                    <th>{t("student")}</th>
                    {grid.data.tags.map((tag) => (
                      <th key={tag} className="num" data-tag={tag}>
                        {tagLabel(tag, locale)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grid.data.students.map((s) => (
                    <tr key={s.id} data-student={s.name}>
                      <th scope="row">{s.name}</th>
                      {grid.data.tags.map((tag) => {
                        const cell = s.cells[tag];
                        return (
                          <td key={tag} className="concept-cell" data-level={accuracyLevel(cell?.accuracy)} data-tag={tag}>
                            {cell ? (
                              <button type="button" onClick={() => open(s.id, s.name, tag)} title={`${cell.answered}`}>
                                {percent(cell.accuracy)}
                              </button>
                            ) : (
                              "–"
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                  <tr className="concept-average" data-testid="concept-average">
                    <th scope="row">{t("average")}</th>
                    {grid.data.tags.map((tag) => (
                      <td key={tag} className="concept-cell" data-level={accuracyLevel(grid.data.average[tag])}>
                        {percent(grid.data.average[tag])}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
        ))}
      {opened && (
        <section className="panel cell-detail" data-testid="concept-cell-detail" aria-live="polite">
          <div className="row">
            <h2>{t("cellTitle", { name: opened.name, tag: tagLabel(opened.tag, locale) })}</h2>
            <button type="button" className="secondary no-print" onClick={() => setOpened(null)}>
              {t("close")}
            </button>
          </div>
          {opened.answers === null ? <Loading /> : <AnswersTable answers={opened.answers} />}
        </section>
      )}
    </DashboardShell>
  );
}
