"use client";
/** The top bar of every page: product name, navigation slot, connection indicator, language. */
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { LanguageSwitch } from "./LanguageSwitch";

export function Header({ children }: { children?: ReactNode }) {
  const t = useTranslations("app");
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t("name")}
      </Link>
      <nav className="topbar-nav">{children}</nav>
      <ConnectionIndicator />
      <LanguageSwitch />
    </header>
  );
}
