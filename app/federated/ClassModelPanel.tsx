"use client";
/**
 * The student's part of the class model (lib/federated/SPEC.md): their shard, the round, the class
 * model's validation loss from version 0 to the latest and the latest version's sample, how much
 * their last update counted, and the lesson "왜 함께 훈련하면 더 나을까?". While the run is running it
 * trains each round in a Web Worker from the latest version and uploads the result; a reload syncs
 * and continues from the latest version (F12).
 */
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { shardText, SHARD_UNITS } from "../../lib/federated/shards";
import { DEFAULT_SERVER_STEP } from "../../lib/federated/serverStep";
import { CLASS_MODEL_VERSION_PATH, type ClassModelView } from "../../lib/protocol/federated";
import { encodeUploadBody } from "../../lib/protocol/leaderboard";
import type { CharRNNConfig } from "../../lib/engine/config";
import type { RunState } from "../../lib/protocol/training";
import { loadSeat } from "../lib/seat";
import { request, type ClientSocket } from "../lib/socket";
import type { BackendChoice, BackendName } from "../training/messages";
import { sendUpdate } from "./sendUpdate";
import type { FromClassModelWorker, ToClassModelWorker } from "./classModel.worker";

type StudentState = NonNullable<Extract<Awaited<ReturnType<typeof request<"classModel:sync">>>, { ok: true }>["data"]["state"]>;
type Phase = "waiting" | "training" | "uploading" | "sent" | "error";

