"use client";
/** Landing page: students type the join code; teachers find the way to log in or sign up; students find what they made. */
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
        <h2>{t("devices.home.studentTitle")}</h2>
        <JoinCodeForm />
        <p>
          <Link href="/keep" data-testid="home-keep">
            {t("devices.home.keep")}
          </Link>
        </p>
        <section className="panel" data-testid="home-teacher">
          <h2>{t("devices.home.teacherTitle")}</h2>
          <p className="muted">{t("devices.home.teacherText")}</p>
          <div className="row">
            <Link className="button" href="/login?next=/classes" data-testid="home-login">
              {t("devices.home.login")}
            </Link>
            <Link className="button secondary" href="/signup">
              {t("devices.home.signup")}
            </Link>
          </div>
        </section>
      </main>
    </>
  );
}
