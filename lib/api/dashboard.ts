/**
 * The teacher dashboard's HTTP routes (issue #7): a class's overview across sessions, the
 * student × concept grid, a student's page, a past session's report, CSV exports, the
 * needs-attention thresholds and roster care. Instructor only; every route checks on the server
 * that the class is the caller's own (another instructor's class is NOT_FOUND).
 * Dates are epoch milliseconds; bits/char are verified public scores unless named private.
 */
import { z } from "zod";
import { answerShownSchema } from "../dashboard/answerView";
import { nameSchema } from "../names";
import { LEADERBOARD_FLAGS } from "../leaderboard/ranking";
import { attentionSettingsSchema } from "../dashboard/settings";
import { noBody as none, route } from "./route";

const spread = z.object({ n: z.number(), median: z.number().nullable(), p25: z.number().nullable(), p75: z.number().nullable() });
const bilingual = z.object({ ko: z.string(), en: z.string() });

export const attentionReasonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("absent"), sessions: z.number() }),
  z.object({ kind: z.literal("neverTrained"), sessionId: z.string() }),
  z.object({ kind: z.literal("stuck"), sessionId: z.string(), steps: z.number() }),
  z.object({ kind: z.literal("behind"), sessionId: z.string(), bpc: z.number(), classMedian: z.number() }),
  z.object({ kind: z.literal("concept"), tag: z.string(), accuracy: z.number(), answered: z.number() }),
]);
export type AttentionReasonView = z.infer<typeof attentionReasonSchema>;

export const dashboardSessionSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.string(),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  /** Roster students and guests who joined. */
  attendance: z.object({ roster: z.number(), guests: z.number() }),
  modelSessions: z.number(),
  quizzes: z.number(),
});

export const dashboardStudentSchema = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });

/** The class a dashboard page is about; its dates are shown in its time zone. */
const classRefSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string() });

export const overviewSchema = z.object({
  class: classRefSchema,
  /** Oldest first. */
  sessions: z.array(dashboardSessionSchema),
  /** Roster students, archived ones included (flagged). */
  students: z.array(dashboardStudentSchema),
  /** rosterStudentId → sessionIds attended. */
  attendance: z.record(z.string(), z.array(z.string())),
  trends: z.array(z.object({ sessionId: z.string(), bestBpc: spread, trainingMinutes: spread, quizAccuracy: spread })),
  attention: z.array(z.object({ rosterStudentId: z.string(), reasons: z.array(attentionReasonSchema) })),
  settings: attentionSettingsSchema,
  /** Participants who joined as guests, for merging into a roster student. */
  guests: z.array(z.object({ participantId: z.string(), sessionId: z.string(), displayName: z.string(), joinedAt: z.number() })),
});
export type Overview = z.infer<typeof overviewSchema>;

const conceptCell = z.object({ answered: z.number(), accuracy: z.number() });
export const conceptGridSchema = z.object({
  tags: z.array(z.string()),
  students: z.array(z.object({ id: z.string(), name: z.string(), cells: z.record(z.string(), conceptCell) })),
  average: z.record(z.string(), z.number().nullable()),
});

export const answerViewSchema = z.object({
  roundId: z.string(),
  roundTitle: z.string(),
  sessionId: z.string(),
  questionIndex: z.number(),
  prompt: bilingual,
  tags: z.array(z.string()),
  correctness: z.number(),
  points: z.number(),
  elapsedMs: z.number(),
  /** The student's answer as they saw it (lib/dashboard/answerView.ts). */
  answer: answerShownSchema,
});

const rankingEntry = z.object({ label: z.string(), value: z.number() });
const curvePoint = z.tuple([z.number(), z.number(), z.number().nullable()]); // [step, trainLoss, valLoss] in nats/char

export const submissionViewSchema = z.object({
  id: z.string(),
  modelSessionId: z.string(),
  createdAt: z.number(),
  status: z.string(),
  step: z.number(),
  backend: z.string(),
  publicBpc: z.number().nullable(),
  privateBpc: z.number().nullable(),
  novelty: z.number().nullable(),
  sampleText: z.string(),
  sampleTemperature: z.number(),
  temperatureCard: z.array(z.object({ temperature: z.number(), text: z.string() })),
  disqualifiedReason: z.string().nullable(),
});

export const studentPageSchema = z.object({
  student: z.object({
    id: z.string(),
    name: z.string(),
    note: z.string(),
    archived: z.boolean(),
    classId: z.string(),
    className: z.string(),
    classTimeZone: z.string(),
  }),
  sessionCount: z.number(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      createdAt: z.number(),
      participantId: z.string(),
      displayName: z.string(),
      trainingMs: z.number(),
      modelSessions: z.array(
        z.object({
          modelSessionId: z.string(),
          version: z.number(),
          group: z.string().nullable(),
          step: z.number(),
          trainingMs: z.number(),
          backend: z.string(),
          charsPerSec: z.number(),
          /** Downsampled to at most 500 points. */
          curve: z.array(curvePoint),
        }),
      ),
    }),
  ),
  submissions: z.array(submissionViewSchema),
  answers: z.array(answerViewSchema),
});
export type StudentPage = z.infer<typeof studentPageSchema>;

