"use client";
/** Roster care: rename, archive or restore students, and merge a guest's seat into a roster student. */
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { Overview } from "../../../lib/api/dashboard";
import { callApi, type ClientError } from "../../lib/api";

export function RosterCare({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const t = useTranslations("dashboard.roster");
  const te = useTranslations("errors");
  const format = useFormatter();
  const classId = overview.class.id;
  const [error, setError] = useState<ClientError | null>(null);
  const [done, setDone] = useState(false);
  const [guest, setGuest] = useState("");
  const [target, setTarget] = useState("");
  const dates = new Map(overview.sessions.map((s) => [s.id, format.dateTime(new Date(s.createdAt), { dateStyle: "medium" })]));

  async function run(action: () => ReturnType<typeof callApi>) {
    const reply = await action();
    setError(reply.ok ? null : reply.error);
    setDone(reply.ok);
    if (reply.ok) onChanged();
  }
  const update = (rosterStudentId: string, body: { name?: string; archived?: boolean }) =>
    run(() => callApi("dashboardUpdateStudent", { params: { classId, rosterStudentId }, body }));

  return (
    <section className="panel no-print" data-testid="roster-care">
      <h2>{t("title")}</h2>
      <div className="dash-scroll">
        <table className="dash-table">
          <tbody>
            {overview.students.map((s) => (
              <RosterRow
                key={`${s.id}:${s.name}:${s.archived}`}
                student={s}
                onRename={(name) => update(s.id, { name })}
                onArchive={(archived) => update(s.id, { archived })}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("merge")}</h3>
      <p className="muted">{t("mergeHint")}</p>
      {overview.guests.length === 0 ? (
        <p className="muted">{t("noGuests")}</p>
      ) : (
        <div className="row">
          <label>
            {t("guest")}
            <select value={guest} onChange={(e) => setGuest(e.target.value)} data-testid="merge-guest">
              <option value="" />
              {overview.guests.map((g) => (
                <option key={g.participantId} value={g.participantId}>
                  {g.displayName} · {dates.get(g.sessionId)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("into")}
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="merge-target">
              <option value="" />
              {overview.students
                .filter((s) => !s.archived)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!guest || !target}
            onClick={() => run(() => callApi("dashboardMergeGuest", { params: { classId }, body: { participantId: guest, rosterStudentId: target } }))}
          >
            {t("mergeButton")}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {te(error.code)}
        </p>
      )}
      {done && !error && <p className="ok">{t("merged")}</p>}
    </section>
  );
}

function RosterRow({
  student,
  onRename,
  onArchive,
}: {
  student: Overview["students"][number];
  onRename(name: string): void;
  onArchive(archived: boolean): void;
}) {
  const t = useTranslations("dashboard.roster");
  const [name, setName] = useState(student.name);
  return (
    <tr data-student={student.name}>
      <td>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t("rename")} maxLength={24} />
        {student.archived && <span className="pill"> {t("archived")}</span>}
      </td>
      <td className="dash-actions">
        <button type="button" className="secondary" disabled={name.trim() === "" || name === student.name} onClick={() => onRename(name)}>
          {t("rename")}
        </button>
        <button type="button" className="secondary" onClick={() => onArchive(!student.archived)}>
          {student.archived ? t("restore") : t("archive")}
        </button>
      </td>
    </tr>
  );
}
