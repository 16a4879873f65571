/**
 * Live training events: the instructor pushes a model session and controls the run; students'
 * browsers train and report telemetry; the server owns the run state and the class view.
 * Rules (lib/training/SPEC.md names them T1, T2, …) are pure functions in lib/training/rules.ts,
 * enforced by the server's training hub (server/realtime/trainingHub.ts).
 */
import { z } from "zod";
import { charRNNConfigSchema } from "../engine/config";
import { idSchema as id } from "./session";

/** Fields of the configuration that a group may override or students may tune. */
export const TUNABLE_FIELDS = ["cell", "layers", "hiddenSize", "seqLen", "batchSize", "learningRate", "clipNorm", "dropout"] as const;
export type TunableField = (typeof TUNABLE_FIELDS)[number];
const numericTunable = z.enum(["layers", "hiddenSize", "seqLen", "batchSize", "learningRate", "clipNorm", "dropout"]);

/** A corpus: a bundled one by id ("tinyshakespeare") or an instructor's upload ("upload:<id>"). */
export const corpusRefSchema = z.string().regex(/^(upload:)?[a-z0-9-]{1,40}$/i, "not a corpus id");

export const groupOverridesSchema = charRNNConfigSchema
  .pick({
    cell: true,
    layers: true,
    hiddenSize: true,
    seqLen: true,
    batchSize: true,
    learningRate: true,
    clipNorm: true,
    dropout: true,
  })
  .partial();
export type GroupOverrides = z.infer<typeof groupOverridesSchema>;

/** What the instructor composes and pushes. */
export const modelSessionSpecSchema = z.object({
  corpus: corpusRefSchema,
  config: charRNNConfigSchema,
  /** Minutes of training; the server's clock stops the run when it is spent. */
  budgetMinutes: z.number().int().min(1).max(240),
  /** Default sampling temperature shown to students. */
  temperature: z.number().min(0.1).max(2),
  /** Knobs students may change, each within [min, max]. */
  studentKnobs: z.array(z.object({ field: numericTunable, min: z.number(), max: z.number() }).refine((k) => k.min <= k.max, "min > max")).max(8),
  /** Ablation groups: none, or 2–4 variants of the configuration. */
  groups: z
    .array(z.object({ label: z.string().trim().min(1).max(40), overrides: groupOverridesSchema }))
    .max(4)
    .refine((g) => g.length !== 1, "use 2–4 groups, or none"),
});
export type ModelSessionSpec = z.infer<typeof modelSessionSpecSchema>;

export const RUN_STATUSES = ["ready", "running", "paused", "stopped"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;
export const RUN_ACTIONS = ["start", "pause", "resume", "stop"] as const;

/** The run as the server's clock sees it; clients add (their now − serverTime) while running. */
export const runStateSchema = z.object({
  modelSessionId: z.string(),
  status: runStatusSchema,
  elapsedMs: z.number(),
  budgetMs: z.number(),
  serverTime: z.number(),
});
export type RunState = z.infer<typeof runStateSchema>;

export const groupViewSchema = z.object({ id: z.string(), label: z.string(), position: z.number(), overrides: groupOverridesSchema });
export const modelSessionViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  corpus: corpusRefSchema,
  config: charRNNConfigSchema,
  budgetMinutes: z.number(),
  temperature: z.number(),
  studentKnobs: modelSessionSpecSchema.shape.studentKnobs,
  groups: z.array(groupViewSchema),
  createdAt: z.string(),
});
export type ModelSessionView = z.infer<typeof modelSessionViewSchema>;

export const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"] as const;
export const MAX_SAMPLE_CHARS = 400;

/**
 * One telemetry report from a student's browser (at most one a second is kept).
 * A loss that became NaN or Infinity arrives as null (JSON has no NaN): dropped, counted, flagged.
 */
export const telemetrySchema = z.object({
  modelSessionId: id,
  step: z.number().int().min(0).max(10_000_000),
  trainLoss: z.number().min(0).max(50).nullable(),
  valLoss: z.number().min(0).max(50).nullable(),
  charsPerSec: z.number().min(0).max(5_000_000),
  backend: z.enum(BACKENDS),
  sample: z.string().max(MAX_SAMPLE_CHARS).default(""),
});
export type Telemetry = z.infer<typeof telemetrySchema>;

export const PROGRESS_FLAGS = ["stalled", "nan", "cpu", "implausible", "implausibleLoss"] as const;
export type ProgressFlag = (typeof PROGRESS_FLAGS)[number];
/**
 * A student's latest progress as the instructor's class view shows it. T13: `trainLoss`, `valLoss`,
 * `charsPerSec` and `backend` are what the browser reported (bounded and flagged, never verified);
 * `step` is bounded by T12. Verified figures are the leaderboard's scores.
 */
