"use client";
/** F15: the class model against the best single student at equal wall-clock time (projector and console). */
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { classVsBest } from "../../lib/federated/compare";
import type { VersionSummary } from "../../lib/protocol/federated";
import type { HistoryPoint } from "../../lib/protocol/training";

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function ClassVsBestCard({
  versions,
  history,
  members,
  names,
}: {
  versions: VersionSummary[];
  history: Record<string, HistoryPoint[]>;
  members: string[];
  names: Record<string, string>;
}) {
  const t = useTranslations("classModel.vs");
  const c = useMemo(() => classVsBest(versions, Object.values(history).flat(), new Set(members)), [versions, history, members]);
  if (versions.length === 0) return null;
  if (!c)
    return (
      <section className="panel" data-testid="class-vs-best" data-empty="true">
        <h3>{t("title")}</h3>
        <p className="muted">{t("none")}</p>
      </section>
    );
  const delta = Math.abs(c.best.valLoss - c.classLoss).toFixed(2);
  return (
    <section className="panel class-vs-best" data-testid="class-vs-best" data-at-ms={c.atMs} data-class-loss={c.classLoss} data-best-loss={c.best.valLoss}>
      <h3>{t("title")}</h3>
      <p className="muted">{t("at", { time: clock(c.atMs) })}</p>
      <div className="row">
        <p>
          <strong>{t("class", { version: c.classVersion })}</strong>
          <br />
          <span className="big-number">{c.classLoss.toFixed(2)}</span>
        </p>
        <p>
          {t("best", { students: c.students, name: names[c.best.participantId] ?? "" })}
          <br />
          <span className="big-number">{c.best.valLoss.toFixed(2)}</span>
        </p>
      </div>
      <p>{c.classLoss < c.best.valLoss ? t("ahead", { delta }) : t("behind", { delta })}</p>
    </section>
  );
}
