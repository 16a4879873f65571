"use client";
/** A dot and a word: connected, connecting, or offline and retrying. */
import { useTranslations } from "use-intl";
import { useConnection } from "../stores/connection";

export function ConnectionIndicator() {
  const t = useTranslations("connection");
  const { status, fatal } = useConnection();
  if (status === "idle") return null;
  const state = fatal ? "fatal" : status;
  return (
    <span className="connection" data-state={state} role="status" aria-live="polite" data-testid="connection">
      <span className="connection-dot" aria-hidden /> {t(state === "fatal" ? "fatal" : state)}
    </span>
  );
}
