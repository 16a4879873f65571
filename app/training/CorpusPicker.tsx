"use client";
/** A preset (corpus + configuration from the lectures) and the corpus itself: bundled texts plus any extra choices. */
import { useLocale, useTranslations } from "use-intl";
import { BUNDLED_CORPORA } from "../../lib/corpora";
import { PRESETS, type Preset } from "./presets";

export function CorpusPicker({ corpus, onPreset, onCorpus, extra = [] }: { corpus: string; onPreset: (preset: Preset) => void; onCorpus: (corpus: string) => void; extra?: { value: string; label: string }[] }) {
  const t = useTranslations("lab");
  const locale = useLocale() as "ko" | "en";
  return (
    <>
      <label>
        {t("preset")}
        <select
          data-testid="preset"
          onChange={(e) => {
            const preset = PRESETS.find((p) => p.id === e.target.value);
            if (preset) onPreset(preset);
          }}
        >
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
        </select>
      </label>
    </>
  );
}
