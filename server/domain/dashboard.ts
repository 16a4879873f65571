/**
 * The teacher dashboard's query layer: loads a class's rows with a few indexed queries (each
 * takes the ids of the previous level with `in`, never one query per student or session) and
 * feeds lib/dashboard's pure functions. Every entry point checks that the class is the
 * instructor's own: another instructor's class, or a student/session of another class, is NOT_FOUND.
 */
import { classEntries } from "./classEntries";
import { isClassEntry } from "../../lib/leaderboard/classEntry";
import { AppError } from "../../lib/protocol/errors";
import type { Overview, SessionReport, StudentPage } from "../../lib/api/dashboard";
import type { RouteReply } from "../../lib/api/routes";
import { attendanceIndex, headcounts, type AttendanceIndex } from "../../lib/dashboard/attendance";
import { needsAttention } from "../../lib/dashboard/attention";
import { classAverages, conceptTable, tagsOf, type ConceptTable } from "../../lib/dashboard/concepts";
import { participantFacts, type ParticipantFacts } from "../../lib/dashboard/facts";
import { questionsOf, type QuestionInfo } from "../../lib/dashboard/quizQuestions";
import type { AnswerRow, BestScoreRow, ParticipantRow, ProgressRow, SessionRow, StudentRow } from "../../lib/dashboard/rows";
import { attentionSettingsFrom, type AttentionSettings } from "../../lib/dashboard/settings";
import { sessionTrends } from "../../lib/dashboard/trends";
import { downsample, SESSION_CURVE_MAX_POINTS, STUDENT_CURVE_MAX_POINTS } from "../../lib/dashboard/curves";
import { compareGroups } from "../../lib/dashboard/ablation";
import { standings } from "../../lib/leaderboard/ranking";
import { answerShown } from "../../lib/dashboard/answerView";
import { temperatureCardOf } from "../../lib/dashboard/temperatureCard";
import { mean } from "../../lib/dashboard/stats";
import type { Db } from "../db/client";
import { requireOwnClass } from "./classes";
import { statusOf } from "./submissions";

const SCORED = "scored";

/** Everything a class view may need, loaded level by level. */
export interface ClassRows {
  classId: string;
  className: string;
  timeZone: string;
  settings: AttentionSettings;
  /** Oldest first. */
  sessions: SessionRow[];
  students: StudentRow[];
  participants: ParticipantRow[];
  modelSessions: { id: string; sessionId: string }[];
  progress: ProgressRow[];
  bestScores: BestScoreRow[];
  rounds: { id: string; sessionId: string; title: string; questions: QuestionInfo[] }[];
  answers: AnswerRow[];
}

export interface Derived {
  attendance: AttendanceIndex;
  facts: Map<string, ParticipantFacts>;
  concepts: ConceptTable;
  tags: string[];
  questionsByRound: Map<string, QuestionInfo[]>;
}

