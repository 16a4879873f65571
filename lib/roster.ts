/**
 * Reading a class roster from what instructors paste: one name per line, or a CSV/TSV export
 * whose first column (or a column headed "name"/"이름") holds the names.
 */
import { MAX_NAME_LENGTH, cleanName, nameKey, nameSchema } from "./names";

export const MAX_ROSTER_SIZE = 500;
const HEADER_WORDS = new Set(["name", "names", "student", "이름", "성명", "학생"]);

export interface ParsedRoster {
  names: string[];
  /** Lines that could not be used, with the reason, for the form to show. */
  rejected: { line: number; text: string; reason: string }[];
}

function cellsOf(line: string): string[] {
  const separator = line.includes("\t") ? "\t" : ",";
  return line.split(separator).map((c) => cleanName(c.replace(/^"(.*)"$/, "$1")));
}

export function parseRoster(text: string): ParsedRoster {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let column = 0;
  const first = cellsOf(lines[0] ?? "");
  const headerColumn = first.findIndex((c) => HEADER_WORDS.has(c.toLowerCase()));
  let start = 0;
  if (headerColumn >= 0) {
    column = headerColumn;
    start = 1;
  }
  const seen = new Set<string>();
  const result: ParsedRoster = { names: [], rejected: [] };
  for (let i = start; i < lines.length; i++) {
    const raw = cellsOf(lines[i])[column] ?? "";
    if (raw === "") continue;
    const parsed = nameSchema.safeParse(raw);
    if (!parsed.success) {
      result.rejected.push({ line: i + 1, text: raw.slice(0, MAX_NAME_LENGTH * 2), reason: parsed.error.issues[0].message });
    } else if (seen.has(nameKey(parsed.data))) {
      result.rejected.push({ line: i + 1, text: parsed.data, reason: "duplicate name" });
    } else if (result.names.length >= MAX_ROSTER_SIZE) {
      result.rejected.push({ line: i + 1, text: parsed.data, reason: `a roster holds at most ${MAX_ROSTER_SIZE} names` });
    } else {
      seen.add(nameKey(parsed.data));
      result.names.push(parsed.data);
    }
  }
  return result;
}
