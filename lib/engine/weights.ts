/**
 * The one weight-file format (".rnnw"), documented in WEIGHTS.md:
 *
 *   bytes 0–3   "RNNW" (ASCII magic)
 *   bytes 4–7   header length L, uint32 little-endian (the JSON is padded with
 *               spaces so that the data starts at a multiple of 4)
 *   bytes 8…    L bytes of UTF-8 JSON header:
 *               { formatVersion: 1, config, vocabulary, step, validationLoss,
 *                 tensors: [{ name, shape, dtype, byteOffset, byteLength }] }
 *   then        tensor data, little-endian float32 (or float16), at byteOffset
 *               from the start of the data section, contiguous, in the
 *               canonical parameter order of model.ts's parameterSpecs.
 *
 * No tfjs here (the server checks files on its main thread); decodeWeights.ts builds the model.
 * Files come from students' browsers, so decoding trusts nothing: every check
 * failure throws a WeightsFormatError whose `code` names the failed check.
 */
import { z } from "zod";
import { charRNNConfigSchema } from "./config";
import type { CharRNN } from "./model";
import { parameterSpecs } from "./parameters";
import { vocabularyFromChars, type Vocabulary } from "./text";

export const WEIGHTS_MAGIC = "RNNW";
export const WEIGHTS_FORMAT_VERSION = 1;

/** Typed arrays use the host's byte order; the file's is little-endian. */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Why a weight file was rejected. */
export type WeightsErrorCode =
  | "TOO_LARGE"
  | "TRUNCATED"
  | "BAD_MAGIC"
  | "HEADER_TOO_LARGE"
  | "BAD_HEADER_JSON"
  | "UNSUPPORTED_VERSION"
  | "BAD_HEADER"
  | "BAD_CONFIG"
  | "BAD_VOCABULARY"
  | "SHAPE_MISMATCH"
  | "BAD_LAYOUT"
  | "NON_FINITE";

export class WeightsFormatError extends Error {
  constructor(
    readonly code: WeightsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WeightsFormatError";
  }
}

/** Caps applied while decoding untrusted bytes. */
export interface WeightsLimits {
  /** Whole file, bytes (default 8 MB). */
  maxBytes: number;
  /** JSON header, bytes (default 256 KB). */
  maxHeaderBytes: number;
  /** Vocabulary entries (default 4000, the schema's maximum of maxVocab). */
  maxVocab: number;
}

export const DEFAULT_WEIGHTS_LIMITS: WeightsLimits = Object.freeze({ maxBytes: 8 * 1024 * 1024, maxHeaderBytes: 256 * 1024, maxVocab: 4000 });

const tensorEntrySchema = z
  .object({
    name: z.string(),
    shape: z.array(z.number().int().nonnegative()),
    dtype: z.enum(["float32", "float16"]),
    byteOffset: z.number().int().nonnegative(),
    byteLength: z.number().int().nonnegative(),
  })
  .strict();

/** The header with the config still unchecked (checked separately for its own error code). */
const headerShapeSchema = z
  .object({
    formatVersion: z.literal(WEIGHTS_FORMAT_VERSION),
    config: z.unknown(),
    vocabulary: z.array(z.string()),
    step: z.number().int().nonnegative(),
    validationLoss: z.number().nullable(),
    tensors: z.array(tensorEntrySchema),
  })
  .strict();

export const weightsHeaderSchema = headerShapeSchema.extend({ config: charRNNConfigSchema });

/** The validated JSON header of a weight file. */
export type WeightsHeader = z.infer<typeof weightsHeaderSchema>;
export type TensorDType = z.infer<typeof tensorEntrySchema>["dtype"];

/** Training facts stored with the weights. */
export interface WeightsMeta {
  /** Optimizer steps taken (default: the model's). */
  step?: number;
  /** Last validation loss in nats per character, if measured. */
  validationLoss?: number | null;
  /** Storage type of the tensor data (default float32; float16 halves the size, lossy). */
  dtype?: TensorDType;
}

const BYTES_PER: Record<TensorDType, number> = { float32: 4, float16: 2 };
const PREFIX_BYTES = 8;

