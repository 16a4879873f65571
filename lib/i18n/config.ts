/** The UI's languages. Korean is the default; the choice is kept in a cookie read by app/layout.tsx. Shared by the pages and the server (CSV exports in the reader's language). */
import ko from "./ko.json";
import en from "./en.json";

export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ko";
export const LOCALE_COOKIE = "locale";

export const catalogs = { ko, en } satisfies Record<Locale, typeof ko>;
export type Messages = typeof ko;

export function resolveLocale(value: string | undefined): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;
}