export const sessionReportSchema = z.object({
  class: classRefSchema,
  session: dashboardSessionSchema,
  participants: z.array(z.object({ id: z.string(), name: z.string(), rosterStudentId: z.string().nullable() })),
  modelSessions: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      corpus: z.string(),
      cell: z.string(),
      budgetMinutes: z.number(),
      /** participantId → curve (downsampled to at most 200 points each). */
      curves: z.record(z.string(), z.array(curvePoint)),
      ablation: z
        .object({
          measure: z.enum(["verifiedBpc", "trainBpc"]),
          groups: z.array(
            z.object({
              groupId: z.string(),
              label: z.string(),
              members: z.number(),
              measured: z.number(),
              mean: z.number().nullable(),
              sd: z.number().nullable(),
            }),
          ),
          ranking: z.array(rankingEntry),
          atEqualSteps: z.object({ at: z.number(), ranking: z.array(rankingEntry) }).nullable(),
          atEqualTime: z.object({ at: z.number(), ranking: z.array(rankingEntry) }).nullable(),
          verdict: z.discriminatedUnion("kind", [
            z.object({ kind: z.literal("leads"), label: z.string() }),
            z.object({ kind: z.literal("notEnough"), reason: z.enum(["fewStudents", "overlap", "stepsAndTimeDisagree"]) }),
          ]),
        })
        .nullable(),
      leaderboard: z.array(
        z.object({
          participantId: z.string(),
          publicRank: z.number().nullable(),
          privateRank: z.number().nullable(),
          publicBpc: z.number().nullable(),
          privateBpc: z.number().nullable(),
          novelty: z.number().nullable(),
          flags: z.array(z.enum(LEADERBOARD_FLAGS)),
          disqualified: z.boolean(),
        }),
      ),
      samples: z.array(z.object({ participantId: z.string(), text: z.string(), temperature: z.number(), publicBpc: z.number().nullable() })),
      /** The class model of this model session (lib/federated/SPEC.md) and every version's validation loss; null without one. */
      classModel: z
        .object({
          groupId: z.string().nullable(),
          combiner: z.string(),
          roundSteps: z.number(),
          versions: z.array(z.object({ version: z.number(), valLoss: z.number(), contributors: z.number(), at: z.number() })),
        })
        .nullable(),
    }),
  ),
  quizzes: z.array(
    z.object({
      roundId: z.string(),
      title: z.string(),
      questions: z.array(
        z.object({
          index: z.number(),
          prompt: bilingual,
          tags: z.array(z.string()),
          answered: z.number(),
          fullyCorrect: z.number(),
          meanCorrectness: z.number().nullable(),
          meanElapsedMs: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;

const csvFile = z.object({ filename: z.string(), csv: z.string() });
/** Dates and times in the file are in the class's time zone (Class.timeZone, set on the class page). */
const exportBody = z.object({ locale: z.enum(["ko", "en"]).default("ko") });

export const dashboardRoutes = {
  dashboardOverview: route("GET", "/api/dashboard/:classId", none, overviewSchema),
  dashboardConcepts: route("GET", "/api/dashboard/:classId/concepts", none, conceptGridSchema),
  /** The questions on one concept and one student's answers to them (a grid cell). */
  dashboardConceptCell: route("GET", "/api/dashboard/:classId/concepts/:tag/:rosterStudentId", none, z.object({ answers: z.array(answerViewSchema) })),
  dashboardStudent: route("GET", "/api/dashboard/:classId/students/:rosterStudentId", none, studentPageSchema),
  dashboardSession: route("GET", "/api/dashboard/:classId/sessions/:sessionId", none, sessionReportSchema),
  /** CSV files come back as text (with the BOM) inside the JSON reply; the page saves them as a Blob. */
  dashboardClassCsv: route("POST", "/api/dashboard/:classId/export", exportBody, csvFile),
  dashboardSessionCsv: route("POST", "/api/dashboard/:classId/sessions/:sessionId/export", exportBody, csvFile),
  dashboardSettings: route("PUT", "/api/dashboard/:classId/settings", attentionSettingsSchema, z.object({ settings: attentionSettingsSchema })),
  /** Roster care: rename, archive or restore, and the private note. */
  dashboardUpdateStudent: route(
    "PUT",
    "/api/dashboard/:classId/students/:rosterStudentId",
    z.object({ name: nameSchema.optional(), archived: z.boolean().optional(), note: z.string().max(5000, "at most 5000 characters").optional() }),
    z.object({ student: z.object({ id: z.string(), name: z.string(), note: z.string(), archived: z.boolean() }) }),
  ),
  /** A guest's seat becomes the roster student's: their history follows. */
  dashboardMergeGuest: route(
    "POST",
    "/api/dashboard/:classId/merge",
    z.object({ participantId: z.string().min(1), rosterStudentId: z.string().min(1) }),
    z.object({ participantId: z.string(), rosterStudentId: z.string() }),
  ),
} as const;
