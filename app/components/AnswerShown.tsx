"use client";
/**
 * A stored quiz answer as the student saw it (lib/dashboard/answerView.ts): option texts, O/X, the
 * number with its unit, their text. Used by the dashboard's answers table and the student's keep page.
 */
import { useTranslations } from "use-intl";
import type { AnswerShown as AnswerView } from "../../lib/dashboard/answerView";

export function AnswerShown({ answer, locale }: { answer: AnswerView; locale: "ko" | "en" }) {
  const t = useTranslations("devices.answer");
  switch (answer.kind) {
    case "options":
      return <>{answer.texts.map((text) => text[locale]).join(", ")}</>;
    case "order":
      return <>{answer.texts.map((text) => text[locale]).join(" → ")}</>;
    case "truefalse":
      return <>{answer.value ? t("true") : t("false")}</>;
    case "number":
      return <>{answer.unit && !answer.text.includes(answer.unit) ? `${answer.text} ${answer.unit}` : answer.text}</>;
    case "text":
    case "raw":
      return <>{answer.text}</>;
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}
