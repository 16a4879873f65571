/**
 * Reading a class roster from what instructors paste: one name per line, or a CSV/TSV export
 * whose first column (or a column headed "name"/"이름") holds the names. CSV is read by papaparse
 * (quoted fields with commas or doubled quotes, CRLF); files are decoded by `decodeRosterFile`,
 * which also reads Excel's Korean CP949/EUC-KR exports.
 */
import Papa from "papaparse";
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

/**
 * A roster file's bytes as text: UTF-8 (with or without BOM) when the bytes are valid UTF-8,
 * otherwise CP949/EUC-KR — what Excel writes for "CSV" on a Korean Windows PC.
 */
export function decodeRosterFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("euc-kr").decode(bytes);
  }
}

/** Rows of cells: tab-separated when the first line has a tab, else CSV. */
function rowsOf(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const { data } = Papa.parse<string[]>(text, { delimiter: firstLine.includes("\t") ? "\t" : ",", skipEmptyLines: false });
  return data.map((row) => row.map(cleanName));
}

export function parseRoster(text: string): ParsedRoster {
  const rows = rowsOf(text.replace(/^\uFEFF/, "").replace(/(\r?\n)+$/, ""));
  let column = 0;
  const headerColumn = (rows[0] ?? []).findIndex((c) => HEADER_WORDS.has(c.toLowerCase()));
  let start = 0;
  if (headerColumn >= 0) {
    column = headerColumn;
    start = 1;
  }
  const seen = new Set<string>();
  const result: ParsedRoster = { names: [], rejected: [] };
  // `line` is the row's number (1-based); a quoted field may span lines, so it counts rows.
  for (let i = start; i < rows.length; i++) {
    const raw = rows[i][column] ?? "";
    if (raw === "") continue;
    const problem = nameProblem(raw); // rowsOf already cleaned it
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