/** A GET that fails on an error status instead of handing its error page on as data. */
async function download(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url.split("?")[0]}: HTTP ${response.status}`);
  return response;
}

export function ClassModelPanel({
  socket,
  code,
  joinCount,
  corpus,
  config,
  backend,
  run,
  onActive,
  onTrained,
}: {
  socket: ClientSocket;
  code: string;
  joinCount: number;
  backend: BackendChoice;
  corpus: string;
  config: CharRNNConfig;
  run: RunState | null;
  onActive(active: boolean): void;
  /** A round was trained: the student's telemetry reports it, so the console sees them working (not stalled). */
  onTrained(round: { round: number; steps: number; loss: number; backend: BackendName; charsPerSec: number }): void;
}) {
  const t = useTranslations("classModel");
  const [state, setState] = useState<StudentState | null>(null);
  const [phase, setPhase] = useState<Phase>("waiting");
  const [error, setError] = useState<string | null>(null);
  const trainedRound = useRef<number | null>(null);
  const worker = useRef<Worker | null>(null);

  useEffect(() => {
    const sync = async () => {
      const reply = await request(socket, "classModel:sync", {});
      if (!reply.ok) return;
      setState(reply.data.state);
      onActive(reply.data.state !== null);
    };
    void sync();
    const onChange = () => void sync();
    socket.on("classModel:round", onChange);
    socket.on("classModel:version", onChange);
    socket.on("classModel:outcome", onChange);
    return () => {
      socket.off("classModel:round", onChange);
      socket.off("classModel:version", onChange);
      socket.off("classModel:outcome", onChange);
    };
  }, [socket, joinCount, onActive]);
  useEffect(() => () => worker.current?.terminate(), []);

  // One round per version while the run is running: download, train on the shard, upload.
  const round = state?.classModel.round;
  useEffect(() => {
    if (!state || round === undefined || run?.status !== "running" || trainedRound.current === round) return;
    trainedRound.current = round;
    void (async () => {
      try {
        setPhase("training");
        setError(null);
        // An instructor's uploaded text is served only to participants who show their seat (W17 in SECURITY.md).
        const seat = { "x-rejoin-token": loadSeat(code)?.rejoinToken ?? "" };
        const [base, train, validation] = await Promise.all([
          download(`${CLASS_MODEL_VERSION_PATH}/${state.classModel.id}/${round}?token=${encodeURIComponent(state.token)}`).then((r) => r.arrayBuffer()),
          download(`/corpora/${encodeURIComponent(corpus)}/train.txt`, seat).then((r) => r.text()),
          download(`/corpora/${encodeURIComponent(corpus)}/validation.txt`, seat).then((r) => r.text()),
        ]);
        worker.current ??= new Worker(new URL("./classModel.worker.ts", import.meta.url), { type: "module" });
        const message: ToClassModelWorker = {
          type: "round",
          config,
          train,
          shardText: shardText(train, state.shard),
          validation,
          base: new Uint8Array(base),
          round,
          shardStart: state.shard.start,
          steps: state.classModel.roundSteps,
          backend,
        };
        const started = performance.now();
        const reply = await new Promise<FromClassModelWorker>((resolve) => {
          worker.current!.onmessage = (e: MessageEvent<FromClassModelWorker>) => resolve(e.data);
          worker.current!.postMessage(message);
        });
        if (reply.type === "failed") throw new Error(reply.message);
        const steps = state.classModel.roundSteps;
        onTrained({
          round,
          steps,
          loss: reply.loss,
          backend: reply.backend,
          charsPerSec: (steps * config.batchSize * config.seqLen * 1000) / Math.max(1, performance.now() - started),
        });
        setPhase("uploading");
        const body = encodeUploadBody({ token: state.token, round, idempotencyKey: `r${round}-${state.classModel.id}`.slice(0, 64) }, reply.weights);
        const answer = await sendUpdate(body, state.classModel.roundSeconds * 1000);
        if (!answer.ok) throw new Error(answer.error.message);
        setPhase("sent");
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        setPhase("error");
      }
    })();
  }, [state, round, run?.status, corpus, config, code, backend, onTrained]);

  if (!state) return null;
  const { classModel, shard, lastOutcome, progress } = state;
  return (
    <section
      className="panel"
      data-testid="class-model"
      data-round={classModel.round}
      data-phase={phase}
      data-shard-start={shard.start}
      data-shard-end={shard.end}
      data-trained-round={trainedRound.current ?? ""}
    >
      <h3>{t("title")}</h3>
      <p>
        {t("yourShard", {
          from: ((100 * shard.start) / SHARD_UNITS).toFixed(1),
          to: ((100 * shard.end) / SHARD_UNITS).toFixed(1),
          students: classModel.students,
        })}
      </p>
      <p data-testid="class-model-round">
        {t("round", { round: classModel.round, steps: classModel.roundSteps })} · {t(`phase.${phase}`)}
      </p>
      {progress && (
        <p data-testid="class-model-progress" data-version={progress.version} data-start-loss={progress.startLoss} data-val-loss={progress.valLoss}>
          {t("progress", { start: progress.startLoss.toFixed(3), now: progress.valLoss.toFixed(3), version: progress.version })}
        </p>
      )}
      {progress && progress.sample !== "" && (
        <>
          <p className="muted">{t("latestSample", { version: progress.version })}</p>
          <pre className="sample-text" data-testid="class-model-sample">
            {progress.sample}
          </pre>
        </>
      )}
      {lastOutcome && (
        <p data-testid="class-model-outcome" data-status={lastOutcome.status} data-outcome-round={lastOutcome.round} data-share={lastOutcome.share ?? ""}>
          {lastOutcome.status === "counted" && t("counted", { round: lastOutcome.round, percent: ((lastOutcome.share ?? 0) * 100).toFixed(1) })}
          {lastOutcome.status === "refused" && t("refused", { round: lastOutcome.round, reason: lastOutcome.reason ?? "" })}
          {lastOutcome.status === "pending" && t("pending", { round: lastOutcome.round })}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      <details>
        <summary>{t("whyTitle")}</summary>
        <p>{t("whyData")}</p>
        <p>{t("whyAverage")}</p>
        <p>{t("whyStep", { eta: DEFAULT_SERVER_STEP.learningRate, momentum: Math.round(DEFAULT_SERVER_STEP.momentum * 100) })}</p>
        <p>{t("whyRobust")}</p>
      </details>
    </section>
  );
}
