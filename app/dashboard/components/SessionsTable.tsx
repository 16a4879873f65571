"use client";
/** The class's sessions: date, length, attendance, model sessions pushed, quizzes run. */
import Link from "next/link";
import { useFormatter, useTranslations } from "use-intl";
import type { Overview } from "../../../lib/api/dashboard";

export function SessionsTable({ classId, sessions }: { classId: string; sessions: Overview["sessions"] }) {
  const t = useTranslations("dashboard.sessions");
  const format = useFormatter();
  return (
    <section className="panel">
      <h2>{t("title")}</h2>
      <div className="dash-scroll">
        <table className="dash-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th>{t("date")}</th>
              <th className="num">{t("length")}</th>
              <th className="num">{t("attendance")}</th>
              <th className="num">{t("models")}</th>
              <th className="num">{t("quizzes")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...sessions].reverse().map((s) => (
              <tr key={s.id} data-session={s.id}>
                <td>{format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                <td className="num">{s.endedAt === null ? t("live") : t("minutes", { value: Math.round((s.endedAt - s.createdAt) / 60_000) })}</td>
                <td className="num">
                  {s.attendance.roster}
                  {s.attendance.guests > 0 && <span className="muted"> · {t("guests", { count: s.attendance.guests })}</span>}
                </td>
                <td className="num">{s.modelSessions}</td>
                <td className="num">{s.quizzes}</td>
                <td>
                  <Link href={`/dashboard/${encodeURIComponent(classId)}/sessions/${encodeURIComponent(s.id)}`}>{t("report")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
