"use client";
/** A refused submission or vote, in the student's words: the reason code's message when there is one. */
import { useTranslations } from "use-intl";
import type { ClientError } from "../lib/api";
import { ErrorText } from "../components/ErrorText";

const REASONS = [
  "SUBMISSIONS_CLOSED",
  "LIMIT_REACHED",
  "TOO_FEW_STEPS",
  "SUPERSEDED",
  "RATE_LIMITED",
  "OWN_SAMPLE",
  "VOTING_CLOSED",
  "NO_SUCH_SAMPLE",
] as const;
const WEIGHT_CODES = ["TOO_LARGE", "TRUNCATED", "BAD_MAGIC", "SHAPE_MISMATCH", "CONFIG_MISMATCH", "NON_FINITE", "VOCABULARY_MISMATCH"] as const;

export function SubmissionError({ error }: { error: ClientError | null }) {
  const t = useTranslations("leaderboard");
  if (!error) return null;
  const issues = "issues" in error ? error.issues : undefined;
  const reason = REASONS.find((r) => issues?.reason?.includes(r));
  const weights = issues?.weights?.[0];
  let text: string | null = null;
  if (reason) text = t(`reason.${reason}`);
  else if (weights) text = t(`weights.${WEIGHT_CODES.find((c) => c === weights) ?? "OTHER"}`);
  else if (issues?.sample) text = t("sampleProblem");
  if (!text) return <ErrorText error={error} />;
  return (
    <div className="error" role="alert" data-testid="submission-error" data-code={reason ?? weights ?? error.code}>
      {text} <span className="muted">({error.message})</span>
    </div>
  );
}
