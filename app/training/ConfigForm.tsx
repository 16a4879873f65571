"use client";
/**
 * The model and training knobs, each within the engine's bounds (lib/engine/config.ts) or the
 * narrower range an instructor allowed. Fields not in `editable` are shown but locked.
 */
import { useTranslations } from "use-intl";
import { CELL_KINDS, type CharRNNConfig } from "../../lib/engine/config";

type NumericField = "layers" | "hiddenSize" | "embeddingSize" | "seqLen" | "batchSize" | "learningRate" | "clipNorm" | "dropout";
const NUMERIC: { field: NumericField; min: number; max: number; step: number }[] = [
  { field: "layers", min: 1, max: 3, step: 1 },
  { field: "hiddenSize", min: 16, max: 512, step: 16 },
  { field: "embeddingSize", min: 0, max: 256, step: 8 },
  { field: "seqLen", min: 8, max: 200, step: 1 },
  { field: "batchSize", min: 1, max: 256, step: 1 },
  { field: "learningRate", min: 0.0001, max: 0.1, step: 0.0001 },
  { field: "clipNorm", min: 0, max: 100, step: 0.5 },
  { field: "dropout", min: 0, max: 0.5, step: 0.05 },
];

export interface FieldBounds {
  min: number;
  max: number;
}

export function ConfigForm({
  config,
  onChange,
  editable = "all",
  bounds = {},
}: {
  config: CharRNNConfig;
  onChange: (config: CharRNNConfig) => void;
  editable?: "all" | readonly string[];
  bounds?: Partial<Record<NumericField, FieldBounds>>;
}) {
  const t = useTranslations("training");
  const canEdit = (field: string) => editable === "all" || editable.includes(field);
  return (
    <div className="config-form">
      <label>
        {t("cell")}
        <select
          value={config.cell}
          disabled={!canEdit("cell")}
          onChange={(e) => onChange({ ...config, cell: e.target.value as CharRNNConfig["cell"] })}
          data-testid="config-cell"
        >
          {CELL_KINDS.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      {NUMERIC.map(({ field, min, max, step }) => {
        const b = bounds[field];
        return (
          <label key={field}>
            {t(field)}
            <input
              type="number"
              min={b?.min ?? min}
              max={b?.max ?? max}
              step={step}
              value={config[field]}
              disabled={!canEdit(field)}
              data-testid={`config-${field}`}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (Number.isFinite(value)) onChange({ ...config, [field]: Math.min(b?.max ?? max, Math.max(b?.min ?? min, value)) });
              }}
            />
          </label>
        );
      })}
    </div>
  );
}
