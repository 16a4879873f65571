"use client";
/** Every student's loss curve (faint) and each group's mean with its interquartile band, live. */
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "use-intl";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { HistoryPoint, ModelSessionView } from "../../lib/protocol/training";
import { groupCurve, resample } from "./curves";

const GROUP_COLOURS = ["#4b3fd6", "#d6663f", "#1a8a4a", "#b3279b"];

/** Axis type for the console, and larger for the projector (read from the back of the room). */
const AXES = {
  console: {
    font: "12px 'Noto Sans KR', system-ui, sans-serif",
    labelFont: "bold 12px 'Noto Sans KR', system-ui, sans-serif",
    size: 50,
    labelSize: 30,
    meanWidth: 3,
  },
  projector: {
    font: "22px 'Noto Sans KR', system-ui, sans-serif",
    labelFont: "bold 24px 'Noto Sans KR', system-ui, sans-serif",
    size: 80,
    labelSize: 44,
    meanWidth: 6,
  },
};

export function ClassCurves({
  history,
  modelSession,
  assignments,
  height = 300,
  allLabel,
  projector = false,
  classModel = null,
  classModelLabel = "",
}: {
  history: Record<string, HistoryPoint[]>;
  modelSession: ModelSessionView | null;
  assignments: Record<string, string>;
  height?: number;
  allLabel: string;
  projector?: boolean;
  /** The class model's validation loss per version (lib/federated), drawn as a bold line. */
  classModel?: { steps: number[]; valLoss: number[] } | null;
  classModelLabel?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const stepLabel = useTranslations("training")("step");
  const lossLabel = useTranslations("devices")("lossNats");
  const groups = useMemo(
    () => (modelSession?.groups.length ? modelSession.groups : [{ id: "", label: allLabel, position: 0, overrides: {} }]),
    [modelSession, allLabel],
  );
  const data = useMemo(() => {
    const curves = resample(history);
    const ids = Object.keys(curves.students);
    const perGroup = groups.map((g) => groupCurve(curves, g.id ? ids.filter((id) => assignments[id] === g.id) : ids));
    return { curves, ids, perGroup };
  }, [history, groups, assignments]);

  useEffect(() => {
    if (!host.current) return;
    const look = AXES[projector ? "projector" : "console"];
    const axis = { font: look.font, labelFont: look.labelFont, size: look.size, labelSize: look.labelSize };
    const series: uPlot.Series[] = [{ label: stepLabel }];
    const columns: (number | null)[][] = [];
    data.ids.forEach((id) => {
      series.push({ label: "", stroke: "rgba(98,98,122,0.25)", width: 1, points: { show: false }, spanGaps: true });
      columns.push(data.curves.students[id]);
    });
    groups.forEach((g, i) => {
      const colour = GROUP_COLOURS[i % GROUP_COLOURS.length];
      series.push({ label: `${g.label} p25`, stroke: colour, width: 0.5, dash: [4, 4] });
      columns.push(data.perGroup[i].p25);
      series.push({ label: `${g.label} p75`, stroke: colour, width: 0.5, dash: [4, 4] });
      columns.push(data.perGroup[i].p75);
      series.push({ label: g.label, stroke: colour, width: look.meanWidth });
      columns.push(data.perGroup[i].mean);
    });
    let steps = data.curves.steps;
    if (classModel) {
      // One x axis for all: the students' steps and the class versions' steps, each column null where it has no point.
      steps = [...new Set([...steps, ...classModel.steps])].sort((a, b) => a - b);
      const at = new Map(data.curves.steps.map((x, i) => [x, i]));
      for (let c = 0; c < columns.length; c++) columns[c] = steps.map((x) => (at.has(x) ? columns[c][at.get(x)!] : null));
      const classAt = new Map(classModel.steps.map((x, i) => [x, classModel.valLoss[i]]));
      series.push({ label: classModelLabel, stroke: "#111", width: look.meanWidth * 1.5, spanGaps: true });
      columns.push(steps.map((x) => classAt.get(x) ?? null));
      series.forEach((s, i) => i > 0 && (s.spanGaps = true));
    }
    const chart = new uPlot(
      {
        width: host.current.clientWidth || 800,
        height,
        scales: { x: { time: false } },
        legend: { show: false },
        series,
        axes: [
          { label: stepLabel, ...axis },
          { label: lossLabel, ...axis },
        ],
      },
      [steps, ...columns] as uPlot.AlignedData,
      host.current,
    );
    return () => chart.destroy();
  }, [data, groups, height, projector, stepLabel, lossLabel, classModel, classModelLabel]);

  return (
    <div>
      <div ref={host} data-testid="class-curves" />
      <div className={projector ? "row" : "row small"}>
        {groups.map((g, i) => (
          <span key={g.id || "all"} style={{ color: GROUP_COLOURS[i % GROUP_COLOURS.length] }}>
            ━ {g.label}
            {data.perGroup[i].mean.filter((v) => v !== null).at(-1) != null
              ? ` (${(data.perGroup[i].mean.filter((v) => v !== null).at(-1) as number).toFixed(2)})`
              : ""}
          </span>
        ))}
        {classModel && (
          <strong data-testid="class-model-line">
            ━ {classModelLabel} ({classModel.valLoss.at(-1)?.toFixed(2)})
          </strong>
        )}
      </div>
    </div>
  );
}
