"use client";
/**
 * A preset (corpus + configuration from the lectures) and the corpus itself: bundled texts plus any
 * extra choices. The preset list shows the preset the current choice equals, or "custom".
 */
import { useLocale, useTranslations } from "use-intl";
import { configHash, type CharRNNConfig } from "../../lib/engine/config";
import { BUNDLED_CORPORA } from "../../lib/corpora";
import { PRESETS, type Preset } from "./presets";

const CUSTOM = "";

export function CorpusPicker({
  corpus,
  config,
  onPreset,
  onCorpus,
  extra = [],
}: {
  corpus: string;
  config: CharRNNConfig;
  onPreset: (preset: Preset) => void;
  onCorpus: (corpus: string) => void;
  extra?: { value: string; label: string }[];
}) {
  const t = useTranslations("lab");
  const locale = useLocale() as "ko" | "en";
  const current = PRESETS.find((p) => p.corpus === corpus && configHash(p.config) === configHash(config))?.id ?? CUSTOM;
  const known = BUNDLED_CORPORA.some((c) => c.id === corpus) || extra.some((x) => x.value === corpus);
  return (
    <>
      <label>
        {t("preset")}
        <select
          data-testid="preset"
          value={current}
          onChange={(e) => {
            const preset = PRESETS.find((p) => p.id === e.target.value);
            if (preset) onPreset(preset);
          }}
        >
          <option value={CUSTOM} disabled>
            {t("customPreset")}
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[locale]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("corpus")}
        <select value={corpus} onChange={(e) => onCorpus(e.target.value)} data-testid="corpus">
          {BUNDLED_CORPORA.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title[locale]}
            </option>
          ))}
          {extra.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
          {!known && <option value={corpus}>{corpus}</option>}
        </select>
      </label>
    </>
  );
}
