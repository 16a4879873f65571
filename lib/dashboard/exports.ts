/**
 * The rows of the two CSV exports (lib/dashboard/csv.ts turns them into a file): the class
 * summary, one row per roster student, and a session's detail, one row per participant.
 * Column titles come from the caller (the message catalog), so both languages share one layout.
 */
import type { AttendanceIndex } from "./attendance";
import type { ConceptTable } from "./concepts";
import { csvNumber, type CsvCell } from "./csv";
import { quizAccuracy, type ParticipantFacts } from "./facts";
import type { SessionRow, StudentRow } from "./rows";

/** A date as YYYY-MM-DD in the class's time zone. */
export function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

/** A moment as "YYYY-MM-DD HH:MM:SS" in the class's time zone (spreadsheets read it as a date and time). */
export function localDateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(ms));
}

export interface SummaryLabels {
  name: string;
  archived: string;
  attended: string;
  attendanceRate: string;
  trainingMinutes: string;
  /** "{date}" is replaced by the session's date. */
  bestBpcOn: string;
  quizPoints: string;
  quizAccuracy: string;
  /** "{tag}" is replaced by the concept. */
  conceptAccuracy: string;
  yes: string;
}

export function classSummaryRows(input: {
  labels: SummaryLabels;
  /** The class's time zone (the session dates in the column titles). */
  timeZone: string;
  /** Oldest first. */
  sessions: readonly SessionRow[];
  students: readonly StudentRow[];
  attendance: AttendanceIndex;
  facts: ReadonlyMap<string, ParticipantFacts>;
  concepts: ConceptTable;
  tags: readonly string[];
  /** How a tag is named in the header (its label in the reader's language). */
  tagName: (tag: string) => string;
}): CsvCell[][] {
  const { labels, sessions } = input;
  const header: CsvCell[] = [
    labels.name,
    labels.archived,
    labels.attended,
    labels.attendanceRate,
    labels.trainingMinutes,
    ...sessions.map((s, i) => labels.bestBpcOn.replace("{date}", `${localDate(s.createdAt, input.timeZone)} #${i + 1}`)),
    labels.quizPoints,
    labels.quizAccuracy,
    ...input.tags.map((tag) => labels.conceptAccuracy.replace("{tag}", input.tagName(tag))),
  ];
  const rows = input.students.map((student) => {
    const attended = input.attendance.get(student.id);
    const mine = sessions.flatMap((s) => {
      const f = attended?.get(s.id);
      return f && input.facts.has(f) ? [input.facts.get(f) as ParticipantFacts] : [];
    });
    const totals = mine.reduce((t, f) => ({ quizAnswered: t.quizAnswered + f.quizAnswered, quizCorrect: t.quizCorrect + f.quizCorrect }), {
      quizAnswered: 0,
      quizCorrect: 0,
    });
    const bySession = new Map(mine.map((f) => [f.sessionId, f]));
    return [
      student.name,
      student.archived ? labels.yes : "",
      mine.length,
      sessions.length ? csvNumber(mine.length / sessions.length) : null,
      csvNumber(mine.reduce((t, f) => t + f.trainingMs, 0) / 60_000, 1),
      ...sessions.map((s) => csvNumber(bySession.get(s.id)?.bestBpc ?? null)),
      mine.reduce((t, f) => t + f.quizPoints, 0),
      csvNumber(quizAccuracy(totals)),
      ...input.tags.map((tag) => csvNumber(input.concepts.get(student.id)?.get(tag)?.accuracy ?? null)),
    ];
  });
  return [header, ...rows];
}

export interface SessionDetailLabels {
  name: string;
  kind: string;
  roster: string;
  guest: string;
  joinedAt: string;
  group: string;
  trainingMinutes: string;
  steps: string;
  backend: string;
  charsPerSec: string;
  publicBpc: string;
  privateBpc: string;
  novelty: string;
  sample: string;
  quizPoints: string;
  quizAccuracy: string;
  answered: string;
}

export interface SessionDetailRow {
  name: string;
  roster: boolean;
  joinedAt: number;
  group: string | null;
  trainingMs: number;
  steps: number;
  backend: string | null;
  charsPerSec: number | null;
  publicBpc: number | null;
  privateBpc: number | null;
  novelty: number | null;
  sample: string | null;
  quizPoints: number;
  quizAnswered: number;
  quizCorrect: number;
}

export function sessionDetailRows(labels: SessionDetailLabels, rows: readonly SessionDetailRow[], timeZone: string): CsvCell[][] {
  const header = [
    labels.name,
    labels.kind,
    labels.joinedAt,
    labels.group,
    labels.trainingMinutes,
    labels.steps,
    labels.backend,
    labels.charsPerSec,
    labels.publicBpc,
    labels.privateBpc,
    labels.novelty,
    labels.sample,
    labels.quizPoints,
    labels.quizAccuracy,
    labels.answered,
  ];
  return [
    header,
    ...rows.map((r) => [
      r.name,
      r.roster ? labels.roster : labels.guest,
      localDateTime(r.joinedAt, timeZone),
      r.group,
      csvNumber(r.trainingMs / 60_000, 1),
      r.steps,
      r.backend,
      r.charsPerSec === null ? null : Math.round(r.charsPerSec),
      csvNumber(r.publicBpc),
      csvNumber(r.privateBpc),
      csvNumber(r.novelty),
      r.sample,
      r.quizPoints,
      csvNumber(quizAccuracy(r)),
      r.quizAnswered,
    ]),
  ];
}
