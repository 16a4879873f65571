"use client";
/** One class: its roster, adding students, starting a session, past sessions, the class's time zone. */
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { RouteReply } from "../../../lib/api/routes";
import { RosterInput } from "../../components/RosterInput";
import { RosterRejections } from "../../components/RosterRejections";
import { callApi, type ClientError } from "../../lib/api";
import { useInstructorApi } from "../../lib/useInstructorApi";
import { InstructorPage } from "../../components/InstructorPage";
import { ClassTimeZone } from "../../components/ClassTimeZone";
import { isTimeZone } from "../../../lib/timeZone";

export default function ClassPage() {
  const t = useTranslations("classDetail");
  const format = useFormatter();
  const router = useRouter();
  const { classId } = useParams<{ classId: string }>();
  const { data, error, setData } = useInstructorApi(() => callApi("getClass", { params: { classId } }), [classId]);
  const [roster, setRoster] = useState("");
  const [actionError, setActionError] = useState<ClientError | null>(null);
  const [added, setAdded] = useState<RouteReply<"addStudents">["roster"] | null>(null);
  // The zone being typed; null until the teacher edits it (the class's stored zone is shown).
  const [zone, setZone] = useState<string | null>(null);
  const [zoneSaved, setZoneSaved] = useState(false);

  async function saveTimeZone(timeZone: string) {
    const reply = await callApi("setClassTimeZone", { params: { classId }, body: { timeZone } });
    if (!reply.ok) return setActionError(reply.error);
    setData({ class: reply.data.class });
    setZone(null);
    setZoneSaved(true);
  }

  async function addStudents() {
    const reply = await callApi("addStudents", { params: { classId }, body: { roster } });
    if (!reply.ok) return setActionError(reply.error);
    setData({ class: reply.data.class });
    setAdded(reply.data.roster);
    setRoster("");
  }

  async function start() {
    const reply = await callApi("startSession", { params: { classId } });
    if (!reply.ok) return setActionError(reply.error);
    router.push(`/sessions/${reply.data.session.id}`);
  }

  const c = data?.class;
  const live = c?.sessions.find((s) => s.status === "live");
  return (
    <InstructorPage error={error ?? actionError}>
      <Link href="/classes">{t("back")}</Link>
      {c && (
        <>
          <div className="row">
            <h1 data-testid="class-name">{c.name}</h1>
            <button onClick={start} data-testid="start-session">
              {live ? t("resume") : t("start")}
            </button>
            <Link href={`/dashboard/${c.id}`} className="button secondary">
              {t("dashboard")}
            </Link>
          </div>
          <section className="panel">
            <h2>
              {t("roster")} ({c.students.length})
            </h2>
            {c.students.length === 0 ? (
              <p className="muted">{t("noStudents")}</p>
            ) : (
              <ul className="name-list" data-testid="roster-list">
                {c.students.map((s) => (
                  <li key={s.id}>{s.name}</li>
                ))}
              </ul>
            )}
            <h3>{t("addStudents")}</h3>
            <RosterInput value={roster} onChange={setRoster} />
            <div className="row">
              <button onClick={addStudents} disabled={!roster.trim()}>
                {t("add")}
              </button>
              {added !== null && (
                <span className="ok" data-testid="roster-added">
                  {t("added", { count: added.added.length })}
                </span>
              )}
            </div>
            {added !== null && <RosterRejections rejected={added.rejected} />}
          </section>
          <section className="panel">
            <h2>{t("sessions")}</h2>
            <ClassTimeZone timeZone={c.timeZone}>
              {c.sessions.length === 0 ? (
                <p className="muted">{t("noSessions")}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t("date")}</th>
                      <th>{t("code")}</th>
                      <th>{t("status")}</th>
                      <th>{t("participants")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.sessions.map((s) => (
                      <tr key={s.id}>
                        <td>
                          <Link href={`/sessions/${s.id}`}>{format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })}</Link>
                        </td>
                        <td>{s.code}</td>
                        <td>
                          <span className={`pill ${s.status === "live" ? "online" : ""}`}>{s.status === "live" ? t("statusLive") : t("statusEnded")}</span>
                        </td>
                        <td>{s.participantCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </ClassTimeZone>
          </section>
          <section className="panel">
            <h2>{t("timeZone")}</h2>
            <p className="muted">{t("timeZoneHint")}</p>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                if (zone !== null && isTimeZone(zone.trim())) void saveTimeZone(zone.trim());
              }}
            >
              <input
                value={zone ?? c.timeZone}
                aria-label={t("timeZone")}
                aria-invalid={zone !== null && !isTimeZone(zone.trim())}
                onChange={(e) => {
                  setZone(e.target.value);
                  setZoneSaved(false);
                }}
                data-testid="class-time-zone"
              />
              <button type="submit" disabled={zone === null || !isTimeZone(zone.trim())} data-testid="save-time-zone">
                {t("saveTimeZone")}
              </button>
              {zoneSaved && <span className="ok">{t("timeZoneSaved")}</span>}
              {zone !== null && !isTimeZone(zone.trim()) && <span className="error">{t("timeZoneInvalid")}</span>}
            </form>
          </section>
        </>
      )}
    </InstructorPage>
  );
}
