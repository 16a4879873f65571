/**
 * Whether a submission may enter the queue: the round's settings (L10–L12) and the submitted
 * configuration (L13). Pure; the server calls these with what it stored, never with the client's
 * claims (the step compared is the server's own telemetry record).
 */
import type { CharRNNConfig } from "../engine/config";
import type { ModelSessionSpec } from "../protocol/training";

/** Longest chosen sample (characters): a paragraph, enough to enjoy, small enough to score fast. */
export const MAX_SAMPLE_TEXT_CHARS = 2_000;
/** Longest prime (characters). */
export const MAX_PRIME_CHARS = 200;
/** Largest weight file accepted (bytes): the engine's own cap. */
export const MAX_WEIGHTS_BYTES = 8 * 1024 * 1024;
/** The instructor may allow up to this many submissions per student per round. */
export const MAX_SUBMISSION_LIMIT = 50;

export interface RoundSettings {
  submissionsOpen: boolean;
  submissionLimit: number;
  minSteps: number;
}

export type Refusal = { code: "SUBMISSIONS_CLOSED" | "LIMIT_REACHED" | "TOO_FEW_STEPS"; message: string };

/**
 * L10 open, L11 limit (accepted submissions, i.e. not rejected, count), L12 minimum training steps
 * (the server's stored step for this student; none stored counts as 0).
 */
export function submissionRefusal(settings: RoundSettings, accepted: number, serverStep: number | null): Refusal | null {
  if (!settings.submissionsOpen) return { code: "SUBMISSIONS_CLOSED", message: "submissions are closed for this round" };
  if (accepted >= settings.submissionLimit)
    return { code: "LIMIT_REACHED", message: `you have used all ${settings.submissionLimit} submissions of this round` };
  const step = serverStep ?? 0;
  if (step < settings.minSteps) return { code: "TOO_FEW_STEPS", message: `train at least ${settings.minSteps} steps first (the server has seen ${step})` };
  return null;
}

/**
 * L13: the submitted configuration must equal the student's effective configuration (the pushed
 * one with their group's overrides), except the knobs students may turn, each within its bounds.
 * Returns one message per differing field (empty: acceptable).
 */
export function configDifferences(submitted: CharRNNConfig, expected: CharRNNConfig, knobs: ModelSessionSpec["studentKnobs"]): string[] {
  const problems: string[] = [];
  for (const field of Object.keys(expected) as (keyof CharRNNConfig)[]) {
    const got = submitted[field];
    const want = expected[field];
    if (got === want) continue;
    const knob = knobs.find((k) => k.field === field);
    if (knob && typeof got === "number" && got >= knob.min && got <= knob.max) continue;
    problems.push(
      knob ? `${field} is ${String(got)}; students may choose ${knob.min}–${knob.max}` : `${field} is ${String(got)}; this round trains ${String(want)}`,
    );
  }
  return problems;
}

/** L14: why a chosen sample is refused, or null. Markup is fine: it is stored and shown as text. */
export function sampleProblem(text: string, prime: string): string | null {
  if (text.trim().length === 0) return "the sample is empty";
  if ([...text].length > MAX_SAMPLE_TEXT_CHARS) return `the sample is longer than ${MAX_SAMPLE_TEXT_CHARS} characters`;
  if ([...prime].length > MAX_PRIME_CHARS) return `the prime is longer than ${MAX_PRIME_CHARS} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text + prime)) return "the sample contains control characters";
  return null;
}
