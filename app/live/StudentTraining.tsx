"use client";
/**
 * The student's part of live training: receives the model session (and their ablation group),
 * trains it in the browser when the instructor starts the run, obeys pause and stop, reports
 * telemetry once a second, and shows the curve, samples and the progression log. A reload
 * resumes the same run from its checkpoint.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { configHash, type CharRNNConfig } from "../../lib/engine/config";
import { findBundledCorpus } from "../../lib/corpora";
import type { ModelSessionView, RunState } from "../../lib/protocol/training";
import { effectiveConfig } from "../../lib/training/rules";
import { loadSeat } from "../lib/seat";
import { request, type ClientSocket } from "../lib/socket";
import { ConfigForm } from "../training/ConfigForm";
import { LossChart } from "../training/LossChart";
import { ProgressionLog } from "../training/ProgressionLog";
import { RunStats } from "../training/RunStats";
import { SamplePanel } from "../training/SamplePanel";
import { createTrainingRun } from "../training/trainingRun";
import type { BackendChoice, BackendName } from "../training/messages";
import { Countdown } from "./Countdown";
import { liveRunKey } from "../training/checkpoints";
import { StepCostNote } from "./StepCostNote";
import { useDescribeOverrides } from "./useDescribeOverrides";
import { ClassModelPanel } from "../federated/ClassModelPanel";

export const useLiveRun = createTrainingRun();
const TELEMETRY_EVERY_MS = 1_000;
/** A student (or a test) may pin a backend in the lab; live runs then use it too. */
const BACKEND_PREFERENCE_KEY = "rc:backend";

function preferredBackend(): BackendChoice {
  const stored = localStorage.getItem(BACKEND_PREFERENCE_KEY);
  return stored === "webgpu" || stored === "webgl" || stored === "wasm" || stored === "cpu" ? stored : "auto";
}

