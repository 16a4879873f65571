"use client";
/** Header links for instructor pages, with log out. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { callApi } from "../lib/api";

export function InstructorNav() {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <>
      <Link href="/classes">{t("classes")}</Link>
      <Link href="/lab">{t("lab")}</Link>
      <button
        className="secondary"
        data-testid="logout"
        onClick={async () => {
          await callApi("logout", { body: {} });
          router.push("/login");
        }}
      >
        {t("logout")}
      </button>
    </>
  );
}
