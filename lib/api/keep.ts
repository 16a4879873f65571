/**
 * "What I made": a student's page that survives the end of the session, reached with the rejoin
 * token their browser kept (server/domain/keep.ts). Read-only; the token is not rotated.
 */
import { z } from "zod";
import { answerShownSchema } from "../dashboard/answerView";
import { route } from "./route";

const localized = z.object({ ko: z.string(), en: z.string() });

export const keptSubmissionSchema = z.object({
  id: z.string(),
  status: z.string(),
  /** The server's refusal code for rejected submissions. */
  error: z.string().nullable(),
  step: z.number(),
  cell: z.string(),
  hiddenSize: z.number(),
  layers: z.number(),
  publicBpc: z.number().nullable(),
  /** Only once the instructor revealed the private ranking or the session ended. */
  privateBpc: z.number().nullable(),
  novelty: z.number().nullable(),
  disqualifiedReason: z.string().nullable(),
  sample: z.string(),
  temperature: z.number(),
  createdAt: z.string(),
  /** A signed download link of the .rnnw file (30 minutes); null for refused weights. */
  downloadUrl: z.string().nullable(),
});

export const keepsakeSchema = z.object({
  className: z.string(),
  code: z.string(),
  displayName: z.string(),
  status: z.enum(["live", "ended"]),
  endedAt: z.string().nullable(),
  /** The text the models were trained on (a bundled corpus id, or upload:<id>). */
  corpus: z.string().nullable(),
  /** The best scored submission (lowest public bits/char), the student's final model. */
  finalModelId: z.string().nullable(),
  submissions: z.array(keptSubmissionSchema),
  /** The latest sample each model session's training produced, newest first. */
  trainingSamples: z.array(z.object({ step: z.number(), text: z.string() })),
  quizzes: z.array(
    z.object({
      title: z.string(),
      points: z.number(),
      questions: z.array(
        z.object({
          prompt: localized,
          /** The student's answer as they saw it; null when they did not answer. */
          answer: answerShownSchema.nullable(),
          correctness: z.number(),
          points: z.number(),
        }),
      ),
    }),
  ),
});
export type Keepsake = z.infer<typeof keepsakeSchema>;

export const keepRoutes = {
  // Public: a student has no login; the rejoin token in the body is the proof (K1).
  keepsake: route("POST", "/api/keep", z.object({ rejoinToken: z.string().min(1).max(2000) }), keepsakeSchema, { access: "public" }),
} as const;
