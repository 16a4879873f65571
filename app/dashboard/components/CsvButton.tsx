"use client";
/**
 * Downloads a CSV export: the server sends the file's text (with its BOM); this saves it as a Blob.
 * Times in the file are in the class's time zone, which the server keeps on the class (set on the
 * class page, lib/timeZone.ts).
 */
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { callApi, type ClientError } from "../../lib/api";

type Target = { kind: "class"; classId: string } | { kind: "session"; classId: string; sessionId: string };

export function CsvButton({ target, label }: { target: Target; label: string }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "ko";
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    const reply =
      target.kind === "class"
        ? await callApi("dashboardClassCsv", { params: { classId: target.classId }, body: { locale } })
        : await callApi("dashboardSessionCsv", { params: { classId: target.classId, sessionId: target.sessionId }, body: { locale } });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setError(null);
    const url = URL.createObjectURL(new Blob([reply.data.csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = reply.data.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <span className="no-print">
      <button type="button" className="secondary" onClick={download} disabled={busy} data-testid={`csv-${target.kind}`}>
        {label}
      </button>
      {error && <span className="error"> {t(`errors.${error.code}`)}</span>}
    </span>
  );
}
