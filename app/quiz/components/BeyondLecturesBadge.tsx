"use client";
/** Marks a question whose content the five lectures do not teach, for the instructor (never shown to students). */
import { useTranslations } from "use-intl";

export function BeyondLecturesBadge() {
  const t = useTranslations("quizEngine");
  return (
    <span className="pill quiz-beyond" title={t("beyondLecturesTitle")} data-testid="beyond-lectures">
      {t("beyondLecturesBadge")}
    </span>
  );
}
