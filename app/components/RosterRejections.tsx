"use client";
/** Roster lines that were not added, each with its reason in the reader's language. */
import { useTranslations } from "use-intl";
import { MAX_NAME_LENGTH } from "../../lib/names";
import { MAX_ROSTER_SIZE, type RosterRejection } from "../../lib/roster";

export function RosterRejections({ rejected }: { rejected: { line: number; text: string; reason: RosterRejection }[] }) {
  const t = useTranslations("classes");
  return rejected.map((r) => (
    <div key={`${r.line}-${r.text}`} className="error" data-testid="roster-rejected" data-reason={r.reason}>
      {t(r.line > 0 ? "rejected" : "rejectedName", {
        line: r.line,
        text: r.text,
        reason: t(`rosterReason.${r.reason}`, { max: r.reason === "TOO_MANY" ? MAX_ROSTER_SIZE : MAX_NAME_LENGTH }),
      })}
    </div>
  ));
}
