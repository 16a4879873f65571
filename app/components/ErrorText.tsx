"use client";
/** An API or socket error, translated by its code, with field issues listed (as text). */
import { useTranslations } from "use-intl";
import type { ClientError } from "../lib/api";

export function ErrorText({ error }: { error: ClientError | null }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const issues = "issues" in error && error.issues ? Object.entries(error.issues) : [];
  return (
    <div className="error" role="alert" data-testid="error" data-code={error.code}>
      {t(error.code)}
      {error.code === "CONFLICT" || error.code === "BAD_REQUEST" ? <span className="muted"> ({error.message})</span> : null}
      {issues.length > 0 && (
        <ul>
          {issues.map(([field, messages]) => (
            <li key={field}>
              {field}: {messages.join(", ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
