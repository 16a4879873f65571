/**
 * Reading a class roster from what instructors paste: one name per line, or a CSV/TSV export
 * whose first column (or a column headed "name"/"이름") holds the names.
 */
import { MAX_NAME_LENGTH, cleanName, nameLooks, nameProblem } from "./names";

export const MAX_ROSTER_SIZE = 500;

/** Why a roster line is not added (the UI translates the code). */
export const ROSTER_REJECTIONS = ["EMPTY", "TOO_LONG", "CONTROL_CHARS", "DUPLICATE", "TOO_MANY", "ALREADY_ON_ROSTER"] as const;
export type RosterRejection = (typeof ROSTER_REJECTIONS)[number];
const HEADER_WORDS = new Set(["name", "names", "student", "이름", "성명", "학생"]);

export interface ParsedRoster {
  names: string[];
  /** Lines that could not be used, with the reason, for the form to show. */
  rejected: { line: number; text: string; reason: RosterRejection }[];
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
    const problem = nameProblem(raw); // cellsOf already cleaned it
    if (problem) {
      result.rejected.push({ line: i + 1, text: raw.slice(0, MAX_NAME_LENGTH * 2), reason: problem });
    } else if (nameLooks(raw).some((look) => seen.has(look))) {
      result.rejected.push({ line: i + 1, text: raw, reason: "DUPLICATE" });
    } else if (result.names.length >= MAX_ROSTER_SIZE) {
      result.rejected.push({ line: i + 1, text: raw, reason: "TOO_MANY" });
    } else {
      for (const look of nameLooks(raw)) seen.add(look);
      result.names.push(raw);
    }
  }
  return result;
}
