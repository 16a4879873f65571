"use client";
/**
 * A student's page: attendance, training per session (time, steps, backend, speed, loss curves
 * redrawn from the stored history), submissions with verified scores, samples and temperature
 * cards, quiz answers, and the teacher's private note.
 */
import { useParams } from "next/navigation";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { StudentPage } from "../../../../../lib/api/dashboard";
import { callApi, type ClientError } from "../../../../lib/api";
import { AnswersTable } from "../../../components/AnswersTable";
import { SubmissionStatus } from "../../../../components/SubmissionStatus";
import { DashboardShell, Loading, Refused } from "../../../components/DashboardShell";
import { fixed, minutes, percent } from "../../../components/format";
import { LossCurve } from "../../../components/LossCurve";
import { useApiData } from "../../../components/useApiData";

export default function StudentDashboardPage() {
  const { classId, rosterStudentId } = useParams<{ classId: string; rosterStudentId: string }>();
  const page = useApiData("dashboardStudent", { classId, rosterStudentId });
  return (
    <DashboardShell classId={classId} timeZone={page.state === "ok" ? page.data.student.classTimeZone : undefined}>
      {page.state === "loading" && <Loading />}
      {page.state === "error" && <Refused error={page.error} />}
      {page.state === "ok" && <StudentView data={page.data} />}
    </DashboardShell>
  );
}

function StudentView({ data }: { data: StudentPage }) {
  const t = useTranslations("dashboard.student");
  const format = useFormatter();
  const total = data.sessions.reduce((sum, s) => sum + s.trainingMs, 0);
  return (
    <>
      <h1 data-testid="student-name">{data.student.name}</h1>
      <p>
        {t("attended", { count: data.sessions.length, total: data.sessionCount })} · {t("trainingTotal", { minutes: minutes(total) })}
      </p>
      <NoteEditor classId={data.student.classId} studentId={data.student.id} initial={data.student.note} />

      <section className="panel">
        <h2>{t("sessions")}</h2>
        {data.sessions.every((s) => s.modelSessions.length === 0) && <p className="muted">{t("noTraining")}</p>}
        {data.sessions.map((s) => (
          <div key={s.sessionId} data-session={s.sessionId}>
            <h3>{format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })}</h3>
            {s.modelSessions.map((m) => (
              <div key={m.modelSessionId} className="panel">
                <p>
                  <strong>{t("modelVersion", { version: m.version })}</strong>
                  {m.group && (
                    <span className="pill">
                      {" "}
                      {t("group")}: {m.group}
                    </span>
                  )}{" "}
                  · {t("steps")} {m.step} · {minutes(m.trainingMs)} min · {t("backend")} {m.backend} · {t("speed")} {Math.round(m.charsPerSec)}
                </p>
                {m.curve.length > 0 && <LossCurve curve={m.curve} title={t("curve")} testId="student-loss-curve" />}
              </div>
            ))}
          </div>
        ))}
      </section>

      <section className="panel">
        <h2>{t("submissions")}</h2>
        {data.submissions.length === 0 ? (
          <p className="muted">{t("noSubmissions")}</p>
        ) : (
          data.submissions.map((s) => (
            <article key={s.id} className="panel" data-testid="submission">
              <p>
                {format.dateTime(new Date(s.createdAt), { dateStyle: "short", timeStyle: "short" })} · {t("status")}: <SubmissionStatus status={s.status} /> ·{" "}
                {t("publicBpc")} {fixed(s.publicBpc)} · {t("privateBpc")} {fixed(s.privateBpc)} · {t("novelty")} {percent(s.novelty)} · {t("steps")} {s.step} ·{" "}
                {s.backend}
              </p>
              {s.disqualifiedReason && <p className="error">{t("disqualified", { reason: s.disqualifiedReason })}</p>}
              <p className="muted">
                {t("sample")} ({t("temperature", { value: s.sampleTemperature })})
              </p>
              <p className="sample-text">{s.sampleText}</p>
              {s.temperatureCard.length > 0 && (
                <details open>
                  <summary>{t("temperatureCard")}</summary>
                  {s.temperatureCard.map((c) => (
                    <div key={c.temperature}>
                      <span className="muted">{t("temperature", { value: c.temperature })}</span>
                      <p className="sample-text">{c.text}</p>
                    </div>
                  ))}
                </details>
              )}
            </article>
          ))
        )}
      </section>

      <section className="panel">
        <h2>{t("answers")}</h2>
        <AnswersTable answers={data.answers} />
      </section>
    </>
  );
}

function NoteEditor({ classId, studentId, initial }: { classId: string; studentId: string; initial: string }) {
  const t = useTranslations("dashboard.student");
  const te = useTranslations("errors");
  const [note, setNote] = useState(initial);
  const [status, setStatus] = useState<"idle" | "saved" | ClientError>("idle");
  return (
    <section className="panel no-print">
      <label>
        {t("note")}
        <textarea
          value={note}
          maxLength={5000}
          onChange={(e) => {
            setNote(e.target.value);
            setStatus("idle");
          }}
          data-testid="teacher-note"
        />
      </label>
      <div className="dash-actions">
        <button
          type="button"
          onClick={async () => {
            const reply = await callApi("dashboardUpdateStudent", { params: { classId, rosterStudentId: studentId }, body: { note } });
            setStatus(reply.ok ? "saved" : reply.error);
          }}
        >
          {t("saveNote")}
        </button>
        {status === "saved" && <span className="ok">{t("noteSaved")}</span>}
        {typeof status === "object" && <span className="error">{te(status.code)}</span>}
      </div>
    </section>
  );
}
