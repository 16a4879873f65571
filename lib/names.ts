/**
 * Student names: how they are cleaned, compared and limited. Shared by the join page (instant
 * feedback) and the server (the decision). Korean names are compared in NFC, so the same name
 * typed on two keyboards is the same name.
 *
 * Rule SS6 (SECURITY.md): no look-alike names. A name may not contain control or format characters
 * (\p{Cc}, \p{Cf}: zero-width spaces and joiners, word joiners, bidi overrides), and two names
 * whose TR39 skeletons are equal (`Аlice` in Cyrillic and `Alice`) are the same name wherever
 * names must differ (roster, guests, the roster vs guests).
 */
import { rectifyConfusion } from "unicode-confusables";
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

/** Unicode TR39 skeleton: NFD, each character mapped to its confusables.txt prototype, NFD again. */
function skeleton(text: string): string {
  return rectifyConfusion(text.normalize("NFD")).normalize("NFD");
}

/**
 * What a name looks like, for comparing names that must differ: its TR39 skeleton as written and
 * after case folding. Two names look alike when they share one (`looksAlike`). Both are needed:
 * Cyrillic `Вob` matches `Bob` only as written (its lower case `в` resembles `ʙ`), `ALICE KIM`
 * matches `Alice Kim` only folded (`I` resembles `l`).
 */
export function nameLooks(raw: string): string[] {
  const cleaned = cleanName(raw);
  return [`as written:${skeleton(cleaned)}`, `folded:${skeleton(nameKey(cleaned))}`];
}

export function looksAlike(a: string, b: string): boolean {
  return looksLike(a)(b);
}

/** `looksAlike(name, other)` for many others: `name`'s looks are computed once (a scan of a roster). */
export function looksLike(name: string): (other: string) => boolean {
  const looksOfName = nameLooks(name);
  return (other) => nameLooks(other).some((look) => looksOfName.includes(look));
}

export type NameProblem = "EMPTY" | "TOO_LONG" | "CONTROL_CHARS";

const NAME_PROBLEM_MESSAGES: Record<NameProblem, string> = {
  EMPTY: "name is empty",
  TOO_LONG: `name is longer than ${MAX_NAME_LENGTH} characters`,
  CONTROL_CHARS: "name contains control or invisible formatting characters",
};

/** What is wrong with a cleaned name, or null: 1–24 characters, no control or format characters (SS6). */
export function nameProblem(cleaned: string): NameProblem | null {
  if (cleaned.length === 0) return "EMPTY";
  if ([...cleaned].length > MAX_NAME_LENGTH) return "TOO_LONG";
  if (/[\p{Cc}\p{Cf}]/u.test(cleaned)) return "CONTROL_CHARS";
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
