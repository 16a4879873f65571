"use client";
/** Which backend trains this run and why: each candidate's speed or the reason it was passed over, in the page's language. */
import { useTranslations } from "use-intl";
import type { BackendName, BackendReason, BackendTrial, ThreadTrial } from "./messages";

type Translate = ReturnType<typeof useTranslations<"training">>;

/** The probe's reason (a code and its numbers, app/training/backends.ts) as a sentence of the catalog. */
function reasonText(t: Translate, reason: BackendReason): string {
  switch (reason.code) {
    case "noAdapter":
    case "notStarted":
    case "halfFloats":
      return t(`reason.${reason.code}`);
    case "probeMismatch":
      return t("reason.probeMismatch", { loss: reason.loss.toFixed(4), cpuLoss: reason.cpuLoss.toFixed(4) });
    case "slowerThan":
      return t("reason.slowerThan", { than: reason.than });
    case "slowerAtLeast":
      return t("reason.slowerAtLeast", { leastMs: Math.round(reason.leastMs), bestMs: Math.round(reason.bestMs), than: reason.than });
    case "threads":
      return t("reason.threads", { threads: reason.threads, tried: reason.tried.map((trial) => threadTrialText(t, trial)).join(", ") });
    case "error":
      return t("reason.error", { message: reason.message });
  }
}

function threadTrialText(t: Translate, trial: ThreadTrial): string {
  return "noThreads" in trial ? t("reason.noThreads") : t("reason.threadTrial", { threads: trial.threads, ms: Math.round(trial.stepMs) });
}

export function BackendInfo({ backend, trials }: { backend: BackendName | null; trials: BackendTrial[] }) {
  const t = useTranslations("training");
  if (!backend) return null;
  return (
    <div className="backend-info" data-testid="backend" data-backend={backend}>
      <strong>{t("backendUsed", { backend })}</strong>
      <ul>
        {trials.map((trial) => (
          <li key={trial.backend} data-status={trial.status} data-reason={trial.reason?.code}>
            {trial.backend}:{" "}
            {trial.status === "chosen" || trial.status === "ok"
              ? trial.charsPerSec
                ? t("speed", { speed: Math.round(trial.charsPerSec) })
                : t("notTimed")
              : t(`trial.${trial.status}`)}
            {trial.reason ? ` — ${reasonText(t, trial.reason)}` : ""}
            {trial.status === "chosen" ? ` ✓` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
