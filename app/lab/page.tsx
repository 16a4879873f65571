"use client";
/**
 * The student lab: train a char-RNN alone, before or without a live session. Pick a bundled text
 * or your own, set up the model, train in a Web Worker, watch the loss fall and the samples turn
 * from noise into words. A reload continues the same run from its checkpoint.
 */
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import * as tf from "@tensorflow/tfjs";
import * as engine from "../../lib/engine";
import "../training/backends"; // registers the WASM and WebGPU backends for the test hook below
import { configHash, type CharRNNConfig } from "../../lib/engine/config";
import { splitCorpus } from "../../lib/engine/text";
import { findBundledCorpus } from "../../lib/corpora";
import { corpusProblem, describeCorpusProblem } from "../../lib/corpusRules";
import { Header } from "../components/Header";
import { BackendInfo } from "../training/BackendInfo";
import { ConfigForm } from "../training/ConfigForm";
import { LossChart, type LossUnit } from "../training/LossChart";
import { BACKENDS, type BackendChoice } from "../training/messages";
import { CorpusPicker } from "../training/CorpusPicker";
import { PRESETS } from "../training/presets";
import { readLabLink } from "../training/labLink";
import { loadCheckpoint } from "../training/checkpoints";
import { saveFile } from "../training/saveFile";
import { openModel } from "../training/openModel";
import { ProgressionLog } from "../training/ProgressionLog";
import { RunStats } from "../training/RunStats";
import { SamplePanel } from "../training/SamplePanel";
import { createTrainingRun } from "../training/trainingRun";

const useLabRun = createTrainingRun();
const LAST_RUN_KEY = "rc:lab:last";
const OWN_TEXT = "own";

interface LabChoice {
  corpus: string;
  config: CharRNNConfig;
  backend: BackendChoice;
}

declare global {
  interface Window {
    /** The engine and tfjs, for the e2e test that compares the browser's arithmetic with Node's. */
    __rnnLab?: { engine: typeof engine; tf: typeof tf };
  }
}

/**
 * A fingerprint of the student's own text (two 32-bit FNV-1a hashes over its UTF-16 code units):
 * the checkpoint of one pasted text is never resumed for another.
 */
function textFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) + i;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

async function loadSplits(corpus: string, ownText: string): Promise<{ train: string; validation: string }> {
  if (corpus === OWN_TEXT) return splitCorpus(ownText);
  const [train, validation] = await Promise.all(["train", "validation"].map((part) => fetch(`/corpora/${corpus}/${part}.txt`).then((r) => r.text())));
  return { train, validation };
}

