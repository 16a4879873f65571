/**
 * Submissions and the verified leaderboard (rules: lib/leaderboard/SPEC.md L0–L15).
 *
 * A submission travels in two steps, because weights (up to 8 MB) exceed the socket's 64 KiB cap:
 *   1. `submission:ticket` over the socket: the server checks the round (open, limit, steps) and
 *      answers with a short-lived signed ticket bound to this participant and model session;
 *   2. one HTTP POST to SUBMISSION_UPLOAD_PATH with a binary body (see encodeUploadBody below).
 * The POST answers with the stored submission (status "queued"); its later statuses arrive as
 * `submission:status`, and everyone in the session receives `leaderboard:update` when a score lands.
 */
import { z } from "zod";
import { BACKENDS } from "./training";
import { idSchema as id } from "./session";
import { LEADERBOARD_FLAGS, SUBMISSION_STATUSES } from "../leaderboard/ranking";
import { MAX_PRIME_CHARS, MAX_SAMPLE_TEXT_CHARS, MAX_SUBMISSION_LIMIT } from "../leaderboard/admission";

export const SUBMISSION_UPLOAD_PATH = "/api/submissions";
/** Temperatures of every submission's temperature card (L0). */
export const TEMPERATURE_CARD = [0.2, 0.5, 1.0, 1.2] as const;

/** The sample a student chose to show with their model. Lengths are checked in code points (L14). */
export const chosenSampleSchema = z.object({
  text: z.string().max(MAX_SAMPLE_TEXT_CHARS * 2),
  temperature: z.number().min(0).max(2),
  prime: z.string().max(MAX_PRIME_CHARS * 2),
});
export type ChosenSample = z.infer<typeof chosenSampleSchema>;

/** The JSON part of an upload body. */
export const uploadMetadataSchema = z
  .object({
    ticket: z.string().min(1).max(1024),
    /** Chosen by the client once per submission; a retry sends the same key (L11). */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, _ or -"),
    backend: z.enum(BACKENDS),
    sample: chosenSampleSchema,
  })
  .strict();
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/**
 * Upload body: bytes 0–3 = JSON length L (uint32 little-endian), then L bytes of UTF-8 JSON
 * (uploadMetadataSchema; a class-model update's is lib/protocol/federated.ts updateMetadataSchema),
 * then the weight file (.rnnw) to the end of the body.
 */
export function encodeUploadBody(
  metadata: UploadMetadata | { token: string; round: number; idempotencyKey: string },
  weights: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(metadata));
  const body = new Uint8Array(4 + json.length + weights.length);
  new DataView(body.buffer).setUint32(0, json.length, true);
  body.set(json, 4);
  body.set(weights, 4 + json.length);
  return body;
}

/** Splits an upload body; null when the framing is broken. */
export function decodeUploadBody(body: Uint8Array, maxJsonBytes: number): { metadata: unknown; weights: Uint8Array } | null {
  if (body.length < 4) return null;
  const length = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, true);
  if (length > maxJsonBytes || 4 + length > body.length) return null;
  try {
    const metadata: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.subarray(4, 4 + length)));
    return { metadata, weights: body.subarray(4 + length) };
  } catch {
    return null;
  }
}

export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export const temperatureSampleSchema = z.object({ temperature: z.number(), text: z.string() });

/** One of the student's own submissions, as they see it. */
export const mySubmissionSchema = z.object({
  id: z.string(),
  modelSessionId: z.string(),
  status: submissionStatusSchema,
  /** Why the evaluation failed (status rejected). */
  error: z.string().nullable(),
  publicBpc: z.number().nullable(),
  /** Only after the reveal (L5). */
  privateBpc: z.number().nullable(),
  /** L1b: scored, but no better than the untrained model of its configuration: not ranked. */
  notTrained: z.boolean(),
  sampleBpc: z.number().nullable(),
  novelty: z.number().nullable(),
  sample: chosenSampleSchema,
  temperatureCard: z.array(temperatureSampleSchema),
  disqualifiedReason: z.string().nullable(),
  createdAt: z.string(),
  scoredAt: z.string().nullable(),
});
export type MySubmission = z.infer<typeof mySubmissionSchema>;

/** The upload's reply: the stored submission (status queued, or the first one for a retried key). */
export const uploadReplySchema = z.object({ submission: mySubmissionSchema, retried: z.boolean() });
export type UploadReply = z.infer<typeof uploadReplySchema>;

