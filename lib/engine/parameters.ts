/**
 * The parameters a configuration implies, by name and shape, in canonical order — without tfjs,
 * so that the server's main thread can check weight files (lib/engine/weights.ts) without
 * loading TensorFlow.js (≈ 1–2 s of every start).
 */
import type { CharRNNConfig } from "./config";

/** Gate blocks G per cell: the kernels have G·H columns. */
export const GATE_COUNT: Record<CharRNNConfig["cell"], number> = { rnn: 1, lstm: 4, gru: 3 };

/** Name and shape of one parameter tensor. */
export interface ParameterSpec {
  name: string;
  shape: number[];
}

/** Every parameter the configuration implies, in canonical order (also the order in weight files). */
export function parameterSpecs(config: CharRNNConfig, vocabSize: number): ParameterSpec[] {
  const { hiddenSize: H, embeddingSize: E, layers } = config;
  const GH = GATE_COUNT[config.cell] * H;
  const specs: ParameterSpec[] = [];
  if (E > 0) specs.push({ name: "embedding", shape: [vocabSize, E] });
  for (let l = 0; l < layers; l++) {
    const inputSize = l > 0 ? H : E > 0 ? E : vocabSize;
    specs.push({ name: `layer${l}.kernel`, shape: [inputSize, GH] });
    specs.push({ name: `layer${l}.recurrentKernel`, shape: [H, GH] });
    specs.push({ name: `layer${l}.bias`, shape: [GH] });
  }
  specs.push({ name: "output.kernel", shape: [H, vocabSize] });
  specs.push({ name: "output.bias", shape: [vocabSize] });
  return specs;
}
