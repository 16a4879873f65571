"use client";
/**
 * A line chart drawn with uPlot (loaded in the browser only). Each series has its own x values;
 * uPlot.join aligns them on one x axis, and gaps are spanned so sparse series (validation
 * loss) still draw as lines. An optional band fills between two series (p25–p75).
 */
import { useEffect, useRef } from "react";
import type uPlotType from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  label: string;
  x: number[];
  y: (number | null)[];
  color: string;
  dash?: number[];
  width?: number;
}

export interface LineChartProps {
  series: ChartSeries[];
  height?: number;
  /** Labels the x axis's ticks (e.g. session dates); numbers otherwise. */
  xTick?: (value: number) => string;
  /** Fill between these two series indexes (0-based). */
  band?: [number, number];
  title?: string;
  testId?: string;
}

export function LineChart({ series, height = 220, xTick, band, title, testId }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || series.length === 0) return;
    let plot: uPlotType | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import("uplot").then(({ default: uPlot }) => {
      if (cancelled) return;
      const data = uPlot.join(series.map((s) => [s.x, s.y.map((v) => (v === null ? null : v))] as uPlotType.AlignedData)) as uPlotType.AlignedData;
      const options: uPlotType.Options = {
        width: Math.max(240, element.clientWidth),
        height,
        title,
        scales: { x: { time: false } },
        axes: [{ values: xTick ? (_u, ticks) => ticks.map((v) => xTick(v)) : undefined }, {}],
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, dash: s.dash, width: s.width ?? 2, spanGaps: true, points: { show: s.x.length < 30 } })),
        ],
        bands: band ? [{ series: [band[1] + 1, band[0] + 1], fill: "rgba(60, 110, 200, 0.15)" }] : undefined,
        legend: { show: series.length <= 12 },
      };
      plot = new uPlot(options, data, element);
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, element.clientWidth), height }));
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, height, xTick, band, title]);
  return <div ref={box} className="dash-chart" data-testid={testId} data-series={series.length} role="img" aria-label={title} />;
}
