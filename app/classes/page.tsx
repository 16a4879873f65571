"use client";
/** The instructor's classes, and a form to create one with a roster. */
import { browserTimeZone } from "../../lib/timeZone";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { ErrorText } from "../components/ErrorText";
import { RosterInput } from "../components/RosterInput";
import { callApi, type ClientError } from "../lib/api";
import { useInstructorApi } from "../lib/useInstructorApi";
import { InstructorPage } from "../components/InstructorPage";

export default function ClassesPage() {
  const t = useTranslations("classes");
  const router = useRouter();
  const { data, error } = useInstructorApi(() => callApi("listClasses"), []);
  const [name, setName] = useState("");
  const [roster, setRoster] = useState("");
  const [createError, setCreateError] = useState<ClientError | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const reply = await callApi("createClass", { body: { name, roster, timeZone: browserTimeZone() } });
    if (!reply.ok) return setCreateError(reply.error);
    router.push(`/classes/${reply.data.class.id}`);
  }

  return (
    <InstructorPage error={error}>
      <h1>{t("title")}</h1>
      {/* Nothing below until the server says who is asking: a logged-out visitor is sent to the login page without seeing the form first. */}
      {data && (
        <>
          {data.classes.length === 0 && <p className="muted">{t("empty")}</p>}
          <div className="grid">
            {data.classes.map((c) => (
              <Link key={c.id} href={`/classes/${c.id}`} className="panel class-card" data-testid="class-card">
                <strong>{c.name}</strong>
                <div className="muted">
                  {t("students", { count: c.studentCount })} · {t("sessions", { count: c.sessionCount })}
                </div>
                {c.liveSession && <span className="pill online">{t("live", { code: c.liveSession.code })}</span>}
              </Link>
            ))}
          </div>
          <h2>{t("createTitle")}</h2>
          <form className="panel" onSubmit={create} data-testid="create-class">
            <label>
              {t("name")}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} name="className" />
            </label>
            <RosterInput value={roster} onChange={setRoster} />
            <ErrorText error={createError} />
            <button type="submit">{t("create")}</button>
          </form>
        </>
      )}
    </InstructorPage>
  );
}
