"use client";
/** Time left in the run, counted from the server's clock (ticks once a second). */
import { useEffect, useState } from "react";
import type { RunState } from "../../lib/protocol/training";
import { elapsedNow } from "./classTraining";

export function Countdown({ run, clockOffset }: { run: RunState; clockOffset: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (run.status !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [run.status]);
  const left = Math.max(0, run.budgetMs - elapsedNow(run, clockOffset, now));
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return (
    <span className="countdown" data-testid="countdown">
      {minutes}:{String(seconds).padStart(2, "0")}
    </span>
  );
}
