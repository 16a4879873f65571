/**
 * RNN Classroom's char-RNN engine: pure TypeScript on TensorFlow.js, no DOM
 * and no Node APIs, so the same code runs in a browser Web Worker and in Node
 * worker_threads (choose and initialise the tfjs backend before using it).
 *
 *   config.ts    CharRNNConfig, its zod schema and bounds, DEFAULT_CONFIG, configHash
 *   text.ts      NFC text, vocabulary (unknown token at id 0), encode/decode, corpus split
 *   rng.ts       seeded PRNG behind every random choice
 *   cells.ts     RNN / LSTM / GRU forward and hand-written backward through time (op-by-op)
 *   fusedNetwork.ts  the network and its loss over all steps at once, around a backend's fused layers:
 *   gpu/         on WebGPU, built for the GPU: fused WGSL step kernels (kernels.ts), layers (layers.ts)
 *   wasm/        on WASM, built for the CPU: the engine's WebAssembly module (assembly/layers.ts),
 *                a layer's window as one call forward and one backward (layer.ts)
 *   model.ts     CharRNN: parameters, forward, score, gradients, trainStep (Adam + clipping)
 *   train.ts     Trainer: random or stateful batches, steps, validation loss
 *   sample.ts    seeded generation with temperature and top-k, streaming
 *   evaluate.ts  deterministic nats / bits per character over a long text
 *   weights.ts   the ".rnnw" binary weight format (WEIGHTS.md), strict decoding
 */
export { CELL_KINDS, DEFAULT_CONFIG, charRNNConfigSchema, configHash, makeConfig, type CharRNNConfig } from "./config";
export {
  UNKNOWN_CHAR,
  buildVocabulary,
  decode,
  encode,
  normalizeText,
  splitBlockSize,
  splitCorpus,
  vocabularyFromChars,
  type CorpusSplit,
  type Vocabulary,
} from "./text";
export { Rng } from "./rng";
export { CharRNN, disposeState, parameterSpecs, type ParameterSpec, type ParameterValues, type RNNState, type TokenBatch } from "./model";
export { Trainer, bitsPerChar, lossReport, type LossReport, type StepReport, type TrainerOptions } from "./train";
export { MAX_TEMPERATURE, chooseNext, generate, sample, type SampleOptions } from "./sample";
export { DEFAULT_EVAL_STREAMS, DEFAULT_EVAL_WINDOW, evaluateText, type EvaluateOptions } from "./evaluate";
export {
  DEFAULT_WEIGHTS_LIMITS,
  WEIGHTS_FORMAT_VERSION,
  WEIGHTS_MAGIC,
  WeightsFormatError,
  encodeWeights,
  parseWeights,
  type ParsedWeights,
  type WeightsErrorCode,
  type WeightsHeader,
  type WeightsLimits,
  type WeightsMeta,
} from "./weights";
export { decodeWeights } from "./decodeWeights";
