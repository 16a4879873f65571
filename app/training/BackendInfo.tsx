"use client";
/** Which backend trains this run and why: each candidate's speed or the reason it was passed over. */
import { useTranslations } from "use-intl";
import type { BackendName, BackendTrial } from "./messages";

export function BackendInfo({ backend, trials }: { backend: BackendName | null; trials: BackendTrial[] }) {
  const t = useTranslations("training");
  if (!backend) return null;
  return (
    <div className="backend-info" data-testid="backend" data-backend={backend}>
      <strong>{t("backendUsed", { backend })}</strong>
      <ul>
        {trials.map((trial) => (
          <li key={trial.backend} data-status={trial.status}>
            {trial.backend}:{" "}
            {trial.status === "chosen" || trial.status === "ok"
              ? trial.charsPerSec
                ? t("speed", { speed: Math.round(trial.charsPerSec) })
                : t("notTimed")
              : t(`trial.${trial.status}`)}
            {trial.detail ? ` — ${trial.detail}` : ""}
            {trial.status === "chosen" ? ` ✓` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