export async function loadClassRows(db: Db, instructorId: string, classId: string, need: { training: boolean }): Promise<ClassRows> {
  const owned = await requireOwnClass(db, instructorId, classId);
  const [sessions, students] = await Promise.all([
    db.classSession.findMany({
      where: { classId },
      orderBy: { createdAt: "asc" },
      select: { id: true, code: true, status: true, createdAt: true, endedAt: true },
    }),
    db.rosterStudent.findMany({ where: { classId }, orderBy: { name: "asc" }, select: { id: true, name: true, archivedAt: true } }),
  ]);
  const sessionIds = sessions.map((s) => s.id);
  const [participants, modelSessions, rounds] = await Promise.all([
    db.participant.findMany({
      where: { sessionId: { in: sessionIds } },
      select: { id: true, sessionId: true, rosterStudentId: true, displayName: true, joinedAt: true },
    }),
    db.modelSession.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, sessionId: true } }),
    db.quizRound.findMany({
      where: { sessionId: { in: sessionIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, sessionId: true, title: true, questions: true },
    }),
  ]);
  const modelSessionIds = modelSessions.map((m) => m.id);
  const [progress, scores, answers] = await Promise.all([
    need.training
      ? db.trainingProgress.findMany({
          where: { modelSessionId: { in: modelSessionIds } },
          select: { participantId: true, modelSessionId: true, step: true, trainingMs: true, backend: true, charsPerSec: true, trainLoss: true },
        })
      : Promise.resolve([]),
    need.training
      ? db.submission.groupBy({
          by: ["participantId", "modelSessionId"],
          where: { modelSessionId: { in: modelSessionIds }, status: SCORED, disqualifiedReason: null, publicBpc: { not: null } },
          _min: { publicBpc: true },
        })
      : Promise.resolve([]),
    db.quizAnswer.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) } },
      select: { participantId: true, roundId: true, questionIndex: true, correctness: true, points: true, elapsedMs: true },
    }),
  ]);
  return {
    classId,
    className: owned.name,
    timeZone: owned.timeZone,
    settings: attentionSettingsFrom(owned.attentionSettings),
    sessions: sessions.map((s) => ({ id: s.id, code: s.code, status: s.status, createdAt: s.createdAt.getTime(), endedAt: s.endedAt?.getTime() ?? null })),
    students: students.map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null })),
    participants: participants.map((p) => ({ ...p, joinedAt: p.joinedAt.getTime() })),
    modelSessions,
    progress,
    bestScores: scores.flatMap((s) =>
      s._min.publicBpc === null ? [] : [{ participantId: s.participantId, modelSessionId: s.modelSessionId, publicBpc: s._min.publicBpc }],
    ),
    rounds: rounds.map((r) => ({ id: r.id, sessionId: r.sessionId, title: r.title, questions: questionsOf(r.questions) })),
    answers,
  };
}

