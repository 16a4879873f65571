"use client";
/** The join-code box: students type the code the projector shows and go to its join page. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";

/** Codes are shown as `ABC123`; people type them with spaces, dashes or in lower case. */
function cleanCode(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]/g, "");
}

export function JoinCodeForm() {
  const t = useTranslations("home");
  const router = useRouter();
  const [code, setCode] = useState("");
  return (
    <form
      className="panel"
      data-testid="join-code-form"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = cleanCode(code);
        if (clean) router.push(`/join/${encodeURIComponent(clean)}`);
      }}
    >
      <label>
        {t("codeLabel")}
        <input
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          maxLength={12}
          autoComplete="off"
          autoCapitalize="characters"
          data-testid="join-code"
        />
      </label>
      <button type="submit" disabled={!cleanCode(code)}>
        {t("join")}
      </button>
    </form>
  );
}
