"use client";
/** Instructor sign-up and log-in: one form, two modes. */
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { callApi, type ClientError } from "../lib/api";
import { safeNextPath } from "../../lib/safeRedirect";
import { ErrorText } from "./ErrorText";
import { Header } from "./Header";

export function AuthForm({ mode }: { mode: "signup" | "login" }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    const reply =
      mode === "signup"
        ? await callApi("signup", { body: { email, password, displayName: String(form.get("displayName") ?? "") } })
        : await callApi("login", { body: { email, password } });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    router.push(safeNextPath(params.get("next")));
  }

  return (
    <>
      <Header />
      <main>
        <h1>{t(mode === "signup" ? "signupTitle" : "loginTitle")}</h1>
        <form className="panel" onSubmit={submit} data-testid={`${mode}-form`}>
          <label>
            {t("email")}
            <input name="email" type="email" autoComplete="email" required />
          </label>
          {mode === "signup" && (
            <label>
              {t("displayName")}
              <input name="displayName" autoComplete="name" required maxLength={24} />
            </label>
          )}
          <label>
            {t("password")}
            <input
              name="password"
              type="password"
              autoComplete={mode === "signup" ? "new-password" : "current-password"}
              required
              minLength={mode === "signup" ? 8 : 1}
            />
          </label>
          <ErrorText error={error} />
          <div className="row">
            <button type="submit" disabled={busy}>
              {t(mode)}
            </button>
            <Link href={mode === "signup" ? "/login" : "/signup"}>{t(mode === "signup" ? "haveAccount" : "noAccount")}</Link>
          </div>
        </form>
      </main>
    </>
  );
}
