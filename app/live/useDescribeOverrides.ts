"use client";
/**
 * A group's overrides as a teacher or student reads them, in their language: "셀 LSTM, 은닉 크기 32"
 * (not the raw "cell=lstm").
 */
import { useTranslations } from "use-intl";
import type { GroupOverrides } from "../../lib/protocol/training";

export function useDescribeOverrides(): (overrides: GroupOverrides) => string {
  const t = useTranslations("devices");
  return (overrides) =>
    (Object.entries(overrides) as [keyof GroupOverrides, GroupOverrides[keyof GroupOverrides]][])
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        const shown =
          field === "cell"
            ? t(`cells.${value as "rnn" | "lstm" | "gru"}`)
            : (field === "clipNorm" || field === "dropout") && value === 0
              ? t("overrides.off")
              : String(value);
        return t("overrides.item", { field: t(`overrides.${field}`), value: shown });
      })
      .join(", ");
}
