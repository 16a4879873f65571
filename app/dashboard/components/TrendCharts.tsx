"use client";
/** Trends across sessions: class median with the p25–p75 band for score, training time and quiz accuracy. */
import { useMemo } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { Overview } from "../../../lib/api/dashboard";
import { LineChart, type ChartSeries } from "./LineChart";

type Measure = "bestBpc" | "trainingMinutes" | "quizAccuracy";
const BAND: [number, number] = [0, 1]; // p25–p75

export function TrendCharts({ overview }: { overview: Overview }) {
  const t = useTranslations("dashboard.trends");
  const format = useFormatter();
  const x = useMemo(() => overview.trends.map((_, i) => i + 1), [overview]);
  const xTick = useMemo(() => {
    const dates = overview.sessions.map((s) => format.dateTime(new Date(s.createdAt), { month: "numeric", day: "numeric" }));
    return (v: number) => (Number.isInteger(v) ? (dates[v - 1] ?? "") : "");
  }, [overview, format]);
  const charts = useMemo(() => {
    const seriesOf = (measure: Measure, scale: number): ChartSeries[] => {
      const pick = (k: "median" | "p25" | "p75") =>
        overview.trends.map((tr) => {
          const v = tr[measure][k];
          return v === null ? null : v * scale;
        });
      return [
        { label: t("p25"), x, y: pick("p25"), color: "#8aa8e0", dash: [4, 4], width: 1 },
        { label: t("p75"), x, y: pick("p75"), color: "#8aa8e0", dash: [4, 4], width: 1 },
        { label: t("median"), x, y: pick("median"), color: "#1f4fb0", width: 2.5 },
      ];
    };
    const list: { measure: Measure; title: string; scale: number }[] = [
      { measure: "bestBpc", title: t("bpc"), scale: 1 },
      { measure: "trainingMinutes", title: t("minutes"), scale: 1 },
      { measure: "quizAccuracy", title: t("accuracy"), scale: 100 },
    ];
    return list.map((c) => ({ ...c, series: seriesOf(c.measure, c.scale) }));
  }, [overview, t, x]);
  return (
    <section className="panel">
      <h2>{t("title")}</h2>
      <div className="dash-charts">
        {charts.map((c) => (
          <LineChart key={c.measure} title={c.title} series={c.series} band={BAND} xTick={xTick} testId={`trend-${c.measure}`} />
        ))}
      </div>
    </section>
  );
}
