"use client";
/** Student × session attendance: ● present, · absent; each name opens the student's page. */
import Link from "next/link";
import { useFormatter, useTranslations } from "use-intl";
import type { Overview } from "../../../lib/api/dashboard";

export function AttendanceGrid({ overview }: { overview: Overview }) {
  const t = useTranslations("dashboard.attendanceGrid");
  const format = useFormatter();
  const active = overview.students.filter((s) => !s.archived);
  return (
    <section className="panel">
      <h2>{t("title")}</h2>
      <div className="dash-scroll">
        <table className="dash-table" data-testid="attendance-grid">
          <thead>
            <tr>
              <th>{t("student")}</th>
              {overview.sessions.map((s) => (
                <th key={s.id} className="attendance-cell" title={format.dateTime(new Date(s.createdAt), { dateStyle: "medium" })}>
                  {format.dateTime(new Date(s.createdAt), { month: "numeric", day: "numeric" })}
                </th>
              ))}
              <th className="num">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {active.map((student) => {
              const attended = new Set(overview.attendance[student.id] ?? []);
              return (
                <tr key={student.id} data-student={student.name}>
                  <th scope="row">
                    <Link href={`/dashboard/${encodeURIComponent(overview.class.id)}/students/${encodeURIComponent(student.id)}`}>{student.name}</Link>
                  </th>
                  {overview.sessions.map((s) => {
                    const present = attended.has(s.id);
                    return (
                      <td
                        key={s.id}
                        className="attendance-cell"
                        data-present={present}
                        aria-label={present ? t("present") : t("absent")}
                        title={present ? t("present") : t("absent")}
                      >
                        {present ? "●" : "·"}
                      </td>
                    );
                  })}
                  <td className="num" data-testid="attendance-total">
                    {attended.size}/{overview.sessions.length}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
