"use client";
/** Train and validation loss on a live uPlot chart, in nats or bits per character. */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { HistoryPoint } from "./checkpoints";

export type LossUnit = "nats" | "bits";

export function LossChart({ history, unit, labels }: { history: HistoryPoint[]; unit: LossUnit; labels: { train: string; validation: string; step: string } }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const scale = unit === "bits" ? 1 / Math.LN2 : 1;

  useEffect(() => {
    if (!host.current) return;
    const chart = new uPlot(
      {
        width: host.current.clientWidth || 600,
        height: 260,
        scales: { x: { time: false } },
        axes: [{ label: labels.step }, { label: unit === "bits" ? "bits/char" : "nats/char" }],
        series: [
          { label: labels.step },
          { label: labels.train, stroke: "#4b3fd6", width: 2 },
          { label: labels.validation, stroke: "#d6663f", width: 2, spanGaps: true },
        ],
      },
      [[], [], []],
      host.current,
    );
    plot.current = chart;
    const resize = () => host.current && chart.setSize({ width: host.current.clientWidth, height: 260 });
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.destroy();
      plot.current = null;
    };
  }, [unit, labels.step, labels.train, labels.validation]);

  useEffect(() => {
    plot.current?.setData([
      history.map((p) => p.step),
      history.map((p) => p.trainLoss * scale),
      history.map((p) => (p.valLoss === null ? null : p.valLoss * scale)),
    ]);
  }, [history, scale, unit]);

  return <div ref={host} className="loss-chart" data-testid="loss-chart" />;
}
