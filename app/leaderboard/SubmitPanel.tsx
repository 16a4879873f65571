"use client";
/**
 * The student's submit panel, embeddable in any page that trains a model: pick or generate a
 * sample, submit the current weights, and follow each submission queued → evaluating →
 * scored / rejected with the server's verified figures (never the browser's own).
 */
import { useState } from "react";
import { useTranslations } from "use-intl";
import type { MySubmission, RoundSettingsView } from "../../lib/protocol/leaderboard";
import { MAX_PRIME_CHARS, MAX_SAMPLE_TEXT_CHARS } from "../../lib/leaderboard/admission";
import type { ClientError } from "../lib/api";
import type { ClientSocket } from "../lib/socket";
import type { BackendName } from "../training/messages";
import { SubmissionError } from "./SubmissionError";
import { TemperatureCard } from "./TemperatureCard";
import { submitModel } from "./submitModel";
import { bpc, clock, percent } from "./format";
import "./leaderboard.css";

export interface CurrentModel {
  weights: Uint8Array;
  backend: BackendName;
  step: number;
}

export interface SubmitPanelProps {
  socket: ClientSocket;
  modelSessionId: string;
  settings: RoundSettingsView | null;
  mine: MySubmission[];
  /** The model being trained right now, or null when there is none yet. */
  currentModel: () => Promise<CurrentModel | null>;
  /** Generates a sample from the current model (streaming is the caller's business). */
  generateSample?: (prime: string, temperature: number) => Promise<string>;
  /** A sample already chosen elsewhere on the page. */
  initialSample?: { text: string; temperature: number; prime: string };
  onSubmitted?: (submission: MySubmission) => void;
}

export function SubmitPanel({ socket, modelSessionId, settings, mine, currentModel, generateSample, initialSample, onSubmitted }: SubmitPanelProps) {
  const t = useTranslations("leaderboard");
  const [prime, setPrime] = useState(initialSample?.prime ?? "\n");
  const [temperature, setTemperature] = useState(initialSample?.temperature ?? 0.8);
  const [text, setText] = useState(initialSample?.text ?? "");
  const [busy, setBusy] = useState<"idle" | "generating" | "submitting">("idle");
  const [error, setError] = useState<ClientError | null>(null);
  const accepted = mine.filter((m) => m.status !== "rejected").length;
  const left = settings ? Math.max(0, settings.submissionLimit - accepted) : 0;

  async function generate() {
    if (!generateSample) return;
    setBusy("generating");
    try {
      setText(await generateSample(prime, temperature));
    } finally {
      setBusy("idle");
    }
  }

  async function submit() {
    setError(null);
    setBusy("submitting");
    try {
      const model = await currentModel();
      if (!model) return setError({ code: "NETWORK", message: t("noModel") });
      const reply = await submitModel(socket, modelSessionId, { weights: model.weights, backend: model.backend, sample: { text, temperature, prime } });
      if (reply.ok) onSubmitted?.(reply.data.submission);
      else setError(reply.error);
    } finally {
      setBusy("idle");
    }
  }

  return (
    <section className="panel submit-panel" data-testid="submit-panel">
      <h2>{t("submitTitle")}</h2>
      <p className="muted">{t("submitHint")}</p>
      {settings && !settings.submissionsOpen && <p className="error">{t("closed")}</p>}
      {settings && settings.minSteps > 0 && <p className="muted">{t("minSteps", { steps: settings.minSteps })}</p>}
      <div className="row">
        <label>
          {t("prime")} <input value={prime} maxLength={MAX_PRIME_CHARS} onChange={(e) => setPrime(e.target.value)} data-testid="submit-prime" />
        </label>
        <label>
          {t("temperature")}{" "}
          <input
            type="number"
            min={0.1}
            max={2}
            step={0.1}
            value={temperature}
            onChange={(e) => setTemperature(Number(e.target.value))}
            data-testid="submit-temperature"
          />
        </label>
        {generateSample && (
          <button type="button" className="secondary" onClick={() => void generate()} disabled={busy !== "idle"} data-testid="submit-generate">
            {busy === "generating" ? t("generating") : t("generate")}
          </button>
        )}
      </div>
      <label className="block">
        {t("yourSample")}
        <textarea rows={5} value={text} maxLength={MAX_SAMPLE_TEXT_CHARS} onChange={(e) => setText(e.target.value)} data-testid="submit-sample" />
      </label>
      <p className="muted small">{t("editHint")}</p>
      <div className="row">
        <button
          type="button"
          onClick={() => void submit()}
          disabled={busy !== "idle" || !settings?.submissionsOpen || left === 0 || text.trim() === ""}
          data-testid="submit-button"
        >
          {busy === "submitting" ? t("submitting") : t("submit")}
        </button>
        {settings && <span className="muted">{t("remaining", { left, limit: settings.submissionLimit })}</span>}
      </div>
      <SubmissionError error={error} />
      {mine.length > 0 && (
        <>
          <h3>{t("mine")}</h3>
          <ul className="my-submissions">
            {mine.map((m) => (
              <li key={m.id} data-testid="my-submission" data-status={m.status} data-id={m.id}>
                <span className={`pill status-${m.status}`}>{t(`status.${m.status}`)}</span> <span className="muted">{clock(m.createdAt)}</span>
                {m.status === "scored" && (
                  <>
                    {" "}
                    {t("publicBpc")}: <strong data-testid="my-public-bpc">{bpc(m.publicBpc)}</strong>
                    {m.privateBpc !== null && (
                      <>
                        {" "}
                        · {t("privateBpc")}: <strong>{bpc(m.privateBpc)}</strong>
                      </>
                    )}{" "}
                    · {t("novelty")}: {percent(m.novelty)} · {t("sampleBpc")}: {bpc(m.sampleBpc)}
                    {m.notTrained && (
                      <>
                        {" "}
                        <span className="pill flag-notTrained" data-testid="my-not-trained">
                          {t("flag.notTrained")}
                        </span>
                      </>
                    )}
                  </>
                )}
                {m.status === "rejected" && m.error && <span className="error"> {m.error}</span>}
                {m.disqualifiedReason && (
                  <p className="error" data-testid="my-disqualified">
                    {t("disqualified", { reason: m.disqualifiedReason })}
                  </p>
                )}
                {m.status === "scored" && (
                  <details>
                    <summary>{t("temperatureCard")}</summary>
                    <TemperatureCard sample={m.sample} card={m.temperatureCard} />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
