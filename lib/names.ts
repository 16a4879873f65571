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

/** A display name: 1–24 characters after cleaning, no control characters. */
export const nameSchema = z
  .string()
  .transform(cleanName)
  .pipe(
    z
      .string()
      .min(1, "name is empty")
      .refine((s) => [...s].length <= MAX_NAME_LENGTH, `name is longer than ${MAX_NAME_LENGTH} characters`)
      .refine((s) => !/\p{Cc}/u.test(s), "name contains control characters"),
  );
