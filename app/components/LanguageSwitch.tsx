"use client";
/** 한국어 / English: stores the choice in a cookie and re-renders the page in that language. */
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "use-intl";
import { LOCALES, LOCALE_COOKIE, type Locale } from "../../lib/i18n/config";

const LABELS: Record<Locale, string> = { ko: "한국어", en: "English" };

export function LanguageSwitch() {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("nav");
  return (
    <label className="language-switch">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; Path=/; Max-Age=31536000; SameSite=Lax`;
          router.refresh();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
