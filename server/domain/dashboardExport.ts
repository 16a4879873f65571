/**
 * The dashboard's CSV exports: the class summary (one row per roster student) and one session's
 * detail (one row per participant), with column titles from the message catalog of the
 * requested language, dates and times in the class's time zone. The file text (BOM included) goes back inside the JSON reply.
 */
import { catalogs, type Locale } from "../../lib/i18n/config";
import { csvDocument } from "../../lib/dashboard/csv";
import { classSummaryRows, localDate, sessionDetailRows, type SessionDetailRow } from "../../lib/dashboard/exports";
import { tagLabel } from "../../lib/quiz/tags";
import type { Db } from "../db/client";
import { derive, loadClassRows, sessionReport } from "./dashboard";

/** A file name without characters that file systems refuse. */
function fileName(base: string): string {
  return `${base.replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_").trim() || "export"}.csv`;
}

export async function classSummaryCsv(db: Db, instructorId: string, classId: string, locale: Locale) {
  const rows = await loadClassRows(db, instructorId, classId, { training: true });
  const timeZone = rows.timeZone;
  const d = derive(rows);
  const labels = catalogs[locale].dashboard.csv;
  return {
    filename: fileName(labels.summaryFile.replace("{name}", rows.className)),
    csv: csvDocument(
      classSummaryRows({
        labels,
        timeZone,
        sessions: rows.sessions,
        students: rows.students,
        attendance: d.attendance,
        facts: d.facts,
        concepts: d.concepts,
        tags: d.tags,
        tagName: (tag) => tagLabel(tag, locale),
      }),
    ),
  };
}

export async function sessionDetailCsv(db: Db, instructorId: string, classId: string, sessionId: string, locale: Locale) {
  const report = await sessionReport(db, instructorId, classId, sessionId);
  const timeZone = report.class.timeZone;
  const [seats, progress, answers, assignments] = await Promise.all([
    db.participant.findMany({ where: { sessionId }, orderBy: { joinedAt: "asc" }, select: { id: true, joinedAt: true } }),
    db.trainingProgress.findMany({
      where: { modelSessionId: { in: report.modelSessions.map((m) => m.id) } },
      select: { participantId: true, trainingMs: true, step: true, backend: true, charsPerSec: true, updatedAt: true },
    }),
    db.quizAnswer.findMany({
      where: { roundId: { in: report.quizzes.map((q) => q.roundId) } },
      select: { participantId: true, points: true, correctness: true },
    }),
    db.groupAssignment.findMany({
      where: { modelSessionId: { in: report.modelSessions.map((m) => m.id) } },
      orderBy: { modelSession: { version: "asc" } },
      select: { participantId: true, group: { select: { label: true } } },
    }),
  ]);
  const joinedAt = new Map(seats.map((s) => [s.id, s.joinedAt.getTime()]));
  const groupOf = new Map(assignments.map((a) => [a.participantId, a.group.label])); // the latest version's group
  const rows: SessionDetailRow[] = report.participants.map((p) => {
    const mine = progress.filter((r) => r.participantId === p.id).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
    const latest = mine.at(-1);
    const best = report.modelSessions
      .flatMap((m) => m.leaderboard.filter((r) => r.participantId === p.id && !r.disqualified))
      .sort((a, b) => (a.publicBpc ?? Infinity) - (b.publicBpc ?? Infinity))[0];
    const sample = report.modelSessions
      .flatMap((m) => m.samples.filter((s) => s.participantId === p.id))
      .sort((a, b) => (a.publicBpc ?? Infinity) - (b.publicBpc ?? Infinity))[0];
    const quiz = answers.filter((a) => a.participantId === p.id);
    return {
      name: p.name,
      roster: p.rosterStudentId !== null,
      joinedAt: joinedAt.get(p.id) ?? 0,
      group: groupOf.get(p.id) ?? null,
      trainingMs: mine.reduce((t, r) => t + r.trainingMs, 0),
      steps: mine.reduce((t, r) => Math.max(t, r.step), 0),
      backend: latest?.backend ?? null,
      charsPerSec: latest?.charsPerSec ?? null,
      publicBpc: best?.publicBpc ?? null,
      privateBpc: best?.privateBpc ?? null,
      novelty: best?.novelty ?? null,
      sample: sample?.text ?? null,
      quizPoints: quiz.reduce((t, a) => t + a.points, 0),
      quizAnswered: quiz.length,
      quizCorrect: quiz.reduce((t, a) => t + a.correctness, 0),
    };
  });
  const labels = catalogs[locale].dashboard.csv;
  return {
    filename: fileName(labels.sessionFile.replace("{name}", report.class.name).replace("{date}", localDate(report.session.createdAt, timeZone))),
    csv: csvDocument(sessionDetailRows(labels, rows, timeZone)),
  };
}
