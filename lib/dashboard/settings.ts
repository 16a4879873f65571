/**
 * Needs-attention thresholds, adjustable per class (stored in Class.attentionSettings as JSON).
 * Every field has a default, so a class with no settings — or settings from an older version —
 * always parses to a complete object.
 */
import { z } from "zod";

export const attentionSettingsSchema = z.object({
  absentSessions: z.number().int().min(1).max(20),
  minSteps: z.number().int().min(0).max(1_000_000),
  scoreGapBpc: z.number().min(0).max(10),
  conceptAccuracy: z.number().min(0).max(1),
  conceptMinAnswers: z.number().int().min(1).max(100),
});
export type AttentionSettings = z.infer<typeof attentionSettingsSchema>;

export const DEFAULT_ATTENTION_SETTINGS: AttentionSettings = {
  /** Flag a student absent from each of the class's last N sessions. */
  absentSessions: 2,
  /** Below this many training steps in a session they attended (with a model pushed): "stuck". */
  minSteps: 50,
  /** Flag a best verified score this many bits/char worse than the class median of that session. */
  scoreGapBpc: 0.5,
  /** Flag a concept whose quiz accuracy is below this fraction (0..1)… */
  conceptAccuracy: 0.5,
  /** …once the student has answered at least this many questions on it. */
  conceptMinAnswers: 2,
};

/** The stored JSON as complete settings: unknown or invalid fields fall back to their defaults. */
export function attentionSettingsFrom(stored: unknown): AttentionSettings {
  const raw = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_ATTENTION_SETTINGS };
  for (const key of Object.keys(DEFAULT_ATTENTION_SETTINGS) as (keyof AttentionSettings)[]) {
    const field = attentionSettingsSchema.shape[key].safeParse(raw[key]);
    if (field.success) out[key] = field.data;
  }
  return attentionSettingsSchema.parse(out);
}
