"use client";
/** The run's numbers at a glance: status, step, losses (nats and bits/char), speed. */
import { useTranslations } from "use-intl";
import type { Progress } from "./messages";
import type { RunStatus } from "./trainingRun";

const STATUS_KEY = {
  idle: "statusIdle",
  preparing: "statusPreparing",
  ready: "statusReady",
  training: "statusTraining",
  paused: "statusPaused",
  error: "statusError",
} as const;
const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(3));

export function RunStats({ status, progress }: { status: RunStatus; progress: Progress | null }) {
  const t = useTranslations("training");
  return (
    <div
      className="run-stats"
      data-testid="run-stats"
      data-status={status}
      data-step={progress?.step ?? 0}
      data-train-loss={progress?.trainLoss ?? ""}
      data-val-loss={progress?.valLoss ?? ""}
    >
      <span className="pill">{t(STATUS_KEY[status])}</span>
      <span>
        {t("step")} <strong data-testid="step">{progress?.step ?? 0}</strong>
      </span>
      <span>
        {t("trainLoss")} <strong>{fmt(progress?.trainLoss)}</strong> nats · <strong>{fmt(progress ? progress.trainLoss / Math.LN2 : null)}</strong> bits
      </span>
      <span>
        {t("valLoss")} <strong>{fmt(progress?.valLoss)}</strong> nats · <strong>{fmt(progress?.valLoss != null ? progress.valLoss / Math.LN2 : null)}</strong>{" "}
        bits
      </span>
      <span>
        {t("charsPerSec")} <strong data-testid="chars-per-sec">{progress ? Math.round(progress.charsPerSec) : "–"}</strong>
      </span>
    </div>
  );
}
