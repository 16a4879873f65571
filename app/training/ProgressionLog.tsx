"use client";
/** Samples kept as training goes: noise turning into words, as in the lectures. */
import { useTranslations } from "use-intl";
import type { LogEntry } from "./checkpoints";

export function ProgressionLog({ log }: { log: LogEntry[] }) {
  const t = useTranslations("training");
  return (
    <section className="panel">
      <h2>{t("progressionTitle")}</h2>
      {log.length === 0 && <p className="muted">{t("progressionEmpty")}</p>}
      <ol className="progression" data-testid="progression-log">
        {log.map((entry) => (
          <li key={entry.step}>
            <span className="muted">{t("atStep", { step: entry.step })}</span>
            <pre className="sample-text">{entry.text}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
