/**
 * Configuration of a character-level RNN: what the model is, how it trains.
 *
 * One zod schema is the single source of truth: the TypeScript type is derived
 * from it, the weights loader validates untrusted headers with it, and the UI
 * can read its bounds. The classic configuration of the lectures (lecture 05,
 * "Text Generation (4/5)") is the default: one LSTM layer of 128 units,
 * windows of 40 characters, batches of 128, Adam with learning rate 0.01.
 *
 * `configHash` gives a stable short identifier for a configuration (FNV-1a,
 * 64 bit, over canonical JSON) so server and browser can name the same run.
 */
import { z } from "zod";

/** The recurrent cells this engine implements (see cells.ts for equations). */
export const CELL_KINDS = ["rnn", "lstm", "gru"] as const;

export const charRNNConfigSchema = z
  .object({
    /** Recurrent cell: vanilla tanh RNN, LSTM (Hochreiter 1997) or GRU (Cho 2014). */
    cell: z.enum(CELL_KINDS),
    /** Number of stacked recurrent layers. */
    layers: z.number().int().min(1).max(3),
    /** Units per recurrent layer (H). */
    hiddenSize: z.number().int().min(16).max(512),
    /** Embedding width (E); 0 feeds one-hot characters straight into layer 1. */
    embeddingSize: z
      .number()
      .int()
      .refine((e) => e === 0 || (e >= 8 && e <= 256), "embeddingSize must be 0 (one-hot) or 8–256"),
    /** Characters per training window (T): backpropagation through time is truncated here. */
    seqLen: z.number().int().min(8).max(200),
    /** Windows per training step (B). */
    batchSize: z.number().int().min(1).max(256),
    /** Adam step size. */
    learningRate: z.number().min(1e-5).max(0.1),
    /** Global gradient-norm clip; 0 disables clipping. */
    clipNorm: z.number().refine((c) => c === 0 || (c >= 0.1 && c <= 100), "clipNorm must be 0 (off) or 0.1–100"),
    /** Dropout probability applied between recurrent layers (not on input or output). */
    dropout: z.number().min(0).max(0.5),
    /** Learning rate is multiplied by this factor every 1000 steps (smoothly); 1 = no decay. */
    lrDecay: z.number().min(0.1).max(1),
    /** Carry the hidden state across consecutive windows (char-rnn style streams) instead of random windows. */
    statefulWindows: z.boolean(),
    /** Seed of every random choice: initialisation, batching, dropout. */
    seed: z.number().int().min(0).max(0xffffffff),
    /** Vocabulary cap, unknown-character token included. */
    maxVocab: z.number().int().min(32).max(4000),
  })
  .strict();

/** A validated model + training configuration. */
export type CharRNNConfig = z.infer<typeof charRNNConfigSchema>;

/** The lecture's classic setup (LSTM 128, seq 40, batch 128, Adam 0.01). */
export const DEFAULT_CONFIG: CharRNNConfig = Object.freeze({
  cell: "lstm",
  layers: 1,
  hiddenSize: 128,
  embeddingSize: 0,
  seqLen: 40,
  batchSize: 128,
  learningRate: 0.01,
  clipNorm: 5,
  dropout: 0,
  lrDecay: 1,
  statefulWindows: false,
  seed: 42,
  maxVocab: 2000,
});

/** Validates a partial configuration over the defaults; throws a ZodError on bad input. */
export function makeConfig(overrides: Partial<CharRNNConfig> = {}): CharRNNConfig {
  return charRNNConfigSchema.parse({ ...DEFAULT_CONFIG, ...overrides });
}

/** JSON with object keys sorted, so equal configurations serialise identically. */
function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** Stable 16-hex-digit FNV-1a (64 bit) hash of the configuration's canonical JSON (UTF-8). */
export function configHash(config: CharRNNConfig): string {
  let hash = FNV64_OFFSET;
  for (const byte of new TextEncoder().encode(canonicalJSON(config))) {
    hash = ((hash ^ BigInt(byte)) * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, "0");
}