export const leaderboardRowSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  /** L16: the class model's entry (its name is shown in the reader's language). */
  classModel: z.boolean(),
  group: z.string().nullable(),
  rank: z.number().nullable(),
  privateRank: z.number().nullable(),
  rankChange: z.number().nullable(),
  submissionCount: z.number(),
  pending: z.number(),
  /** The counted submission (null: none yet). */
  best: z
    .object({
      submissionId: z.string(),
      publicBpc: z.number(),
      privateBpc: z.number().nullable(),
      sampleBpc: z.number().nullable(),
      novelty: z.number().nullable(),
      cell: z.string(),
      layers: z.number(),
      hiddenSize: z.number(),
      configHash: z.string(),
      backend: z.string(),
      step: z.number(),
      submittedAt: z.string(),
      sample: chosenSampleSchema,
      temperatureCard: z.array(temperatureSampleSchema),
      /** Votes for this sample, once voting is closed (L9). */
      votes: z.number().nullable(),
    })
    .nullable(),
  flags: z.array(z.enum(LEADERBOARD_FLAGS)),
  /** Instructors only (students see their own in `mine`). */
  disqualifiedReason: z.string().nullable(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const roundSettingsSchema = z.object({
  submissionsOpen: z.boolean(),
  submissionLimit: z.number().int().min(1).max(MAX_SUBMISSION_LIMIT),
  minSteps: z.number().int().min(0).max(10_000_000),
  votingOpen: z.boolean(),
  privateRevealedAt: z.string().nullable(),
});
export type RoundSettingsView = z.infer<typeof roundSettingsSchema>;

export const leaderboardViewSchema = z.object({
  sessionId: z.string(),
  modelSessionId: z.string().nullable(),
  settings: roundSettingsSchema.nullable(),
  rows: z.array(leaderboardRowSchema),
  /** Vote winners' submission ids, once voting is closed (L9). */
  voteWinners: z.array(z.string()),
  /** Submissions waiting for or in evaluation, class-wide. */
  pending: z.number(),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

const sessionOnly = z.object({ sessionId: id });

export const leaderboardRequests = {
  /** Student: a signed upload ticket for the model session in force (checks L10–L12 early). */
  "submission:ticket": {
    payload: z.object({ modelSessionId: id }),
    reply: z.object({ ticket: z.string(), expiresAt: z.number(), uploadPath: z.string() }),
  },
  /** Anyone in the session: the leaderboard of the model session in force (students also get their own submissions and vote). */
  "leaderboard:sync": {
    payload: sessionOnly,
    reply: z.object({ board: leaderboardViewSchema, mine: z.array(mySubmissionSchema), myVote: z.string().nullable() }),
  },
  /** Instructor: open/close submissions, change the limit or the minimum steps. */
  "leaderboard:settings": {
    payload: z.object({
      sessionId: id,
      submissionsOpen: z.boolean().optional(),
      submissionLimit: z.number().int().min(1).max(MAX_SUBMISSION_LIMIT).optional(),
      minSteps: z.number().int().min(0).max(10_000_000).optional(),
    }),
    reply: z.object({ settings: roundSettingsSchema }),
  },
  /** Instructor: disqualify a submission with a reason (null reinstates it). */
  "leaderboard:disqualify": {
    payload: z.object({ sessionId: id, submissionId: id, reason: z.string().trim().min(1).max(200).nullable() }),
    reply: z.object({ submissionId: z.string(), disqualifiedReason: z.string().nullable() }),
  },
  /** Instructor: reveal the private ranking (L5); once. */
  "leaderboard:reveal": { payload: sessionOnly, reply: z.object({ settings: roundSettingsSchema }) },
  /** Student: vote for a sample (L8); voting again moves the vote. */
  "vote:cast": { payload: z.object({ submissionId: id }), reply: z.object({ submissionId: z.string() }) },
  /** Instructor: close voting and show the winners (L9). */
  "vote:close": { payload: sessionOnly, reply: z.object({ settings: roundSettingsSchema }) },
} as const;

export const leaderboardBroadcasts = {
  /** Everyone in the session (students' copy without private data): the board changed. */
  "leaderboard:update": leaderboardViewSchema,
  /** One student: one of their submissions changed status. */
  "submission:status": mySubmissionSchema,
} as const;
