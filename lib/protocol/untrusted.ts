/**
 * Parsing what a client sent (socket payloads, JSON bodies, upload metadata): the one place where
 * untrusted values meet their zod schemas.
 *
 * Rule SS1 (SECURITY.md): every user string is well-formed Unicode. JSON and Socket.IO carry lone
 * UTF-16 surrogates ("abc\uD800def") that pass `z.string()` but that PostgreSQL refuses (and that
 * break UTF-8 encoders), so a single bad sample could fail a whole batch write. They are replaced
 * with U+FFFD before any schema sees the value, so no handler ever receives one.
 */
import type { z } from "zod";

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every lone surrogate replaced by U+FFFD (what String.prototype.toWellFormed does). */
export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATES, "\uFFFD");
}

/** A deep copy of an untrusted (JSON-like) value whose strings, keys included, are well-formed. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [wellFormedText(key), wellFormed(entry)]));
  }
  return value;
}

/** Validates an untrusted value against `schema` after making its strings well-formed (SS1). */
export function parseUntrusted<S extends z.ZodType>(schema: S, raw: unknown) {
  return schema.safeParse(wellFormed(raw)) as ReturnType<S["safeParse"]>;
}