export const progressEntrySchema = z.object({
  participantId: z.string(),
  groupId: z.string().nullable(),
  step: z.number(),
  trainLoss: z.number(),
  valLoss: z.number().nullable(),
  charsPerSec: z.number(),
  backend: z.string(),
  sample: z.string(),
  updatedAt: z.number(),
  flags: z.array(z.enum(PROGRESS_FLAGS)),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const historyPointSchema = z.object({
  participantId: z.string(),
  step: z.number(),
  trainLoss: z.number(),
  valLoss: z.number().nullable(),
  at: z.number(),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

/** What a student's page needs: the model session in force, its run, and the student's group. */
export const studentTrainingStateSchema = z.object({
  modelSession: modelSessionViewSchema.nullable(),
  run: runStateSchema.nullable(),
  groupId: z.string().nullable(),
});
/** What the instructor's class view needs after (re)attaching. */
export const classTrainingStateSchema = z.object({
  modelSession: modelSessionViewSchema.nullable(),
  run: runStateSchema.nullable(),
  assignments: z.record(z.string(), z.string()),
  progress: z.array(progressEntrySchema),
  history: z.array(historyPointSchema),
  spotlight: z.string().nullable(),
  dropped: z.record(z.string(), z.number()),
});

export const trainingRequests = {
  /** Instructor: push a new model session version to the class (supersedes the previous one). */
  "training:push": {
    payload: z.object({ sessionId: id, spec: modelSessionSpecSchema }),
    reply: z.object({ modelSession: modelSessionViewSchema, run: runStateSchema }),
  },
  /** Instructor: start, pause, resume or stop the run for the whole class. */
  "training:control": {
    payload: z.object({ sessionId: id, action: z.enum(RUN_ACTIONS) }),
    reply: z.object({ run: runStateSchema }),
  },
  /** Instructor: move a student to another ablation group. */
  "training:assign": {
    payload: z.object({ sessionId: id, participantId: id, groupId: id }),
    reply: z.object({ assignments: z.record(z.string(), z.string()) }),
  },
  /** Instructor: show a student's live samples on the projector (null: none). */
  "training:spotlight": {
    payload: z.object({ sessionId: id, participantId: id.nullable() }),
    reply: z.object({ spotlight: z.string().nullable() }),
  },
  /**
   * Instructor: send a student's best verified model to everyone training the same configuration,
   * to load and continue from (T11).
   */
  "training:shareCheckpoint": {
    payload: z.object({ sessionId: id, participantId: id }),
    reply: z.object({ submissionId: z.string(), configHash: z.string(), step: z.number() }),
  },
  /**
   * Instructor: send a model they trained themselves and uploaded (POST
   * /api/sessions/:sessionId/instructor-models) to everyone training the same configuration (T11).
   */
  "training:shareInstructorModel": {
    payload: z.object({ sessionId: id, modelId: id }),
    reply: z.object({ submissionId: z.string(), configHash: z.string(), step: z.number() }),
  },
  /** Student: my training state (after join/rejoin). */
  "training:sync": {
    payload: z.object({}).strict(),
    reply: studentTrainingStateSchema,
  },
  /** Instructor or projector: the class view's full state (after attach/reconnect). */
  "training:classSync": {
    payload: z.object({ sessionId: id }),
    reply: classTrainingStateSchema,
  },
  /** Student: telemetry. `accepted: false` says why it was dropped (counted, never stored). */
  "training:report": {
    payload: telemetrySchema,
    reply: z.object({
      accepted: z.boolean(),
      reason: z.enum(["THROTTLED", "STALE_MODEL_SESSION", "STEP_BACKWARDS", "NOT_RUNNING", "NON_FINITE_LOSS", "IMPLAUSIBLE"]).optional(),
    }),
  },
} as const;

export const trainingBroadcasts = {
  /** Everyone in the session: the model session in force (after a push). */
  "training:model": z.object({ modelSession: modelSessionViewSchema }),
  /** Everyone in the session: the run changed (start, pause, resume, stop, budget spent). */
  "training:run": runStateSchema,
  /** One student: their ablation group (null when there are no groups). */
  "training:group": z.object({ modelSessionId: z.string(), groupId: z.string().nullable() }),
  /** Instructors and projectors: the students whose progress changed, about once a second. */
  "training:progress": z.object({ modelSessionId: z.string(), entries: z.array(progressEntrySchema), dropped: z.record(z.string(), z.number()) }),
  /** Instructors: group assignments changed. */
  "training:assignments": z.object({ modelSessionId: z.string(), assignments: z.record(z.string(), z.string()) }),
  /**
   * Everyone in the session: a model to continue from, for those training `configHash`; `url`
   * downloads it. `from` names the student who trained it, or the instructor (`source`).
   */
  "training:checkpoint": z.object({
    submissionId: z.string(),
    configHash: z.string(),
    step: z.number(),
    source: z.enum(["student", "instructor"]),
    from: z.string(),
    url: z.string(),
  }),
  /** Everyone in the session: the spotlighted student (null: none). */
  "training:spotlight": z.object({ participantId: z.string().nullable() }),
} as const;