export function StudentTraining({ socket, code, participantId, joinCount }: { socket: ClientSocket; code: string; participantId: string; joinCount: number }) {
  const t = useTranslations("live");
  const describeOverrides = useDescribeOverrides();
  const tt = useTranslations("training");
  const locale = useLocale() as "ko" | "en";
  const run = useLiveRun();
  const [modelSession, setModelSession] = useState<ModelSessionView | null>(null);
  const [runState, setRunState] = useState<RunState | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [tuned, setTuned] = useState<Partial<CharRNNConfig>>({});
  const [inClassModel, setInClassModel] = useState(false);
  const inClassModelRef = useRef(false);
  inClassModelRef.current = inClassModel;
  /** The last class-model round this page trained (telemetry while in the class model). */
  const classRound = useRef<{ round: number; steps: number; loss: number; backend: BackendName; charsPerSec: number } | null>(null);
  const onClassRound = useCallback((r: { round: number; steps: number; loss: number; backend: BackendName; charsPerSec: number }) => {
    classRound.current = r;
  }, []);
  const [shared, setShared] = useState<{ submissionId: string; source: "student" | "instructor"; from: string; step: number; weights: Uint8Array } | null>(
    null,
  );

  // (Re)sync after every join and whenever a new model session arrives.
  useEffect(() => {
    const sync = async () => {
      const reply = await request(socket, "training:sync", {});
      if (!reply.ok) return;
      setModelSession(reply.data.modelSession);
      setGroupId(reply.data.groupId);
      if (reply.data.run) {
        setRunState(reply.data.run);
        setClockOffset(Date.now() - reply.data.run.serverTime);
      }
    };
    void sync();
    const onModel = () => void sync();
    const onRun = (r: RunState) => {
      setRunState(r);
      setClockOffset(Date.now() - r.serverTime);
    };
    const onGroup = ({ groupId: g }: { groupId: string | null }) => setGroupId(g);
    // A model the instructor shared: load it if it was trained with our exact configuration (T11).
    const onCheckpoint = async (c: { submissionId: string; configHash: string; step: number; source: "student" | "instructor"; from: string; url: string }) => {
      const state = useLiveRun.getState();
      if (!currentConfig.current || configHash(currentConfig.current) !== c.configHash || state.status === "idle") return;
      const response = await fetch(c.url);
      if (response.ok)
        setShared({ submissionId: c.submissionId, source: c.source, from: c.from, step: c.step, weights: new Uint8Array(await response.arrayBuffer()) });
    };
    socket.on("training:model", onModel);
    socket.on("training:run", onRun);
    socket.on("training:group", onGroup);
    socket.on("training:checkpoint", onCheckpoint);
    return () => {
      socket.off("training:checkpoint", onCheckpoint);
      socket.off("training:model", onModel);
      socket.off("training:run", onRun);
      socket.off("training:group", onGroup);
    };
  }, [socket, joinCount]);

  const group = modelSession?.groups.find((g) => g.id === groupId);
  const config = useMemo(() => (modelSession ? { ...effectiveConfig(modelSession.config, group?.overrides), ...tuned } : null), [modelSession, group, tuned]);
  const currentConfig = useRef<CharRNNConfig | null>(null);
  currentConfig.current = config;
  const runKey = modelSession && config ? liveRunKey(modelSession.id, participantId, configHash(config), shared?.submissionId) : null;

  // Prepare the run when the model session, the group or the student's knobs change.
  const preparedKey = useRef<string | null>(null);
  useEffect(() => {
    if (!modelSession || !config || !runKey || preparedKey.current === runKey) return;
    preparedKey.current = runKey;
    void (async () => {
      // An instructor's uploaded text is served only to participants who show their seat (W17 in SECURITY.md).
      const seat = { "x-rejoin-token": loadSeat(code)?.rejoinToken ?? "" };
      const [train, validation] = await Promise.all(
        ["train", "validation"].map((part) =>
          fetch(`/corpora/${encodeURIComponent(modelSession.corpus)}/${part}.txt`, { headers: seat }).then((r) => r.text()),
        ),
      );
      await useLiveRun.getState().prepare({ runKey, config, train, validation, backend: preferredBackend(), resume: true, initialWeights: shared?.weights });
    })();
  }, [modelSession, config, runKey, shared]);
  useEffect(() => () => useLiveRun.getState().dispose(), []);

  // Obey the instructor: train while the run is running, pause otherwise (in the class model, its panel trains instead).
  useEffect(() => {
    if (inClassModel) {
      if (run.status === "training") run.pause();
      return;
    }
    if (runState?.status === "running" && (run.status === "ready" || run.status === "paused")) run.train();
    if (runState && runState.status !== "running" && run.status === "training") run.pause();
  }, [runState, run.status, run, inClassModel]);

  // Telemetry, once a second while there is progress to report. In the class model the rounds are
  // the progress: the step goes on from the student's own (the class round × K, so it never goes
  // back after a reload), the loss is the round's training loss; no validation loss of their own.
  useEffect(() => {
    if (!modelSession) return;
    const timer = setInterval(() => {
      const { progress, backend, log, resumedFromStep } = useLiveRun.getState();
      const round = classRound.current;
      if (inClassModelRef.current && round) {
        // After a reload the paused run has no progress yet: its checkpoint (saved when the class model paused it) has the step.
        const ownStep = progress?.step ?? resumedFromStep ?? 0;
        void request(socket, "training:report", {
          modelSessionId: modelSession.id,
          step: ownStep + (round.round + 1) * round.steps,
          trainLoss: Number.isFinite(round.loss) ? round.loss : null,
          valLoss: null,
          charsPerSec: round.charsPerSec,
          backend: round.backend,
          sample: "",
        });
        return;
      }
      if (!progress || !backend) return;
      const sample = (log.at(-1)?.text ?? "").slice(0, 400);
      void request(socket, "training:report", {
        modelSessionId: modelSession.id,
        step: progress.step,
        trainLoss: Number.isFinite(progress.trainLoss) ? progress.trainLoss : null,
        valLoss: progress.valLoss !== null && Number.isFinite(progress.valLoss) ? progress.valLoss : null,
        charsPerSec: progress.charsPerSec,
        backend,
        sample,
      });
    }, TELEMETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [socket, modelSession]);

  const labels = useMemo(() => ({ train: tt("trainLoss"), validation: tt("valLoss"), step: tt("step") }), [tt]);
  if (!modelSession || !config)
    return (
      <section className="panel">
        <p data-testid="waiting-model">{t("waitingForModel")}</p>
      </section>
    );
  const knobs = modelSession.studentKnobs;
  return (
    <section className="panel" data-testid="student-training" data-model-session={modelSession.id}>
      <h2>
        {t("training", {
          corpus: findBundledCorpus(modelSession.corpus)?.title[locale] ?? modelSession.corpus,
          cell: config.cell.toUpperCase(),
          hidden: config.hiddenSize,
          seqLen: config.seqLen,
          batch: config.batchSize,
        })}
      </h2>
      {group && (
        <p className="group-badge" data-testid="my-group" data-group={group.label}>
          <strong>{t("yourGroup", { label: group.label })}</strong> — {t("groupWhy", { overrides: describeOverrides(group.overrides) })}
        </p>
      )}
      <StepCostNote modelSession={modelSession} />
      {runState && (
        <p>
          {runState.status === "ready" && t("waitingForStart")}
          {runState.status === "paused" && t("pausedByTeacher")}
          {runState.status === "stopped" && t("stoppedByTeacher")} {t("left")} <Countdown run={runState} clockOffset={clockOffset} />
        </p>
      )}
      <ClassModelPanel
        socket={socket}
        code={code}
        joinCount={joinCount}
        corpus={modelSession.corpus}
        backend={preferredBackend()}
        config={effectiveConfig(modelSession.config, group?.overrides)}
        run={runState}
        onActive={setInClassModel}
        onTrained={onClassRound}
      />
      <RunStats status={run.status} progress={run.progress} />
      {shared && (
        <p className="ok" data-testid="shared-checkpoint">
          {shared.source === "instructor" ? t("sharedInstructorModel", { step: shared.step }) : t("sharedCheckpoint", { name: shared.from, step: shared.step })}
        </p>
      )}
      {run.resumedFromStep !== null && (
        <p className="ok" data-testid="resumed">
          {tt("resumed", { step: run.resumedFromStep })}
        </p>
      )}
      {run.error && <p className="error">{run.error}</p>}
      <LossChart history={run.history} unit="nats" labels={labels} />
      {knobs.length > 0 && (
        <details>
          <summary>{t("knobs")}</summary>
          <ConfigForm
            config={config}
            editable={knobs.map((k) => k.field)}
            bounds={Object.fromEntries(knobs.map((k) => [k.field, { min: k.min, max: k.max }]))}
            onChange={(next) => setTuned(Object.fromEntries(knobs.map((k) => [k.field, next[k.field]])))}
          />
        </details>
      )}
      <SamplePanel
        text={run.sample.text}
        running={run.sample.running}
        disabled={run.status === "idle" || run.status === "preparing"}
        defaultTemperature={modelSession.temperature}
        onGenerate={(s) => void run.generate({ ...s, topK: 0, seed: Date.now() % 100_000 })}
      />
      <ProgressionLog log={run.log} />
    </section>
  );
}
