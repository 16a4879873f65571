/**
 * Flat parameter vectors: every parameter of a configuration concatenated in the engine's canonical
 * order (parameterSpecs), the form the combiners work on and the aggregation worker transfers.
 */
import { CharRNN, parameterSpecs, type CharRNNConfig } from "../engine";

/** Parameters by name (from parseWeights or CharRNN.parameters) → one flat vector. */
export function flatten(config: CharRNNConfig, vocabSize: number, parameters: ReadonlyMap<string, Float32Array>): Float32Array {
  const specs = parameterSpecs(config, vocabSize);
  const total = specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  const flat = new Float32Array(total);
  let at = 0;
  for (const spec of specs) {
    const values = parameters.get(spec.name);
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (!values || values.length !== size) throw new RangeError(`parameter ${spec.name} needs ${size} values`);
    flat.set(values, at);
    at += size;
  }
  return flat;
}

/** A flat vector → parameters by name. */
export function unflatten(config: CharRNNConfig, vocabSize: number, flat: Float32Array): Map<string, Float32Array> {
  const parameters = new Map<string, Float32Array>();
  let at = 0;
  for (const spec of parameterSpecs(config, vocabSize)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    parameters.set(spec.name, flat.slice(at, at + size));
    at += size;
  }
  if (at !== flat.length) throw new RangeError(`the vector has ${flat.length} values; the configuration needs ${at}`);
  return parameters;
}

/** The model's current values as one flat vector. */
export function modelVector(model: CharRNN): Float32Array {
  return flatten(model.config, model.vocabSize, new Map(model.parameters().map((p) => [p.name, p.values])));
}

/** A model with the values of `flat` (a fresh optimizer: F13). */
export function modelFromVector(config: CharRNNConfig, vocabSize: number, flat: Float32Array): CharRNN {
  return CharRNN.fromParameters(config, vocabSize, unflatten(config, vocabSize, flat));
}
