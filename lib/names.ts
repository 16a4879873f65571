/**
 * Student names: how they are cleaned, compared and limited. Shared by the join page (instant
 * feedback) and the server (the decision). Korean names are compared in NFC, so the same name
 * typed on two keyboards is the same name.
 */
import { z } from "zod";

export const MAX_NAME_LENGTH = 24; // characters, as counted by the join form

/** Trim, collapse inner spaces, NFC. */
export function cleanName(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** Key for uniqueness: cleaned and case-folded ("Minji" and "minji " are the same student). */
export function nameKey(raw: string): string {
  return cleanName(raw).toLocaleLowerCase("en-US");
}

export type NameProblem = "EMPTY" | "TOO_LONG" | "CONTROL_CHARS";

const NAME_PROBLEM_MESSAGES: Record<NameProblem, string> = {
  EMPTY: "name is empty",
  TOO_LONG: `name is longer than ${MAX_NAME_LENGTH} characters`,
  CONTROL_CHARS: "name contains control characters",
};

/** What is wrong with a cleaned name, or null: 1–24 characters, no control characters. */
export function nameProblem(cleaned: string): NameProblem | null {
  if (cleaned.length === 0) return "EMPTY";
  if ([...cleaned].length > MAX_NAME_LENGTH) return "TOO_LONG";
  if (/\p{Cc}/u.test(cleaned)) return "CONTROL_CHARS";
  return null;
}

/** A display name: cleaned, then checked by nameProblem (English messages for API errors). */
export const nameSchema = z
  .string()
  .transform(cleanName)
  .superRefine((s, ctx) => {
    const problem = nameProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: NAME_PROBLEM_MESSAGES[problem] });
  });
