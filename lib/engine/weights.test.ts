/** The ".rnnw" format: exact round trip, and one distinct error code per kind of malformed file. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeWeights } from "./decodeWeights";
import { encodeWeights, fromFloat16, parseWeights, toFloat16, WeightsFormatError, type WeightsErrorCode } from "./weights";
import { buildVocabulary } from "./text";
import { meanNLL, randomBatch, tinyModel, useBackend } from "./test-support";

const vocab = buildVocabulary("hello world, 안녕", 100);

function fixture(overrides = {}) {
  const model = tinyModel({ cell: "lstm", layers: 2, embeddingSize: 8, ...overrides }, vocab.chars.length);
  return { model, bytes: encodeWeights(model, vocab, { step: 12, validationLoss: 1.25 }) };
}

/** Splits a file into header object and data, so tests can rewrite the header. */
function rewriteHeader(bytes: Uint8Array, edit: (h: Record<string, unknown>) => void): Uint8Array {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<string, unknown>;
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - length);
  out.set(bytes.subarray(0, 4));
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + length), 8 + json.length);
  return out;
}

function rejects(bytes: Uint8Array, code: WeightsErrorCode, limits = {}) {
  assert.throws(
    () => parseWeights(bytes, limits),
    (e: unknown) => e instanceof WeightsFormatError && e.code === code && e.message.length > 10,
    `expected ${code}`,
  );
}

test("weights round-trip exactly (float32) and the loaded model computes the same loss", async () => {
  await useBackend("cpu");
  const { model, bytes } = fixture();
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), "RNNW");
  const { header, vocabulary, model: loaded } = decodeWeights(bytes);
  assert.equal(header.step, 12);
  assert.equal(header.validationLoss, 1.25);
  assert.deepEqual(header.config, model.config);
  assert.deepEqual(vocabulary.chars, vocab.chars);
  const before = model.parameters();
  const after = loaded.parameters();
  before.forEach((p, i) => assert.deepEqual(after[i].values, p.values, p.name));
  const batch = randomBatch(vocab.chars.length, 2, 6);
  assert.equal(meanNLL(loaded, batch), meanNLL(model, batch));
  assert.deepEqual(encodeWeights(loaded, vocab, { step: 12, validationLoss: 1.25 }), bytes);
  model.dispose();
  loaded.dispose();
});

test("float16 files are half the data and round values to binary16", async () => {
  await useBackend("cpu");
  const { model, bytes } = fixture();
  const half = encodeWeights(model, vocab, { dtype: "float16" });
  assert.ok(half.length < bytes.length * 0.6);
  const parsed = parseWeights(half);
  for (const p of model.parameters()) {
    const got = parsed.parameters.get(p.name);
    assert.ok(got);
    p.values.forEach((v, i) => assert.equal(got[i], fromFloat16(toFloat16(v))));
  }
  assert.equal(fromFloat16(toFloat16(1)), 1);
  assert.equal(fromFloat16(toFloat16(-2.5)), -2.5);
  assert.equal(fromFloat16(toFloat16(65504)), 65504);
  assert.equal(fromFloat16(toFloat16(1e6)), Infinity);
  assert.equal(fromFloat16(toFloat16(2 ** -24)), 2 ** -24);
  model.dispose();
});

test("each kind of malformed file is rejected with its own code", async () => {
  await useBackend("cpu");
  const { model, bytes } = fixture();
  const codes = new Set<WeightsErrorCode>();
  const check = (b: Uint8Array, code: WeightsErrorCode, limits = {}) => {
    rejects(b, code, limits);
    codes.add(code);
  };
  check(bytes, "TOO_LARGE", { maxBytes: bytes.length - 1 });
  check(bytes.subarray(0, 5), "TRUNCATED");
  check(bytes.subarray(0, bytes.length - 4), "TRUNCATED");
  const badMagic = bytes.slice();
  badMagic[0] = 0x50;
  check(badMagic, "BAD_MAGIC");
  check(bytes, "HEADER_TOO_LARGE", { maxHeaderBytes: 100 });
  const hugeHeader = bytes.slice();
  new DataView(hugeHeader.buffer).setUint32(4, 0xffffffff, true);
  check(hugeHeader, "HEADER_TOO_LARGE");
  const badJson = bytes.slice();
  badJson[8] = 0x7d; // '}'
  check(badJson, "BAD_HEADER_JSON");
  check(
    rewriteHeader(bytes, (h) => (h.formatVersion = 2)),
    "UNSUPPORTED_VERSION",
  );
  check(
    rewriteHeader(bytes, (h) => (h.step = -1)),
    "BAD_HEADER",
  );
  check(
    rewriteHeader(bytes, (h) => (h.extra = true)),
    "BAD_HEADER",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.config as Record<string, unknown>).hiddenSize = 100_000)),
    "BAD_CONFIG",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.config as Record<string, unknown>).cell = "transformer")),
    "BAD_CONFIG",
  );
  check(
    rewriteHeader(bytes, (h) => (h.vocabulary = ["x", ...(h.vocabulary as string[]).slice(1)])),
    "BAD_VOCABULARY",
  );
  check(bytes, "BAD_VOCABULARY", { maxVocab: 5 });
  check(
    rewriteHeader(bytes, (h) => ((h.config as Record<string, unknown>).hiddenSize = 32)),
    "SHAPE_MISMATCH",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.config as Record<string, unknown>).cell = "gru")),
    "SHAPE_MISMATCH",
  );
  check(
    rewriteHeader(bytes, (h) => (h.tensors as unknown[]).pop()),
    "SHAPE_MISMATCH",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.tensors as { name: string }[])[0].name = "weights")),
    "SHAPE_MISMATCH",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.tensors as { byteOffset: number }[])[1].byteOffset += 4)),
    "BAD_LAYOUT",
  );
  check(
    rewriteHeader(bytes, (h) => ((h.tensors as { byteLength: number }[])[0].byteLength -= 4)),
    "BAD_LAYOUT",
  );
  const trailing = new Uint8Array(bytes.length + 4);
  trailing.set(bytes);
  check(trailing, "BAD_LAYOUT");
  const nan = bytes.slice();
  new DataView(nan.buffer).setFloat32(nan.length - 4, NaN, true);
  check(nan, "NON_FINITE");
  const inf = bytes.slice();
  new DataView(inf.buffer).setFloat32(inf.length - 8, -Infinity, true);
  check(inf, "NON_FINITE");
  assert.equal(codes.size, 12);
  model.dispose();
});
