/**
 * What an instructor may upload as a training text: checked in the browser for instant feedback
 * and again on the server, which decides. A corpus must be real text (no NUL bytes, no invalid
 * UTF-8, few control characters), long enough to split into train / validation / test, and small
 * enough — in size and in distinct characters — for a browser to train on.
 */
export const MIN_CORPUS_CHARS = 2_000;
export const MAX_CORPUS_CHARS = 3_000_000;
export const MAX_CORPUS_DISTINCT_CHARS = 3_000;
/** Share of control characters (other than \n, \r, \t) above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

export type CorpusProblem =
  | { code: "EMPTY" }
  | { code: "BINARY" }
  | { code: "TOO_SHORT"; chars: number; min: number }
  | { code: "TOO_LARGE"; chars: number; max: number }
  | { code: "TOO_MANY_DISTINCT"; distinct: number; max: number };

export interface CorpusStats {
  chars: number;
  distinct: number;
}

export function corpusStats(text: string): CorpusStats {
  const chars = Array.from(text);
  return { chars: chars.length, distinct: new Set(chars).size };
}

/** The first problem of an (NFC-normalised) text, or null when it can be used. */
export function corpusProblem(text: string): CorpusProblem | null {
  if (text.trim().length === 0) return { code: "EMPTY" };
  if (text.includes("\u0000") || text.includes("\uFFFD")) return { code: "BINARY" };
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls / text.length > MAX_CONTROL_SHARE) return { code: "BINARY" };
  const { chars, distinct } = corpusStats(text);
  if (chars < MIN_CORPUS_CHARS) return { code: "TOO_SHORT", chars, min: MIN_CORPUS_CHARS };
  if (chars > MAX_CORPUS_CHARS) return { code: "TOO_LARGE", chars, max: MAX_CORPUS_CHARS };
  if (distinct > MAX_CORPUS_DISTINCT_CHARS) return { code: "TOO_MANY_DISTINCT", distinct, max: MAX_CORPUS_DISTINCT_CHARS };
  return null;
}

export function describeCorpusProblem(problem: CorpusProblem): string {
  switch (problem.code) {
    case "EMPTY":
      return "the text is empty";
    case "BINARY":
      return "this looks like a binary file, not UTF-8 text";
    case "TOO_SHORT":
      return `the text has ${problem.chars} characters; at least ${problem.min} are needed`;
    case "TOO_LARGE":
      return `the text has ${problem.chars} characters; at most ${problem.max} are allowed`;
    case "TOO_MANY_DISTINCT":
      return `the text uses ${problem.distinct} distinct characters; at most ${problem.max} are allowed`;
    default: {
      const exhaustive: never = problem;
      return exhaustive;
    }
  }
}
