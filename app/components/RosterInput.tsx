"use client";
/** A roster textarea (paste names or CSV, or load a file) with a live preview of what will be added. */
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { decodeRosterFile, parseRoster } from "../../lib/roster";
import { RosterRejections } from "./RosterRejections";

export function RosterInput({ value, onChange, name = "roster" }: { value: string; onChange: (value: string) => void; name?: string }) {
  const t = useTranslations("classes");
  const parsed = useMemo(() => parseRoster(value), [value]);
  return (
    <div>
      <label>
        {t("roster")}
        <textarea name={name} value={value} onChange={(e) => onChange(e.target.value)} data-testid="roster-input" />
      </label>
      <label>
        {t("rosterFile")}
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) onChange(decodeRosterFile(new Uint8Array(await file.arrayBuffer())));
          }}
        />
      </label>
      {value.trim() && (
        <div className="muted" data-testid="roster-preview">
          {t("preview", { count: parsed.names.length })}
          <RosterRejections rejected={parsed.rejected} />
        </div>
      )}
    </div>
  );
}
