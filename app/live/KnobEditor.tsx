"use client";
/** Which settings students may change, and within which range (each range must contain the pushed value). */
import { useTranslations } from "use-intl";
import type { CharRNNConfig } from "../../lib/engine/config";
import type { ModelSessionSpec } from "../../lib/protocol/training";

type Knob = ModelSessionSpec["studentKnobs"][number];
const FIELDS: Knob["field"][] = ["learningRate", "batchSize", "seqLen", "hiddenSize", "layers", "clipNorm", "dropout"];
/** A sensible default range around the pushed value when a knob is switched on. */
function defaultRange(field: Knob["field"], value: number): Knob {
  const integer = field !== "learningRate" && field !== "clipNorm" && field !== "dropout";
  const lo = field === "dropout" ? 0 : integer ? Math.max(1, Math.floor(value / 2)) : value / 5;
  const hi = field === "dropout" ? 0.5 : integer ? value * 2 : value * 5;
  return { field, min: lo, max: hi };
}

export function KnobEditor({ knobs, config, onChange }: { knobs: Knob[]; config: CharRNNConfig; onChange: (knobs: Knob[]) => void }) {
  const t = useTranslations("live");
  const tt = useTranslations("training");
  return (
    <fieldset className="knob-editor" data-testid="knob-editor">
      <legend>{t("knobs")}</legend>
      {FIELDS.map((field) => {
        const knob = knobs.find((k) => k.field === field);
        const update = (next: Knob | null) => onChange([...knobs.filter((k) => k.field !== field), ...(next ? [next] : [])]);
        return (
          <div key={field} className="row small">
            <label className="inline">
              <input type="checkbox" checked={knob !== undefined} onChange={(e) => update(e.target.checked ? defaultRange(field, config[field]) : null)} />
              {tt(field)}
            </label>
            {knob && (
              <>
                <input
                  type="number"
                  value={knob.min}
                  step="any"
                  aria-label={`${field} min`}
                  onChange={(e) => update({ ...knob, min: Number(e.target.value) })}
                />
                –
                <input
                  type="number"
                  value={knob.max}
                  step="any"
                  aria-label={`${field} max`}
                  onChange={(e) => update({ ...knob, max: Number(e.target.value) })}
                />
              </>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
