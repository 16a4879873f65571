"use client";
/**
 * Shows the dates and times inside it in a class's time zone (Class.timeZone, lib/timeZone.ts):
 * the same language and messages as the page, only the zone differs from the app's default.
 */
import type { ReactNode } from "react";
import { IntlProvider, useLocale, useMessages } from "use-intl";

export function ClassTimeZone({ timeZone, children }: { timeZone: string | undefined; children: ReactNode }) {
  const locale = useLocale();
  const messages = useMessages();
  if (!timeZone) return <>{children}</>;
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}
