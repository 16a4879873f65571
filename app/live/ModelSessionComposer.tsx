"use client";
/** The instructor composes a model session — text, model, budget, student knobs, ablation groups — and pushes it. */
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { GroupOverrides, ModelSessionSpec } from "../../lib/protocol/training";
import { callApi } from "../lib/api";
import { ConfigForm } from "../training/ConfigForm";
import { KnobEditor } from "./KnobEditor";
import { useDescribeOverrides } from "./useDescribeOverrides";
import { CorpusPicker } from "../training/CorpusPicker";
import { PRESETS } from "../training/presets";

const ABLATIONS: Record<string, { label: string; overrides: GroupOverrides }[]> = {
  ablationCells: [
    { label: "LSTM", overrides: { cell: "lstm" } },
    { label: "GRU", overrides: { cell: "gru" } },
    { label: "RNN", overrides: { cell: "rnn" } },
  ],
  ablationSize: [
    { label: "H=32", overrides: { hiddenSize: 32 } },
    { label: "H=128", overrides: { hiddenSize: 128 } },
  ],
  ablationClip: [
    { label: "clip 5", overrides: { clipNorm: 5 } },
    { label: "no clip", overrides: { clipNorm: 0 } },
  ],
};

export function ModelSessionComposer({ onPush }: { onPush: (spec: ModelSessionSpec) => Promise<boolean> }) {
  const t = useTranslations("live");
  const describeOverrides = useDescribeOverrides();
  const [spec, setSpec] = useState<ModelSessionSpec>({
    corpus: PRESETS[0].corpus,
    config: PRESETS[0].config,
    budgetMinutes: 15,
    temperature: 0.8,
    studentKnobs: [{ field: "learningRate", min: 0.001, max: 0.05 }],
    groups: [],
  });
  const [uploads, setUploads] = useState<{ ref: string; name: string }[]>([]);
  const [pushing, setPushing] = useState(false);
  useEffect(() => {
    void callApi("listUploads").then((reply) => reply.ok && setUploads(reply.data.corpora));
  }, []);

  return (
    <section className="panel" data-testid="composer">
      <h2>{t("compose")}</h2>
      <div className="row">
        <CorpusPicker
          corpus={spec.corpus}
          config={spec.config}
          onPreset={(preset) => setSpec({ ...spec, corpus: preset.corpus, config: preset.config })}
          onCorpus={(corpus) => setSpec({ ...spec, corpus })}
          extra={uploads.map((u) => ({ value: u.ref, label: u.name }))}
        />
        <label>
          {t("budget")}
          <input
            type="number"
            min={1}
            max={240}
            value={spec.budgetMinutes}
            onChange={(e) => setSpec({ ...spec, budgetMinutes: Math.max(1, Math.min(240, Number(e.target.value) || 1)) })}
            data-testid="live-budget"
          />
        </label>
        <label>
          {t("temperature")}
          <input
            type="number"
            min={0.1}
            max={2}
            step={0.1}
            value={spec.temperature}
            onChange={(e) => setSpec({ ...spec, temperature: Number(e.target.value) || 0.8 })}
          />
        </label>
      </div>
      <ConfigForm config={spec.config} onChange={(config) => setSpec({ ...spec, config })} />
      <KnobEditor knobs={spec.studentKnobs} config={spec.config} onChange={(studentKnobs) => setSpec({ ...spec, studentKnobs })} />
      <h3>{t("groups")}</h3>
      <div className="row">
        <button className={spec.groups.length === 0 ? "" : "secondary"} onClick={() => setSpec({ ...spec, groups: [] })} data-testid="groups-none">
          {t("noGroups")}
        </button>
        {Object.entries(ABLATIONS).map(([key, groups]) => (
          <button key={key} className="secondary" onClick={() => setSpec({ ...spec, groups })} data-testid={`groups-${key}`}>
            {t(key)}
          </button>
        ))}
      </div>
      {spec.groups.length > 0 && (
        <ul data-testid="group-list">
          {spec.groups.map((g) => (
            <li key={g.label}>
              <strong>{g.label}</strong> <span className="muted">{describeOverrides(g.overrides)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t("groupsHint")}</p>
      <button
        disabled={pushing}
        data-testid="push"
        onClick={async () => {
          setPushing(true);
          await onPush(spec);
          setPushing(false);
        }}
      >
        {t("push")}
      </button>
    </section>
  );
}
