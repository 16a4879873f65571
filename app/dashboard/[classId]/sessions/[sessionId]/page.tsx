"use client";
/**
 * A past session's report on one page: class loss curves, ablation groups compared with a
 * one-line conclusion, the final leaderboard (public and private), quiz results per question
 * and the sample wall. Printable (dashboard.css print rules) and exportable as CSV.
 */
import Link from "next/link";
import { useParams } from "next/navigation";
import { useMemo } from "react";
import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { SessionReport } from "../../../../../lib/api/dashboard";
import { CsvButton } from "../../../components/CsvButton";
import { DashboardShell, Loading, Refused } from "../../../components/DashboardShell";
import { fixed, percent } from "../../../components/format";
import { LineChart, type ChartSeries } from "../../../components/LineChart";
import { AblationConclusion } from "../../../components/AblationConclusion";
import { useApiData } from "../../../components/useApiData";
import { tagLabel } from "../../../../../lib/quiz/tags";
import { isClassEntry } from "../../../../../lib/leaderboard/classEntry";

const PALETTE = ["#1f4fb0", "#d0642a", "#2a9d5b", "#9b3fb5", "#b5963f", "#3fa7b5", "#b53f5e", "#5e6b7a"];

export default function SessionReportPage() {
  const { classId, sessionId } = useParams<{ classId: string; sessionId: string }>();
  const report = useApiData("dashboardSession", { classId, sessionId });
  return (
    <DashboardShell classId={classId} timeZone={report.state === "ok" ? report.data.class.timeZone : undefined}>
      {report.state === "loading" && <Loading />}
      {report.state === "error" && <Refused error={report.error} />}
      {report.state === "ok" && <ReportView report={report.data} />}
    </DashboardShell>
  );
}