/** Serialises a model and its vocabulary. */
export function encodeWeights(model: CharRNN, vocab: Vocabulary, meta: WeightsMeta = {}): Uint8Array {
  const dtype = meta.dtype ?? "float32";
  if (vocab.chars.length !== model.vocabSize) throw new RangeError(`vocabulary has ${vocab.chars.length} characters, the model ${model.vocabSize}`);
  const params = model.parameters();
  let offset = 0;
  const tensors = params.map((p) => {
    const byteLength = p.values.length * BYTES_PER[dtype];
    const entry = { name: p.name, shape: p.shape, dtype, byteOffset: offset, byteLength };
    offset += byteLength + ((4 - (byteLength % 4)) % 4);
    return entry;
  });
  const header: WeightsHeader = {
    formatVersion: WEIGHTS_FORMAT_VERSION,
    config: model.config,
    vocabulary: [...vocab.chars],
    step: meta.step ?? model.step,
    validationLoss: meta.validationLoss ?? null,
    tensors,
  };
  const jsonText = JSON.stringify(header);
  const padding = (4 - ((PREFIX_BYTES + new TextEncoder().encode(jsonText).length) % 4)) % 4;
  const json = new TextEncoder().encode(jsonText + " ".repeat(padding));

  const bytes = new Uint8Array(PREFIX_BYTES + json.length + offset);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(WEIGHTS_MAGIC), 0);
  view.setUint32(4, json.length, true);
  bytes.set(json, PREFIX_BYTES);
  const dataStart = PREFIX_BYTES + json.length;
  params.forEach((p, k) => {
    const at = dataStart + tensors[k].byteOffset;
    p.values.forEach((v, i) => {
      if (dtype === "float32") view.setFloat32(at + 4 * i, v, true);
      else view.setUint16(at + 2 * i, toFloat16(v), true);
    });
  });
  return bytes;
}

/** A fully validated weight file, without tfjs. */
export interface ParsedWeights {
  header: WeightsHeader;
  vocabulary: Vocabulary;
  /** Float32 values by parameter name. */
  parameters: Map<string, Float32Array>;
}

