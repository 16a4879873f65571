"use client";
/** Needs attention: each student to follow up with the reasons, and the class's thresholds. */
import Link from "next/link";
import { useState } from "react";
import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { AttentionReasonView, Overview } from "../../../lib/api/dashboard";
import type { AttentionSettings } from "../../../lib/dashboard/settings";
import { callApi, type ClientError } from "../../lib/api";
import { tagLabel } from "../../../lib/quiz/tags";
import { fixed, percent } from "./format";

export function AttentionPanel({ overview, onSaved }: { overview: Overview; onSaved(): void }) {
  const t = useTranslations("dashboard.attention");
  const format = useFormatter();
  const names = new Map(overview.students.map((s) => [s.id, s.name]));
  const locale = useLocale() === "en" ? "en" : "ko";
  const dates = new Map(overview.sessions.map((s) => [s.id, format.dateTime(new Date(s.createdAt), { dateStyle: "medium" })]));
  const reasonText = (r: AttentionReasonView): string => {
    switch (r.kind) {
      case "absent":
        return t("absent", { sessions: r.sessions });
      case "neverTrained":
        return t("neverTrained", { date: dates.get(r.sessionId) ?? "" });
      case "stuck":
        return t("stuck", { date: dates.get(r.sessionId) ?? "", steps: r.steps });
      case "behind":
        return t("behind", { date: dates.get(r.sessionId) ?? "", bpc: fixed(r.bpc), median: fixed(r.classMedian) });
      case "concept":
        return t("concept", { tag: tagLabel(r.tag, locale), accuracy: percent(r.accuracy), answered: r.answered });
      default: {
        const never: never = r;
        return String(never);
      }
    }
  };
  return (
    <section className="panel" data-testid="needs-attention">
      <h2>{t("title")}</h2>
      {overview.attention.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="attention-list">
          {overview.attention.map((a) => (
            <li key={a.rosterStudentId} data-student={names.get(a.rosterStudentId)}>
              <Link href={`/dashboard/${encodeURIComponent(overview.class.id)}/students/${encodeURIComponent(a.rosterStudentId)}`}>
                <strong>{names.get(a.rosterStudentId)}</strong>
              </Link>
              <ul className="reasons">
                {a.reasons.map((r, i) => (
                  <li key={i} data-reason={r.kind}>
                    {reasonText(r)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <SettingsForm classId={overview.class.id} settings={overview.settings} onSaved={onSaved} />
    </section>
  );
}

function SettingsForm({ classId, settings, onSaved }: { classId: string; settings: AttentionSettings; onSaved(): void }) {
  const t = useTranslations("dashboard.attention");
  const te = useTranslations("errors");
  const [draft, setDraft] = useState({ ...settings, conceptAccuracy: Math.round(settings.conceptAccuracy * 100) });
  const [status, setStatus] = useState<"idle" | "saved" | ClientError>("idle");
  const fields: { key: keyof AttentionSettings; step: string }[] = [
    { key: "absentSessions", step: "1" },
    { key: "minSteps", step: "1" },
    { key: "scoreGapBpc", step: "0.1" },
    { key: "conceptAccuracy", step: "5" },
    { key: "conceptMinAnswers", step: "1" },
  ];
  async function save() {
    const reply = await callApi("dashboardSettings", { params: { classId }, body: { ...draft, conceptAccuracy: draft.conceptAccuracy / 100 } });
    setStatus(reply.ok ? "saved" : reply.error);
    if (reply.ok) onSaved();
  }
  return (
    <details className="no-print">
      <summary>{t("settings")}</summary>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {fields.map((f) => (
          <label key={f.key}>
            {t(f.key)}
            <input
              type="number"
              inputMode="decimal"
              step={f.step}
              min={0}
              value={draft[f.key]}
              onChange={(e) => setDraft({ ...draft, [f.key]: Number(e.target.value) })}
              data-testid={`setting-${f.key}`}
            />
          </label>
        ))}
        <div className="dash-actions">
          <button type="submit">{t("save")}</button>
          {status === "saved" && <span className="ok">{t("saved")}</span>}
          {typeof status === "object" && <span className="error">{te(status.code)}</span>}
        </div>
      </form>
    </details>
  );
}
