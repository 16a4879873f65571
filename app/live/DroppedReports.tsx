"use client";
/**
 * The count of telemetry reports the server discarded (rule T7 in lib/training/SPEC.md), with what
 * each reason means, so a teacher is not left wondering whether "33 discarded" is a problem.
 */
import { useTranslations } from "use-intl";

const REASONS = ["STALE_MODEL_SESSION", "NOT_RUNNING", "NON_FINITE_LOSS", "STEP_BACKWARDS", "THROTTLED"] as const;

export function DroppedReports({ dropped }: { dropped: Record<string, number> }) {
  const t = useTranslations("devices.dropped");
  const total = Object.values(dropped).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return (
    <details className="small" data-testid="dropped-reports">
      <summary>{t("summary", { count: total })}</summary>
      <p className="muted">{t("intro")}</p>
      <ul>
        {REASONS.filter((reason) => dropped[reason]).map((reason) => (
          <li key={reason}>{t(`reason.${reason}`, { count: dropped[reason] })}</li>
        ))}
      </ul>
    </details>
  );
}
