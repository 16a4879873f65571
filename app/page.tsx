"use client";
/** Landing page: students type the join code; instructors find their way to log in. */
import Link from "next/link";
import { useTranslations } from "use-intl";
import { Header } from "./components/Header";
import { JoinCodeForm } from "./components/JoinCodeForm";

export default function Home() {
  const t = useTranslations();
  return (
    <>
      <Header>
        <Link href="/lab">{t("nav.lab")}</Link>
        <Link href="/classes">{t("nav.classes")}</Link>
      </Header>
      <main>
        <h1>{t("app.name")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <JoinCodeForm />
      </main>
    </>
  );
}