export default function LabPage() {
  const t = useTranslations();
  const locale = useLocale() as "ko" | "en";
  const run = useLabRun();
  const [choice, setChoice] = useState<LabChoice>({ corpus: PRESETS[0].corpus, config: PRESETS[0].config, backend: "auto" });
  const [ownText, setOwnText] = useState("");
  const [unit, setUnit] = useState<LossUnit>("nats");
  const [loading, setLoading] = useState(false);
  const ownProblem = choice.corpus === OWN_TEXT ? corpusProblem(ownText.normalize("NFC")) : null;

  async function prepare(next: LabChoice, resume: boolean) {
    setLoading(true);
    try {
      const splits = await loadSplits(next.corpus, ownText);
      const corpusKey = next.corpus === OWN_TEXT ? `own-${textFingerprint(splits.train + splits.validation)}` : next.corpus;
      localStorage.setItem(LAST_RUN_KEY, JSON.stringify(next));
      if (next.corpus === OWN_TEXT) localStorage.setItem("rc:lab:text", ownText);
      await run.prepare({ runKey: `lab:${corpusKey}:${configHash(next.config)}`, config: next.config, ...splits, backend: next.backend, resume });
    } finally {
      setLoading(false);
    }
  }

  /** A .rnnw file (picked, or linked from the keep page): its configuration, its text, its weights as the start. */
  const [opened, setOpened] = useState<{ state: "opening" } | { state: "opened"; step: number } | { state: "failed"; reason: "noText" | "badFile" } | null>(
    null,
  );
  async function openFile(bytes: Uint8Array, corpusHint: string | null) {
    setOpened({ state: "opening" });
    try {
      const candidates = [corpusHint, choice.corpus].filter((c): c is string => !!c && c !== OWN_TEXT);
      const found = await openModel(bytes, ownText ? [OWN_TEXT, ...candidates] : candidates, (corpus) => loadSplits(corpus, ownText));
      const next = { corpus: found.corpus, config: found.header.config, backend: choice.backend };
      setChoice(next);
      localStorage.setItem(LAST_RUN_KEY, JSON.stringify(next));
      const corpusKey = found.corpus === OWN_TEXT ? `own-${textFingerprint(found.splits.train + found.splits.validation)}` : found.corpus;
      await run.prepare({
        runKey: `lab:${corpusKey}:${configHash(next.config)}`,
        config: next.config,
        ...found.splits,
        backend: next.backend,
        resume: false,
        initialWeights: bytes,
      });
      setOpened({ state: "opened", step: found.header.step });
    } catch (error) {
      setOpened({ state: "failed", reason: error instanceof Error && error.message === "NO_MATCHING_TEXT" ? "noText" : "badFile" });
    }
  }

  // A link from the console opens the class's configuration; a link from the keep page opens a model;
  // otherwise a reload continues the last run.
  const [fromLink, setFromLink] = useState(false);
  useEffect(() => {
    // The e2e tests' handle on the engine, only in builds made for them (playwright.config.ts).
    if (process.env.NEXT_PUBLIC_TEST_HOOKS === "1") window.__rnnLab = { engine, tf };
    const params = new URLSearchParams(window.location.search);
    const modelUrl = params.get("model");
    if (modelUrl?.startsWith("/checkpoints/")) {
      void fetch(modelUrl)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error("download failed"))))
        .then((buffer) => openFile(new Uint8Array(buffer), params.get("corpus")))
        .catch(() => setOpened({ state: "failed", reason: "badFile" }));
      return () => useLabRun.getState().dispose();
    }
    const kept = params.get("checkpoint");
    if (kept?.startsWith("live:")) {
      void loadCheckpoint(kept)
        .then((c) => (c ? openFile(c.weights, params.get("corpus")) : setOpened({ state: "failed", reason: "badFile" })))
        .catch(() => setOpened({ state: "failed", reason: "badFile" }));
      return () => useLabRun.getState().dispose();
    }
    const linked = readLabLink(window.location.search);
    if (linked) {
      const next = { ...linked, backend: choice.backend };
      setFromLink(true);
      setChoice(next);
      void prepare(next, true);
      return () => useLabRun.getState().dispose();
    }
    const raw = localStorage.getItem(LAST_RUN_KEY);
    if (!raw) return;
    try {
      const last = JSON.parse(raw) as LabChoice;
      const config = engine.charRNNConfigSchema.parse(last.config);
      const saved = { corpus: last.corpus, config, backend: last.backend };
      if (saved.corpus === OWN_TEXT) setOwnText(localStorage.getItem("rc:lab:text") ?? "");
      setChoice(saved);
      if (saved.corpus !== OWN_TEXT) void prepare(saved, true);
    } catch {
      localStorage.removeItem(LAST_RUN_KEY);
    }
    return () => useLabRun.getState().dispose();
  }, []);

  const corpus = findBundledCorpus(choice.corpus);
  const labels = useMemo(() => ({ train: t("training.trainLoss"), validation: t("training.valLoss"), step: t("training.step") }), [t]);
  const busy = loading || run.status === "preparing";

  return (
    <>
      <Header>
        <Link href="/">{t("nav.home")}</Link>
      </Header>
      <main>
        <h1>{t("lab.title")}</h1>
        <p className="muted">{t("lab.intro")}</p>
        {fromLink && (
          <p className="ok" data-testid="from-session">
            {t("lab.fromSession")}
          </p>
        )}
        <section className="panel">
          <CorpusPicker
            corpus={choice.corpus}
            config={choice.config}
            onPreset={(preset) => setChoice({ ...choice, corpus: preset.corpus, config: preset.config })}
            onCorpus={(corpus) => setChoice({ ...choice, corpus })}
            extra={[{ value: OWN_TEXT, label: t("lab.ownText") }]}
          />
          {corpus?.notice && <p className="muted small">{corpus.notice[locale]}</p>}
          <p className="small">
            <a href="/corpora/SOURCES.md">{t("lab.sources")}</a>
          </p>
          {choice.corpus === OWN_TEXT && (
            <>
              <label>
                {t("lab.ownTextLabel")}
                <textarea value={ownText} onChange={(e) => setOwnText(e.target.value)} data-testid="own-text" />
              </label>
              <label>
                {t("lab.upload")}
                <input type="file" accept=".txt,text/plain" onChange={async (e) => setOwnText((await e.target.files?.[0]?.text()) ?? "")} />
              </label>
              {ownText && ownProblem && <p className="error">{describeCorpusProblem(ownProblem)}</p>}
            </>
          )}
          <label>
            {t("devices.lab.openModel")}
            <input
              type="file"
              accept=".rnnw,application/octet-stream"
              data-testid="open-model"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) await openFile(new Uint8Array(await file.arrayBuffer()), null);
              }}
            />
          </label>
          {opened?.state === "opening" && <p className="muted">{t("devices.lab.opening")}</p>}
          {opened?.state === "opened" && (
            <p className="ok" data-testid="model-opened" data-step={opened.step}>
              {t("devices.lab.opened", { step: opened.step })}
            </p>
          )}
          {opened?.state === "failed" && (
            <p className="error" data-testid="model-open-failed">
              {t(`devices.lab.${opened.reason}`)}
            </p>
          )}
          <ConfigForm config={choice.config} onChange={(config) => setChoice({ ...choice, config })} />
          <label>
            {t("training.backendChoice")}
            <select
              value={choice.backend}
              onChange={(e) => {
                setChoice({ ...choice, backend: e.target.value as BackendChoice });
                localStorage.setItem("rc:backend", e.target.value); // live sessions use the same choice
              }}
              data-testid="backend-choice"
            >
              <option value="auto">{t("training.auto")}</option>
              {BACKENDS.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <button disabled={busy || (choice.corpus === OWN_TEXT && ownProblem !== null)} onClick={() => void prepare(choice, true)} data-testid="prepare">
            {t("lab.prepare")}
          </button>
          {loading && <span className="muted"> {t("lab.loading")}</span>}
        </section>

        <section className="panel">
          <RunStats status={run.status} progress={run.progress} />
          {run.resumedFromStep !== null && (
            <p className="ok" data-testid="resumed">
              {t("training.resumed", { step: run.resumedFromStep })}
            </p>
          )}
          {run.error && <p className="error">{run.error}</p>}
          <div className="row">
            {run.status === "training" ? (
              <button onClick={run.pause} data-testid="pause">
                {t("training.pause")}
              </button>
            ) : (
              <button onClick={run.train} disabled={run.status !== "ready" && run.status !== "paused"} data-testid="train">
                {run.status === "paused" || (run.progress?.step ?? run.resumedFromStep ?? 0) > 0 ? t("training.resume") : t("training.train")}
              </button>
            )}
            <button
              className="secondary"
              disabled={run.status !== "ready" && run.status !== "paused" && run.status !== "training"}
              onClick={async () => {
                const { weights, step } = await run.exportWeights();
                saveFile(weights, `${choice.corpus}-${choice.config.cell}${choice.config.hiddenSize}-step${step}.rnnw`);
              }}
              data-testid="download-model"
            >
              {t("lab.downloadModel")}
            </button>
            <button className="secondary" onClick={() => void run.discard()} disabled={run.status === "idle"}>
              {t("training.discard")}
            </button>
            <select value={unit} onChange={(e) => setUnit(e.target.value as LossUnit)} aria-label="unit">
              <option value="nats">{t("training.unitNats")}</option>
              <option value="bits">{t("training.unitBits")}</option>
            </select>
          </div>
          <LossChart history={run.history} unit={unit} labels={labels} />
          <BackendInfo backend={run.backend} trials={run.trials} />
        </section>

        <SamplePanel
          text={run.sample.text}
          running={run.sample.running}
          disabled={run.status === "idle" || run.status === "preparing"}
          onGenerate={(s) => void run.generate({ ...s, topK: 0, seed: Date.now() % 100_000 })}
        />
        <ProgressionLog log={run.log} />
      </main>
    </>
  );
}
