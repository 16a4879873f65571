"use client";
/** The frame of every dashboard page: top bar, the dashboard's tabs, and the refusal screen; dates inside in the class's time zone once it is known. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { ClassTimeZone } from "../../components/ClassTimeZone";
import { Header } from "../../components/Header";
import type { ClientError } from "../../lib/api";
import "../dashboard.css";

export function DashboardShell({ classId, timeZone, children }: { classId: string; timeZone?: string; children: ReactNode }) {
  const t = useTranslations("dashboard");
  const path = usePathname();
  const tabs = [
    { href: `/dashboard/${encodeURIComponent(classId)}`, label: t("nav.overview") },
    { href: `/dashboard/${encodeURIComponent(classId)}/grid`, label: t("nav.grid") },
  ];
  return (
    <>
      <Header />
      <main>
        <nav className="dash-nav" aria-label={t("title")}>
          {tabs.map((tab) => (
            <Link key={tab.href} href={tab.href} aria-current={path === tab.href ? "page" : undefined}>
              {tab.label}
            </Link>
          ))}
        </nav>
        <ClassTimeZone timeZone={timeZone}>{children}</ClassTimeZone>
      </main>
    </>
  );
}

export function Refused({ error }: { error: ClientError }) {
  const t = useTranslations();
  return (
    <div className="stop-screen" data-testid="dashboard-refused" role="alert">
      <h1>{t("dashboard.refused")}</h1>
      <p>{t(`errors.${error.code}`)}</p>
      <p className="muted">{t("dashboard.refusedHint")}</p>
    </div>
  );
}

export function Loading() {
  const t = useTranslations("dashboard");
  return (
    <p className="muted" aria-busy="true">
      {t("loading")}
    </p>
  );
}
