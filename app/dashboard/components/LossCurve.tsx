"use client";
/** One student's loss curve in one model session (training and validation loss, nats/char). */
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { LineChart, type ChartSeries } from "./LineChart";

type Point = [number, number, number | null];

export function LossCurve({ curve, title, testId }: { curve: Point[]; title: string; testId?: string }) {
  const t = useTranslations("dashboard.student");
  const series = useMemo((): ChartSeries[] => {
    const x = curve.map((p) => p[0]);
    const out: ChartSeries[] = [{ label: t("trainLoss"), x, y: curve.map((p) => p[1]), color: "#1f4fb0" }];
    if (curve.some((p) => p[2] !== null)) out.push({ label: t("valLoss"), x, y: curve.map((p) => p[2]), color: "#d0642a", dash: [6, 3] });
    return out;
  }, [curve, t]);
  return <LineChart series={series} title={title} height={200} testId={testId} />;
}