/** Validates `bytes` completely and extracts header, vocabulary and values; throws WeightsFormatError. */
export function parseWeights(bytes: Uint8Array, limits: Partial<WeightsLimits> = {}): ParsedWeights {
  const { maxBytes, maxHeaderBytes, maxVocab } = { ...DEFAULT_WEIGHTS_LIMITS, ...limits };
  if (bytes.length > maxBytes) throw new WeightsFormatError("TOO_LARGE", `file is ${bytes.length} bytes; the limit is ${maxBytes}`);
  if (bytes.length < PREFIX_BYTES) throw new WeightsFormatError("TRUNCATED", `file is ${bytes.length} bytes, shorter than the 8-byte prefix`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== WEIGHTS_MAGIC) throw new WeightsFormatError("BAD_MAGIC", 'not an RNN Classroom weight file (missing "RNNW" magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (headerLength > maxHeaderBytes) throw new WeightsFormatError("HEADER_TOO_LARGE", `header is ${headerLength} bytes; the limit is ${maxHeaderBytes}`);
  const dataStart = PREFIX_BYTES + headerLength;
  if (dataStart > bytes.length)
    throw new WeightsFormatError("TRUNCATED", `header claims ${headerLength} bytes but the file ends after ${bytes.length - PREFIX_BYTES}`);

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, dataStart)));
  } catch (e) {
    throw new WeightsFormatError("BAD_HEADER_JSON", `header is not valid UTF-8 JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new WeightsFormatError("BAD_HEADER", "header must be a JSON object");
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version !== WEIGHTS_FORMAT_VERSION)
    throw new WeightsFormatError("UNSUPPORTED_VERSION", `format version ${JSON.stringify(version)} is not supported (expected ${WEIGHTS_FORMAT_VERSION})`);
  const shape = headerShapeSchema.safeParse(raw);
  if (!shape.success)
    throw new WeightsFormatError("BAD_HEADER", `header fields are invalid: ${shape.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const config = charRNNConfigSchema.safeParse(shape.data.config);
  if (!config.success)
    throw new WeightsFormatError("BAD_CONFIG", `config is invalid: ${config.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const header: WeightsHeader = { ...shape.data, config: config.data };

  const chars = header.vocabulary;
  if (chars.length > Math.min(maxVocab, header.config.maxVocab)) {
    throw new WeightsFormatError("BAD_VOCABULARY", `vocabulary has ${chars.length} entries; at most ${Math.min(maxVocab, header.config.maxVocab)} allowed`);
  }
  let vocabulary: Vocabulary;
  try {
    vocabulary = vocabularyFromChars(chars);
  } catch (e) {
    throw new WeightsFormatError("BAD_VOCABULARY", `vocabulary is invalid: ${(e as Error).message}`);
  }

  const expected = parameterSpecs(header.config, chars.length);
  if (header.tensors.length !== expected.length) {
    throw new WeightsFormatError(
      "SHAPE_MISMATCH",
      `the config implies ${expected.length} tensors (${expected.map((s) => s.name).join(", ")}); the file has ${header.tensors.length}`,
    );
  }
  const parameters = new Map<string, Float32Array>();
  let nextOffset = 0;
  expected.forEach((spec, k) => {
    const t = header.tensors[k];
    if (t.name !== spec.name || t.shape.length !== spec.shape.length || t.shape.some((d, i) => d !== spec.shape[i])) {
      throw new WeightsFormatError(
        "SHAPE_MISMATCH",
        `tensor ${k} is ${t.name} [${t.shape.join(", ")}]; the config implies ${spec.name} [${spec.shape.join(", ")}]`,
      );
    }
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (t.byteLength !== count * BYTES_PER[t.dtype]) {
      throw new WeightsFormatError(
        "BAD_LAYOUT",
        `tensor ${t.name} has byteLength ${t.byteLength}; ${count} ${t.dtype} values need ${count * BYTES_PER[t.dtype]}`,
      );
    }
    if (t.byteOffset !== nextOffset)
      throw new WeightsFormatError("BAD_LAYOUT", `tensor ${t.name} starts at ${t.byteOffset}; expected ${nextOffset} (contiguous, 4-byte aligned)`);
    nextOffset = t.byteOffset + t.byteLength + ((4 - (t.byteLength % 4)) % 4);
    const at = dataStart + t.byteOffset;
    if (at + t.byteLength > bytes.length)
      throw new WeightsFormatError("TRUNCATED", `tensor ${t.name} ends at byte ${at + t.byteLength} but the file has ${bytes.length}`);
    const values = new Float32Array(count);
    if (t.dtype === "float32" && LITTLE_ENDIAN_HOST) {
      // One copy of the file's little-endian floats (a server checks a class's uploads at once: ≈ 10× faster than per value).
      values.set(new Float32Array(bytes.slice(at, at + 4 * count).buffer));
    } else {
      for (let i = 0; i < count; i++) values[i] = t.dtype === "float32" ? view.getFloat32(at + 4 * i, true) : fromFloat16(view.getUint16(at + 2 * i, true));
    }
    for (let i = 0; i < count; i++) {
      if (!Number.isFinite(values[i])) throw new WeightsFormatError("NON_FINITE", `tensor ${t.name} holds a non-finite value at index ${i}`);
    }
    parameters.set(t.name, values);
  });
  if (dataStart + nextOffset !== bytes.length) {
    throw new WeightsFormatError("BAD_LAYOUT", `file has ${bytes.length - dataStart - nextOffset} unexpected bytes after the last tensor`);
  }
  return { header, vocabulary, parameters };
}

/** IEEE 754 binary16 bits of `value`, rounded to nearest even (overflow → ±Infinity). */
export function toFloat16(value: number): number {
  const f32 = new Float32Array([value]);
  const x = new Uint32Array(f32.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const full = mant | 0x800000;
    const shift = 14 - e;
    let half = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && (half & 1) === 1)) half += 1;
    return sign | half;
  }
  let half = sign | (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1)) half += 1;
  return half;
}

/** The number stored in binary16 bits `bits`. */
export function fromFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >>> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m !== 0 ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
