"use client";
/** A submission's status in the reader's language (the server stores the English code). */
import { useTranslations } from "use-intl";
import { SUBMISSION_STATUSES } from "../../lib/leaderboard/ranking";

type Status = (typeof SUBMISSION_STATUSES)[number];
const isStatus = (value: string): value is Status => (SUBMISSION_STATUSES as readonly string[]).includes(value);

export function SubmissionStatus({ status }: { status: string }) {
  const t = useTranslations("devices.submissionStatus");
  return <span className={`pill status-${status}`}>{isStatus(status) ? t(status) : status}</span>;
}
