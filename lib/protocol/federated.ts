/**
 * The class model (rules: lib/federated/SPEC.md F1–F14). The instructor starts it over the socket;
 * students sync their shard and a signed token over the socket, upload each round's weights over
 * HTTP (they exceed the socket's 64 KiB cap) and download each new version over HTTP with the same
 * token. The server announces versions and rounds to the session.
 */
import { z } from "zod";
import { COMBINERS } from "../federated/combine";
import { ROUND_BOUNDS } from "../federated/rounds";
import { idSchema as id } from "./session";

export const CLASS_MODEL_UPDATE_PATH = "/api/class-model/updates";
/** GET `${CLASS_MODEL_VERSION_PATH}/<classModelId>/<version>?token=…` → the version's .rnnw file. */
export const CLASS_MODEL_VERSION_PATH = "/api/class-model/versions";

export const classModelSettingsSchema = z.object({
  /** F1: null = the whole class, else one ablation group of the model session in force. */
  groupId: id.nullable(),
  combiner: z.enum(COMBINERS),
  roundSteps: z.number().int().min(ROUND_BOUNDS.steps.min).max(ROUND_BOUNDS.steps.max),
  roundSeconds: z.number().int().min(ROUND_BOUNDS.seconds.min).max(ROUND_BOUNDS.seconds.max),
});
export type ClassModelSettings = z.infer<typeof classModelSettingsSchema>;

export const shardSchema = z.object({ start: z.number().int(), end: z.number().int() });

/** The class model as everyone may see it. */
export const classModelViewSchema = classModelSettingsSchema.extend({
  id: z.string(),
  modelSessionId: z.string(),
  /** The open round; it started from version `round`. */
  round: z.number().int(),
  deadlineAt: z.number(),
  serverTime: z.number(),
  /** Students with a shard (the scope's size). */
  students: z.number().int(),
});
export type ClassModelView = z.infer<typeof classModelViewSchema>;

export const versionSummarySchema = z.object({
  version: z.number().int(),
  valLoss: z.number(),
  contributors: z.number().int(),
  at: z.number(),
  /** A sample the server generated from this version (the sample wall). */
  sample: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** What a student's update counted for in a closed round (F9). */
export const updateOutcomeSchema = z.object({
  round: z.number().int(),
  status: z.enum(["pending", "counted", "refused"]),
  reason: z.string().nullable(),
  share: z.number().nullable(),
});

export const studentClassModelSchema = z.object({
  classModel: classModelViewSchema,
  shard: shardSchema,
  /** Signs uploads and downloads for this student and class model (a few hours). */
  token: z.string(),
  lastOutcome: updateOutcomeSchema.nullable(),
  /** The class model's validation loss at version 0 and at its latest version, and that version's sample: what the student's rounds are for. */
  progress: z.object({ startLoss: z.number(), version: z.number().int(), valLoss: z.number(), sample: z.string() }).nullable(),
});

/** The JSON part of an update upload (framed like submissions: lib/protocol/leaderboard.ts encodeUploadBody). */
export const updateMetadataSchema = z
  .object({
    token: z.string().min(1).max(1024),
    /** The round (= base version) the update was trained from (F5). */
    round: z.number().int().min(0),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, _ or -"),
  })
  .strict();
export type UpdateMetadata = z.infer<typeof updateMetadataSchema>;

export const updateReplySchema = z.object({ accepted: z.literal(true), round: z.number().int(), chars: z.number().int(), retried: z.boolean() });
export type UpdateReply = z.infer<typeof updateReplySchema>;

export const federatedRequests = {
  /** Instructor: start the class model of the model session in force (F1). */
  "classModel:start": {
    payload: classModelSettingsSchema.extend({ sessionId: id }),
    reply: z.object({ classModel: classModelViewSchema }),
  },
  /** Student: my shard, the round, my token (null when the class model does not include me). */
  "classModel:sync": {
    payload: z.object({}).strict(),
    reply: z.object({ state: studentClassModelSchema.nullable() }),
  },
  /** Instructor: enter the class model's newest version on the verified leaderboard (L16 in lib/leaderboard/SPEC.md). */
  "classModel:enter": {
    payload: z.object({ sessionId: id }),
    reply: z.object({ version: z.number().int() }),
  },
  /** Instructor or projector: the class model and every version's validation loss (F14). */
  "classModel:classSync": {
    payload: z.object({ sessionId: id }),
    reply: z.object({
      classModel: classModelViewSchema.nullable(),
      versions: z.array(versionSummarySchema),
      /** The students with a shard (F2): their telemetry after version 0 is not solo training (F15). */
      members: z.array(z.string()),
    }),
  },
} as const;

export const federatedBroadcasts = {
  /** Everyone in the session: a new version exists and round `classModel.round` is open. */
  "classModel:version": z.object({ classModel: classModelViewSchema, version: versionSummarySchema }),
  /** Everyone in the session: the class model started, or a round reopened without a new version (F10). */
  "classModel:round": z.object({ classModel: classModelViewSchema }),
  /** One student: how their update of a closed round counted (F9). */
  "classModel:outcome": updateOutcomeSchema,
} as const;
