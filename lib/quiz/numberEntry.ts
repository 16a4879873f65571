/**
 * Reads a number the way students write it (rule Q13a of lib/quiz/SPEC.md). One parser, used by
 * the student's answer form (to say before sending that an entry cannot be read, and what it
 * reads as) and by the server's scoring (which never trusts a number computed in the browser).
 *
 *   99,328 · 99 328      thousands separators (commas or spaces in groups of three) → 99328
 *   0,5 · 3,14           a decimal comma, when it cannot be a thousands separator   → 0.5, 3.14
 *   1.234,5              dots as thousands separators with a decimal comma           → 1234.5
 *   2/3 · -1/2           a fraction                                                  → 0.666…, -0.5
 *   25%                  a percentage (unless the question's unit is %)             → 0.25
 *   2 bits · 128개       a unit after the number is ignored                          → 2, 128
 *   ２５ · －３           full-width digits and signs (Unicode NFKC), the − minus sign
 *   1e-3                 scientific notation
 * Anything else ("1,23,4", "two", "5,") cannot be read: the student is told, nothing is guessed.
 */

export type NumberEntry = { ok: true; value: number } | { ok: false; problem: "empty" | "unreadable" };

/** A unit after the number: letters (any script), spaces, and the signs units use. */
const UNIT_AFTER = /^[\p{L}\p{M}\s%°/.·]*$/u;
/** A number (digits and separators, optionally a fraction or an exponent) followed by anything else. */
const NUMBER_THEN_REST = /^([+-]?\s*[0-9.][0-9.,\s]*(?:\/\s*[0-9][0-9.,]*|e[+-]?[0-9]+)?)(.*)$/iu;

/** Reads `raw`; `unit` is the question's unit, so "25%" to a question in % reads as 25. */
export function readNumber(raw: string, unit?: string): NumberEntry {
  const text = raw
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013\u2014]/gu, "-")
    .trim();
  if (text === "") return { ok: false, problem: "empty" };
  const match = NUMBER_THEN_REST.exec(text);
  if (!match) return { ok: false, problem: "unreadable" };
  const numberPart = match[1].trim();
  const after = match[2].trim();
  if (!UNIT_AFTER.test(after)) return { ok: false, problem: "unreadable" };
  const percent = after === "%" && unit?.trim() !== "%";

  const negative = numberPart.startsWith("-");
  const unsigned = numberPart.replace(/^[+-]\s*/u, "");
  const value = fractionOrPlain(unsigned);
  if (value === null || !Number.isFinite(value)) return { ok: false, problem: "unreadable" };
  const signed = negative ? -value : value;
  return { ok: true, value: percent ? signed / 100 : signed };
}

function fractionOrPlain(s: string): number | null {
  const fraction = /^(.+?)\s*\/\s*(.+)$/u.exec(s);
  if (fraction) {
    const [top, bottom] = [decimal(fraction[1]), decimal(fraction[2])];
    return top === null || bottom === null || bottom === 0 ? null : top / bottom;
  }
  const scientific = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)e([+-]?[0-9]+)$/iu.exec(s);
  if (scientific) return Number(`${scientific[1]}e${scientific[2]}`);
  return decimal(s);
}

/** An unsigned decimal number with the separators the file comment lists; null if ambiguous or malformed. */
function decimal(s: string): number | null {
  if (/^[0-9]+$/u.test(s) || /^[0-9]*\.[0-9]+$/u.test(s) || /^[0-9]+\.$/u.test(s)) return Number(s);
  // Groups of three after a first group that does not start with 0: thousands (99,328 · 99 328).
  if (/^[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?$/u.test(s)) return Number(s.replace(/,/gu, ""));
  if (/^[1-9][0-9]{0,2}(?: [0-9]{3})+(?:\.[0-9]+)?$/u.test(s)) return Number(s.replace(/ /gu, ""));
  // One comma that cannot separate thousands: a decimal comma (0,5 · 3,14 · 0,125).
  if (/^[0-9]+,[0-9]+$/u.test(s)) return Number(s.replace(",", "."));
  // Dots separating thousands, then a decimal comma (1.234,5).
  if (/^[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+$/u.test(s)) return Number(s.replace(/\./gu, "").replace(",", "."));
  return null;
}
