"use client";
/**
 * Why one group takes fewer steps than another: shown on the student's and the class view when the
 * groups train different cells (an LSTM step computes four gates, a GRU step three, an RNN step one).
 */
import { useTranslations } from "use-intl";
import type { ModelSessionView } from "../../lib/protocol/training";

export function StepCostNote({ modelSession }: { modelSession: ModelSessionView }) {
  const t = useTranslations("devices");
  const cells = new Set(modelSession.groups.map((g) => g.overrides.cell ?? modelSession.config.cell));
  if (cells.size < 2) return null;
  return (
    <p className="muted small" data-testid="step-cost-note">
      {t("stepCost")}
    </p>
  );
}
