"use client";
/**
 * Downloads a CSV export: the server sends the file's text (with its BOM); this saves it as a Blob.
 * Times in the file are in the class's time zone: a setting kept per class in this browser,
 * defaulting to the browser's own zone (Asia/Seoul when it names none).
 */
import { useEffect, useState } from "react";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../../../lib/dashboard/exports";
import { useLocale, useTranslations } from "use-intl";
import { callApi, type ClientError } from "../../lib/api";

type Target = { kind: "class"; classId: string } | { kind: "session"; classId: string; sessionId: string };

export function CsvButton({ target, label }: { target: Target; label: string }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "ko";
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const zoneKey = `rc:timeZone:${target.classId}`;
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  useEffect(() => setTimeZone(localStorage.getItem(zoneKey) ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? DEFAULT_TIME_ZONE), [zoneKey]);
  const zoneValid = isTimeZone(timeZone);
  async function download() {
    setBusy(true);
    const reply =
      target.kind === "class"
        ? await callApi("dashboardClassCsv", { params: { classId: target.classId }, body: { locale, timeZone } })
        : await callApi("dashboardSessionCsv", { params: { classId: target.classId, sessionId: target.sessionId }, body: { locale, timeZone } });
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
      <button type="button" className="secondary" onClick={download} disabled={busy || !zoneValid} data-testid={`csv-${target.kind}`}>
        {label}
      </button>{" "}
      <label className="inline small">
        {t("devices.timeZone")}{" "}
        <input
          value={timeZone}
          size={16}
          aria-invalid={!zoneValid}
          onChange={(e) => {
            setTimeZone(e.target.value);
            if (isTimeZone(e.target.value)) localStorage.setItem(zoneKey, e.target.value);
          }}
          data-testid="csv-time-zone"
        />
      </label>
      {error && <span className="error"> {t(`errors.${error.code}`)}</span>}
    </span>
  );
}
