/** A small model session spec for tests, and a telemetry builder. */
import { DEFAULT_CONFIG } from "../../lib/engine/config";
import type { ModelSessionSpec, Telemetry } from "../../lib/protocol/training";

export function tinySpec(overrides: Partial<ModelSessionSpec> = {}): ModelSessionSpec {
  return {
    corpus: "tinyshakespeare",
    config: { ...DEFAULT_CONFIG, hiddenSize: 32, seqLen: 16, batchSize: 8 },
    budgetMinutes: 10,
    temperature: 0.8,
    studentKnobs: [{ field: "learningRate", min: 0.001, max: 0.05 }],
    groups: [],
    ...overrides,
  };
}

export function telemetry(modelSessionId: string, step: number, extra: Partial<Telemetry> = {}): Telemetry {
  return { modelSessionId, step, trainLoss: 4 - step / 1000, valLoss: null, charsPerSec: 1500, backend: "wasm", sample: `sample at ${step}`, ...extra };
}