export function derive(rows: ClassRows): Derived {
  const questionsByRound = new Map(rows.rounds.map((r) => [r.id, r.questions]));
  const studentOf = new Map(rows.participants.flatMap((p) => (p.rosterStudentId ? [[p.id, p.rosterStudentId] as const] : [])));
  return {
    attendance: attendanceIndex(rows.participants),
    facts: participantFacts(rows.participants, rows.progress, rows.bestScores, rows.answers),
    concepts: conceptTable(rows.answers, questionsByRound, studentOf),
    tags: tagsOf(rows.rounds.map((r) => r.questions)),
    questionsByRound,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

function sessionViews(rows: Pick<ClassRows, "sessions" | "participants" | "modelSessions" | "rounds">): Overview["sessions"] {
  const heads = headcounts(rows.participants);
  const models = countBy(rows.modelSessions, (m) => m.sessionId);
  const quizzes = countBy(rows.rounds, (r) => r.sessionId);
  return rows.sessions.map((s) => ({
    ...s,
    attendance: heads.get(s.id) ?? { roster: 0, guests: 0 },
    modelSessions: models.get(s.id) ?? 0,
    quizzes: quizzes.get(s.id) ?? 0,
  }));
}

export async function classOverview(db: Db, instructorId: string, classId: string): Promise<Overview> {
  const rows = await loadClassRows(db, instructorId, classId, { training: true });
  const d = derive(rows);
  const active = rows.students.filter((s) => !s.archived);
  return {
    class: { id: rows.classId, name: rows.className, timeZone: rows.timeZone },
    sessions: sessionViews(rows),
    students: rows.students,
    attendance: Object.fromEntries(rows.students.map((s) => [s.id, [...(d.attendance.get(s.id)?.keys() ?? [])]])),
    trends: sessionTrends(
      rows.sessions.map((s) => s.id),
      d.facts.values(),
    ),
    attention: needsAttention({
      sessions: rows.sessions,
      studentIds: active.map((s) => s.id),
      attendance: d.attendance,
      facts: d.facts,
      sessionsWithModels: new Set(rows.modelSessions.map((m) => m.sessionId)),
      concepts: d.concepts,
      settings: rows.settings,
    }),
    settings: rows.settings,
    guests: rows.participants
      .filter((p) => !p.rosterStudentId)
      .map((p) => ({ participantId: p.id, sessionId: p.sessionId, displayName: p.displayName, joinedAt: p.joinedAt })),
  };
}

export async function conceptGrid(db: Db, instructorId: string, classId: string): Promise<RouteReply<"dashboardConcepts">> {
  const rows = await loadClassRows(db, instructorId, classId, { training: false });
  const d = derive(rows);
  const active = rows.students.filter((s) => !s.archived);
  return {
    tags: d.tags,
    students: active.map((s) => ({
      id: s.id,
      name: s.name,
      cells: Object.fromEntries([...(d.concepts.get(s.id)?.entries() ?? [])].map(([tag, c]) => [tag, { answered: c.answered, accuracy: c.accuracy }])),
    })),
    average: classAverages(
      d.concepts,
      d.tags,
      active.map((s) => s.id),
    ),
  };
}

async function requireStudent(db: Db, classId: string, rosterStudentId: string) {
  const student = await db.rosterStudent.findFirst({ where: { id: rosterStudentId, classId } });
  if (!student) throw new AppError("NOT_FOUND", "no such student in this class");
  return student;
}

/** The student's answers (optionally only on one concept), oldest round first. */
async function answersOf(db: Db, participantIds: string[], sessionIds: string[], tag: string | null): Promise<StudentPage["answers"]> {
  const rounds = await db.quizRound.findMany({
    where: { sessionId: { in: sessionIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, sessionId: true, title: true, questions: true },
  });
  const answers = await db.quizAnswer.findMany({
    where: { roundId: { in: rounds.map((r) => r.id) }, participantId: { in: participantIds } },
    orderBy: [{ receivedAt: "asc" }],
    select: { roundId: true, questionIndex: true, correctness: true, points: true, elapsedMs: true, answer: true },
  });
  const byRound = new Map(
    rounds.map((r) => [r.id, { ...r, questions: questionsOf(r.questions), storedQuestions: Array.isArray(r.questions) ? (r.questions as unknown[]) : [] }]),
  );
  const order = new Map(rounds.map((r, i) => [r.id, i]));
  return answers
    .sort((a, b) => (order.get(a.roundId) ?? 0) - (order.get(b.roundId) ?? 0) || a.questionIndex - b.questionIndex)
    .flatMap((a) => {
      const round = byRound.get(a.roundId);
      const q = round?.questions[a.questionIndex];
      if (!round || (tag !== null && !q?.tags.includes(tag))) return [];
      return [
        {
          roundId: a.roundId,
          roundTitle: round.title,
          sessionId: round.sessionId,
          questionIndex: a.questionIndex,
          prompt: q?.prompt ?? { ko: "", en: "" },
          tags: q?.tags ?? [],
          correctness: a.correctness,
          points: a.points,
          elapsedMs: a.elapsedMs,
          answer: answerShown(round.storedQuestions[a.questionIndex], a.answer, a.roundId, a.questionIndex),
        },
      ];
    });
}

export async function conceptCell(
  db: Db,
  instructorId: string,
  classId: string,
  tag: string,
  rosterStudentId: string,
): Promise<RouteReply<"dashboardConceptCell">> {
  await requireOwnClass(db, instructorId, classId);
  await requireStudent(db, classId, rosterStudentId);
  const seats = await db.participant.findMany({ where: { rosterStudentId, session: { classId } }, select: { id: true, sessionId: true } });
  return {
    answers: await answersOf(
      db,
      seats.map((s) => s.id),
      seats.map((s) => s.sessionId),
      tag,
    ),
  };
}

type Curve = [number, number, number | null][];

/** Telemetry history of the given (model session × participant) pairs, one curve per pair. */
async function curves(db: Db, modelSessionIds: string[], participantIds: string[], maxPoints: number): Promise<Map<string, Curve>> {
  const points = await db.telemetryPoint.findMany({
    where: { modelSessionId: { in: modelSessionIds }, participantId: { in: participantIds } },
    orderBy: [{ modelSessionId: "asc" }, { participantId: "asc" }, { step: "asc" }],
    select: { modelSessionId: true, participantId: true, step: true, trainLoss: true, valLoss: true },
  });
  const grouped = new Map<string, Curve>();
  for (const p of points) {
    const key = `${p.modelSessionId}/${p.participantId}`;
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push([p.step, p.trainLoss, p.valLoss]);
  }
  for (const [key, list] of grouped) grouped.set(key, downsample(list, maxPoints));
  return grouped;
}

const submissionColumns = {
  id: true,
  modelSessionId: true,
  participantId: true,
  createdAt: true,
  status: true,
  step: true,
  backend: true,
  publicBpc: true,
  privateBpc: true,
  novelty: true,
  sampleText: true,
  sampleTemperature: true,
  temperatureCard: true,
  disqualifiedReason: true,
} as const;

export async function studentPage(db: Db, instructorId: string, classId: string, rosterStudentId: string): Promise<StudentPage> {
  const owned = await requireOwnClass(db, instructorId, classId);
  const student = await requireStudent(db, classId, rosterStudentId);
  const [seats, sessionCount] = await Promise.all([
    db.participant.findMany({
      where: { rosterStudentId, session: { classId } },
      select: { id: true, sessionId: true, displayName: true, session: { select: { createdAt: true } } },
      orderBy: { session: { createdAt: "asc" } },
    }),
    db.classSession.count({ where: { classId } }),
  ]);
  const participantIds = seats.map((s) => s.id);
  const sessionIds = seats.map((s) => s.sessionId);
  const modelSessions = await db.modelSession.findMany({
    where: { sessionId: { in: sessionIds } },
    orderBy: { version: "asc" },
    select: { id: true, sessionId: true, version: true },
  });
  const modelSessionIds = modelSessions.map((m) => m.id);
  const [progress, assignments, curveMap, submissions, answers] = await Promise.all([
    db.trainingProgress.findMany({
      where: { modelSessionId: { in: modelSessionIds }, participantId: { in: participantIds } },
      select: { modelSessionId: true, step: true, trainingMs: true, backend: true, charsPerSec: true },
    }),
    db.groupAssignment.findMany({
      where: { modelSessionId: { in: modelSessionIds }, participantId: { in: participantIds } },
      select: { modelSessionId: true, group: { select: { label: true } } },
    }),
    curves(db, modelSessionIds, participantIds, STUDENT_CURVE_MAX_POINTS),
    db.submission.findMany({ where: { participantId: { in: participantIds } }, orderBy: { createdAt: "asc" }, select: submissionColumns }),
    answersOf(db, participantIds, sessionIds, null),
  ]);
  const progressOf = new Map(progress.map((p) => [p.modelSessionId, p]));
  const groupOf = new Map(assignments.map((a) => [a.modelSessionId, a.group.label]));
  return {
    student: {
      id: student.id,
      name: student.name,
      note: student.note,
      archived: student.archivedAt !== null,
      classId,
      className: owned.name,
      classTimeZone: owned.timeZone,
    },
    sessionCount,
    sessions: seats.map((seat) => {
      const mine = modelSessions
        .filter((m) => m.sessionId === seat.sessionId)
        .flatMap((m) => {
          const p = progressOf.get(m.id);
          const curve = curveMap.get(`${m.id}/${seat.id}`) ?? [];
          if (!p && curve.length === 0) return [];
          return [
            {
              modelSessionId: m.id,
              version: m.version,
              group: groupOf.get(m.id) ?? null,
              step: p?.step ?? 0,
              trainingMs: p?.trainingMs ?? 0,
              backend: p?.backend ?? "",
              charsPerSec: p?.charsPerSec ?? 0,
              curve,
            },
          ];
        });
      return {
        sessionId: seat.sessionId,
        createdAt: seat.session.createdAt.getTime(),
        participantId: seat.id,
        displayName: seat.displayName,
        trainingMs: mine.reduce((t, m) => t + m.trainingMs, 0),
        modelSessions: mine,
      };
    }),
    submissions: submissions.map((s) => ({ ...s, createdAt: s.createdAt.getTime(), temperatureCard: temperatureCardOf(s.temperatureCard) })),
    answers,
  };
}

export async function sessionReport(db: Db, instructorId: string, classId: string, sessionId: string): Promise<SessionReport> {
  const owned = await requireOwnClass(db, instructorId, classId);
  const session = await db.classSession.findFirst({
    where: { id: sessionId, classId },
    select: { id: true, code: true, status: true, createdAt: true, endedAt: true },
  });
  if (!session) throw new AppError("NOT_FOUND", "no such session in this class");
  const [participants, modelSessions, rounds] = await Promise.all([
    db.participant.findMany({
      where: { sessionId },
      orderBy: { joinedAt: "asc" },
      select: { id: true, displayName: true, rosterStudentId: true, rosterStudent: { select: { name: true } } },
    }),
    db.modelSession.findMany({
      where: { sessionId },
      orderBy: { version: "asc" },
      select: {
        id: true,
        version: true,
        corpusRef: true,
        config: true,
        budgetMinutes: true,
        privateRevealedAt: true,
        groups: { select: { id: true, label: true, position: true } },
      },
    }),
    db.quizRound.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, questions: true } }),
  ]);
  const modelSessionIds = modelSessions.map((m) => m.id);
  const [assignments, progress, curveMap, submissions, answers, classModels, entries] = await Promise.all([
    db.groupAssignment.findMany({ where: { modelSessionId: { in: modelSessionIds } }, select: { modelSessionId: true, participantId: true, groupId: true } }),
    db.trainingProgress.findMany({
      where: { modelSessionId: { in: modelSessionIds } },
      select: { modelSessionId: true, participantId: true, trainLoss: true, step: true, trainingMs: true },
    }),
    curves(
      db,
      modelSessionIds,
      participants.map((p) => p.id),
      SESSION_CURVE_MAX_POINTS,
    ),
    db.submission.findMany({
      where: { modelSessionId: { in: modelSessionIds } },
      select: {
        id: true,
        modelSessionId: true,
        participantId: true,
        status: true,
        weightsSha256: true,
        publicBpc: true,
        privateBpc: true,
        untrainedBpc: true,
        novelty: true,
        sampleText: true,
        sampleTemperature: true,
        createdAt: true,
        disqualifiedReason: true,
      },
    }),
    db.quizAnswer.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) } },
      select: { roundId: true, questionIndex: true, correctness: true, elapsedMs: true },
    }),
    db.classModel.findMany({
      where: { modelSessionId: { in: modelSessionIds } },
      select: {
        modelSessionId: true,
        groupId: true,
        combiner: true,
        roundSteps: true,
        versions: { orderBy: { version: "asc" }, select: { version: true, valLoss: true, contributors: true, createdAt: true } },
      },
    }),
    classEntries(db, modelSessionIds),
  ]);
  const [view] = sessionViews({
    sessions: [
      { id: session.id, code: session.code, status: session.status, createdAt: session.createdAt.getTime(), endedAt: session.endedAt?.getTime() ?? null },
    ],
    participants: participants.map((p) => ({ id: p.id, sessionId, rosterStudentId: p.rosterStudentId, displayName: p.displayName, joinedAt: 0 })),
    modelSessions: modelSessions.map((m) => ({ id: m.id, sessionId })),
    rounds: rounds.map((r) => ({ id: r.id, sessionId, title: r.title, questions: [] })),
  });
  return {
    class: { id: classId, name: owned.name, timeZone: owned.timeZone },
    session: view,
    participants: participants.map((p) => ({ id: p.id, name: p.rosterStudent?.name ?? p.displayName, rosterStudentId: p.rosterStudentId })),
    modelSessions: modelSessions.map((m) => {
      // L5a: the report ranks exactly as the live board did (same function, the round's reveal state).
      // L16: the class model's entry is ranked with the students, as on the live board.
      const board = standings(
        [...submissions, ...entries]
          .filter((s) => s.modelSessionId === m.id)
          .map((s) => ({ ...s, status: statusOf(s.status), createdAt: s.createdAt.getTime() })),
        { revealed: m.privateRevealedAt !== null },
      );
      const ranked = board.flatMap((r) => (r.best ? [{ ...r, best: r.best }] : []));
      const classModel = classModels.find((c) => c.modelSessionId === m.id);
      const config = (typeof m.config === "object" && m.config !== null ? m.config : {}) as { cell?: unknown };
      return {
        id: m.id,
        version: m.version,
        corpus: m.corpusRef,
        cell: typeof config.cell === "string" ? config.cell : "",
        budgetMinutes: m.budgetMinutes,
        curves: Object.fromEntries(
          participants.flatMap((p) => {
            const c = curveMap.get(`${m.id}/${p.id}`);
            return c ? [[p.id, c]] : [];
          }),
        ),
        ablation: compareGroups({
          groups: m.groups,
          assignments: new Map(assignments.filter((a) => a.modelSessionId === m.id).map((a) => [a.participantId, a.groupId])),
          bestBpc: new Map(ranked.filter((r) => !isClassEntry(r.participantId)).map((r) => [r.participantId, r.best.publicBpc ?? Infinity] as const)),
          trainLoss: new Map(progress.filter((p) => p.modelSessionId === m.id).map((p) => [p.participantId, p.trainLoss])),
          curves: new Map(
            participants.flatMap((p) => {
              const c = curveMap.get(`${m.id}/${p.id}`);
              return c ? [[p.id, c] as const] : [];
            }),
          ),
          effort: new Map(progress.filter((p) => p.modelSessionId === m.id).map((p) => [p.participantId, { step: p.step, ms: p.trainingMs }])),
        }),
        leaderboard: [
          ...ranked.map((r) => ({
            participantId: r.participantId,
            publicRank: r.rank,
            privateRank: r.privateRank,
            publicBpc: r.best.publicBpc,
            privateBpc: r.best.privateBpc,
            novelty: r.best.novelty,
            flags: r.flags,
            disqualified: false,
          })),
          ...board
            .filter((r) => r.best === null && r.flags.includes("disqualified"))
            .map((r) => ({
              participantId: r.participantId,
              publicRank: null,
              privateRank: null,
              publicBpc: null,
              privateBpc: null,
              novelty: null,
              flags: r.flags,
              disqualified: true,
            })),
        ],
        samples: ranked.map((r) => ({
          participantId: r.participantId,
          text: r.best.sampleText,
          temperature: r.best.sampleTemperature,
          publicBpc: r.best.publicBpc,
        })),
        classModel: classModel
          ? {
              groupId: classModel.groupId,
              combiner: classModel.combiner,
              roundSteps: classModel.roundSteps,
              versions: classModel.versions.map((v) => ({ version: v.version, valLoss: v.valLoss, contributors: v.contributors, at: v.createdAt.getTime() })),
            }
          : null,
      };
    }),
    quizzes: rounds.map((r) => ({
      roundId: r.id,
      title: r.title,
      questions: questionsOf(r.questions).map((q) => {
        const mine = answers.filter((a) => a.roundId === r.id && a.questionIndex === q.index);
        return {
          index: q.index,
          prompt: q.prompt,
          tags: q.tags,
          answered: mine.length,
          fullyCorrect: mine.filter((a) => a.correctness >= 1).length,
          meanCorrectness: mean(mine.map((a) => a.correctness)),
          meanElapsedMs: mean(mine.map((a) => a.elapsedMs)),
        };
      }),
    })),
  };
}