function ReportView({ report }: { report: SessionReport }) {
  const t = useTranslations("dashboard");
  const tb = useTranslations("leaderboard");
  const format = useFormatter();
  const locale = useLocale() === "en" ? "en" : "ko";
  const tc = useTranslations("classModel");
  const names = useMemo(() => new Map(report.participants.map((p) => [p.id, p.name])), [report]);
  // L16: the class model's leaderboard entry and sample are named in the reader's language.
  const nameOf = (participantId: string) => (isClassEntry(participantId) ? tc("title") : names.get(participantId));
  return (
    <>
      <div className="row">
        <h1>{t("report.title", { date: format.dateTime(new Date(report.session.createdAt), { dateStyle: "long" }) })}</h1>
        <span className="no-print dash-actions">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("nav.print")}
          </button>
          <CsvButton target={{ kind: "session", classId: report.class.id, sessionId: report.session.id }} label={t("export.sessionCsv")} />
        </span>
      </div>
      <p>
        {report.class.name} · {t("sessions.attendance")} {report.session.attendance.roster}
        {report.session.attendance.guests > 0 && ` + ${t("sessions.guests", { count: report.session.attendance.guests })}`}
      </p>

      {report.modelSessions.map((m) => (
        <section key={m.id} className="panel" data-model-session={m.id}>
          <h2>{t("report.modelSession", { version: m.version, cell: m.cell, corpus: m.corpus })}</h2>
          <ClassCurves curves={m.curves} names={names} title={t("report.curves")} classModel={m.classModel} classLabel={tc("title")} />
          {m.classModel && m.classModel.versions.length > 0 && (
            <>
              <h3>{tc("title")}</h3>
              <div className="dash-scroll">
                <table className="dash-table" data-testid="report-class-model">
                  <thead>
                    <tr>
                      <th className="num">{tc("version")}</th>
                      <th className="num">{tc("valLoss")}</th>
                      <th className="num">{tc("contributors")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.classModel.versions.map((v) => (
                      <tr key={v.version} data-testid="report-class-version">
                        <td className="num">{v.version}</td>
                        <td className="num">{fixed(v.valLoss)}</td>
                        <td className="num">{v.contributors}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {m.ablation && (
            <>
              <h3>
                {t("report.ablation")}{" "}
                <span className="muted">({m.ablation.measure === "verifiedBpc" ? t("report.measureVerified") : t("report.measureTrain")})</span>
              </h3>
              <table className="dash-table">
                <thead>
                  <tr>
                    <th />
                    <th className="num">{t("report.members")}</th>
                    <th className="num">{t("report.groupMean")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.ablation.groups.map((g) => (
                    <tr key={g.groupId}>
                      <td>{g.label}</td>
                      <td className="num">
                        {g.measured}/{g.members}
                      </td>
                      <td className="num">
                        {fixed(g.mean)} ± {fixed(g.sd)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <AblationConclusion ablation={m.ablation} />
            </>
          )}
          {m.leaderboard.length > 0 && (
            <>
              <h3>{t("report.leaderboard")}</h3>
              <div className="dash-scroll">
                <table className="dash-table" data-testid="final-leaderboard">
                  <thead>
                    <tr>
                      <th className="num">{t("report.publicRank")}</th>
                      <th>{t("csv.name")}</th>
                      <th className="num">{t("student.publicBpc")}</th>
                      <th className="num">{t("report.privateRank")}</th>
                      <th className="num">{t("student.privateBpc")}</th>
                      <th className="num">{t("student.novelty")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.leaderboard.map((row) => (
                      <tr key={row.participantId + String(row.disqualified)}>
                        <td className="num">{row.disqualified ? t("report.disqualified") : (row.publicRank ?? "–")}</td>
                        <td>
                          {nameOf(row.participantId)}
                          {row.flags
                            .filter((f) => f === "duplicate")
                            .map((f) => (
                              <span key={f} className="pill" data-testid={`report-flag-${f}`}>
                                {tb(`flag.${f}`)}
                              </span>
                            ))}
                        </td>
                        <td className="num">{fixed(row.publicBpc)}</td>
                        <td className="num">{row.privateRank ?? "–"}</td>
                        <td className="num">{fixed(row.privateBpc)}</td>
                        <td className="num">{percent(row.novelty)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {m.samples.length > 0 && (
            <>
              <h3>{t("report.samples")}</h3>
              <div className="sample-wall">
                {m.samples.map((s) => (
                  <figure key={s.participantId} style={{ margin: 0 }}>
                    <figcaption className="muted">
                      {nameOf(s.participantId)} · {fixed(s.publicBpc)} · T {s.temperature}
                    </figcaption>
                    <p className="sample-text">{s.text}</p>
                  </figure>
                ))}
              </div>
            </>
          )}
        </section>
      ))}

      {report.quizzes.map((q) => (
        <section key={q.roundId} className="panel">
          <h2>
            {t("report.quiz")}: {q.title}
          </h2>
          <div className="dash-scroll">
            <table className="dash-table" data-testid="quiz-results">
              <thead>
                <tr>
                  <th>{t("student.question")}</th>
                  <th className="num">{t("report.answered")}</th>
                  <th className="num">{t("report.fullyCorrect")}</th>
                  <th className="num">{t("report.meanCorrectness")}</th>
                  <th className="num">{t("report.meanTime")}</th>
                </tr>
              </thead>
              <tbody>
                {q.questions.map((question) => (
                  <tr key={question.index}>
                    <td style={{ whiteSpace: "normal" }}>
                      Q{question.index + 1}. {question.prompt[locale]}
                      {question.tags.map((tag) => (
                        <span key={tag} className="pill">
                          {" "}
                          {tagLabel(tag, locale)}
                        </span>
                      ))}
                    </td>
                    <td className="num">{question.answered}</td>
                    <td className="num">{question.fullyCorrect}</td>
                    <td className="num">{percent(question.meanCorrectness)}</td>
                    <td className="num">{question.meanElapsedMs === null ? "–" : (question.meanElapsedMs / 1000).toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="no-print">
        <Link href={`/dashboard/${encodeURIComponent(report.class.id)}`}>{t("nav.back")}</Link>
      </p>
    </>
  );
}

type ReportModelSession = SessionReport["modelSessions"][number];

function ClassCurves({
  curves,
  names,
  title,
  classModel,
  classLabel,
}: {
  curves: ReportModelSession["curves"];
  names: Map<string, string>;
  title: string;
  classModel: ReportModelSession["classModel"];
  classLabel: string;
}) {
  const series = useMemo((): ChartSeries[] => {
    const students = Object.entries(curves).map(([participantId, curve], i) => ({
      label: names.get(participantId) ?? participantId,
      x: curve.map((p) => p[0]),
      y: curve.map((p) => p[1]),
      color: PALETTE[i % PALETTE.length],
      width: 1.5,
    }));
    if (!classModel || classModel.versions.length === 0) return students;
    // The class model's validation curve, bold, on the students' step axis: version v is v × K local steps.
    const line = {
      label: classLabel,
      x: classModel.versions.map((v) => v.version * classModel.roundSteps),
      y: classModel.versions.map((v) => v.valLoss),
      color: "#111",
      width: 3,
    };
    return [...students, line];
  }, [curves, names, classModel, classLabel]);
  if (series.length === 0) return null;
  return <LineChart series={series} title={title} height={260} testId="class-loss-curves" />;
}
