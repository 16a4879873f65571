"use client";
/**
 * One row per student: group, status flags, backend, speed, loss, a sparkline; sortable; spotlight and group moves.
 * T13: backend, speed and loss are what the browser reported — marked so, never shown as verified.
 */
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import type { HistoryPoint, ModelSessionView, ProgressEntry } from "../../lib/protocol/training";
import type { ParticipantView } from "../../lib/protocol/views";

type SortKey = "name" | "step" | "loss" | "speed";

/** A tiny trend line of a student's loss (not a chart: it carries no axes, only a shape). */
function Sparkline({ points }: { points: HistoryPoint[] }) {
  if (points.length < 2) return null;
  const xs = points.map((p) => p.step);
  const ys = points.map((p) => p.trainLoss);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const path = points
    .map((p) => `${(((p.step - x0) / Math.max(1, x1 - x0)) * 80).toFixed(1)},${(20 - ((p.trainLoss - y0) / Math.max(1e-9, y1 - y0)) * 18 - 1).toFixed(1)}`)
    .join(" ");
  return (
    <svg width="80" height="20" aria-hidden>
      <polyline points={path} fill="none" stroke="#4b3fd6" strokeWidth="1.5" />
    </svg>
  );
}

export function ClassGrid({
  participants,
  progress,
  history,
  assignments,
  modelSession,
  spotlight,
  onSpotlight,
  onAssign,
  onShare,
}: {
  participants: ParticipantView[];
  progress: Record<string, ProgressEntry>;
  history: Record<string, HistoryPoint[]>;
  assignments: Record<string, string>;
  modelSession: ModelSessionView | null;
  spotlight: string | null;
  onSpotlight: (participantId: string | null) => void;
  onAssign: (participantId: string, groupId: string) => void;
  onShare: (participantId: string) => void;
}) {
  const t = useTranslations("live");
  const [sort, setSort] = useState<SortKey>("name");
  const rows = useMemo(() => {
    const list = participants.map((p) => ({ p, e: progress[p.id] }));
    const by: Record<SortKey, (a: (typeof list)[number], b: (typeof list)[number]) => number> = {
      name: (a, b) => a.p.displayName.localeCompare(b.p.displayName),
      step: (a, b) => (b.e?.step ?? -1) - (a.e?.step ?? -1),
      loss: (a, b) => (a.e?.trainLoss ?? Infinity) - (b.e?.trainLoss ?? Infinity),
      speed: (a, b) => (b.e?.charsPerSec ?? -1) - (a.e?.charsPerSec ?? -1),
    };
    return list.sort(by[sort]);
  }, [participants, progress, sort]);
  const groups = modelSession?.groups ?? [];
  /** T13: a column of figures the browser reported. */
  const reported = (
    <sup className="muted" title={t("reportedLegend")} data-testid="reported-mark">
      {" "}
      ({t("reportedMark")})
    </sup>
  );
  const header = (key: SortKey, label: string, selfReported = false) => (
    <th>
      <button className="link" onClick={() => setSort(key)} aria-pressed={sort === key}>
        {label}
        {sort === key ? " ▾" : ""}
      </button>
      {selfReported && reported}
    </th>
  );

  return (
    <section className="panel">
      <h2>{t("grid")}</h2>
      <table className="class-grid" data-testid="class-grid">
        <thead>
          <tr>
            {header("name", t("name"))}
            {groups.length > 0 && <th>{t("group")}</th>}
            <th>{t("status")}</th>
            <th>
              {t("backend")}
              {reported}
            </th>
            {header("speed", t("speed"), true)}
            {header("step", t("step"))}
            {header("loss", t("loss"), true)}
            <th>{t("curve")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ p, e }) => (
            <tr key={p.id} data-testid="grid-row" data-name={p.displayName} data-step={e?.step ?? 0} data-flags={e?.flags.join(" ") ?? ""}>
              <td>
                {p.displayName} <span className={`pill ${p.connected ? "online" : "offline"}`}>{p.connected ? "●" : "○"}</span>
              </td>
              {groups.length > 0 && (
                <td>
                  <select value={assignments[p.id] ?? ""} onChange={(ev) => onAssign(p.id, ev.target.value)} aria-label={t("group")}>
                    <option value="" disabled>
                      –
                    </option>
                    {groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.label}
                      </option>
                    ))}
                  </select>
                </td>
              )}
              <td>
                {!e && <span className="muted">{t("noProgress")}</span>}
                {e && e.flags.length === 0 && <span className="pill online">{t("onTrack")}</span>}
                {e?.flags.map((f) => (
                  <span key={f} className="pill offline">
                    {t(`flag_${f}`)}
                  </span>
                ))}
              </td>
              <td>{e?.backend ?? "–"}</td>
              <td>{e ? Math.round(e.charsPerSec) : "–"}</td>
              <td>{e?.step ?? "–"}</td>
              <td>{e ? e.trainLoss.toFixed(3) : "–"}</td>
              <td>
                <Sparkline points={history[p.id] ?? []} />
              </td>
              <td>
                <button
                  className="secondary small"
                  onClick={() => onSpotlight(spotlight === p.id ? null : p.id)}
                  aria-pressed={spotlight === p.id}
                  data-testid="spotlight-button"
                >
                  {spotlight === p.id ? t("spotlit") : t("spotlight")}
                </button>{" "}
                <button className="secondary small" onClick={() => onShare(p.id)} title={t("shareHint")} data-testid="share-button">
                  {t("share")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t("reportedLegend")}</p>
    </section>
  );
}
