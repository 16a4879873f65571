"use client";
/** Landing page: students type the join code; instructors find their way to log in. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Header } from "./components/Header";

export default function Home() {
  const t = useTranslations();
  const router = useRouter();
  const [code, setCode] = useState("");
  return (
    <>
      <Header>
        <Link href="/lab">{t("nav.lab")}</Link>
        <Link href="/classes">{t("nav.classes")}</Link>
      </Header>
      <main>
        <h1>{t("app.name")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            const clean = code.trim().toUpperCase().replace(/[\s-]/g, "");
            if (clean) router.push(`/join/${encodeURIComponent(clean)}`);
          }}
        >
          <label>
            {t("home.codeLabel")}
            <input className="code-input" value={code} onChange={(e) => setCode(e.target.value)} maxLength={12} autoComplete="off" autoCapitalize="characters" data-testid="join-code" />
          </label>
          <button type="submit">{t("home.join")}</button>
        </form>
      </main>
    </>
  );
}
