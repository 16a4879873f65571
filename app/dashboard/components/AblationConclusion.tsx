"use client";
/**
 * The ablation groups' comparison in words (lib/dashboard/ABLATION.md A1–A4): group sizes, the
 * headline means, the groups at equal steps and at equal time, and the verdict — "not enough
 * evidence" unless the data carry a conclusion.
 */
import { useTranslations } from "use-intl";
import type { SessionReport } from "../../../lib/api/dashboard";
import { MIN_STUDENTS_PER_GROUP } from "../../../lib/dashboard/ablation";

type Ablation = NonNullable<SessionReport["modelSessions"][number]["ablation"]>;

export function AblationConclusion({ ablation }: { ablation: Ablation }) {
  const t = useTranslations("devices.ablation");
  const list = (ranking: { label: string; value: number }[]) => ranking.map((r) => t("item", { label: r.label, value: r.value.toFixed(2) })).join(", ");
  const verdict = ablation.verdict;
  return (
    <div data-testid="ablation-conclusion" data-verdict={verdict.kind === "leads" ? "leads" : verdict.reason}>
      <p>{t("sizes", { items: ablation.groups.map((g) => t("size", { label: g.label, count: g.measured })).join(", ") })}</p>
      {ablation.ranking.length > 0 && <p>{t("byMeasure", { items: list(ablation.ranking) })}</p>}
      {ablation.atEqualSteps && ablation.atEqualSteps.ranking.length > 0 && (
        <p>{t("atSteps", { step: ablation.atEqualSteps.at, items: list(ablation.atEqualSteps.ranking) })}</p>
      )}
      {ablation.atEqualTime && ablation.atEqualTime.ranking.length > 0 && (
        <p>{t("atTime", { seconds: ablation.atEqualTime.at, items: list(ablation.atEqualTime.ranking) })}</p>
      )}
      <p>
        <strong>
          {verdict.kind === "leads"
            ? t("leads", { label: verdict.label })
            : verdict.reason === "fewStudents"
              ? t("fewStudents", { min: MIN_STUDENTS_PER_GROUP })
              : t(verdict.reason)}
        </strong>
      </p>
    </div>
  );
}
