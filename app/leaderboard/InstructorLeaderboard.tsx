"use client";
/** The leaderboard panel of the instructor console: controls and the full table with disqualify. */
import { useTranslations } from "use-intl";
import type { LeaderboardRow } from "../../lib/protocol/leaderboard";
import { ErrorText } from "../components/ErrorText";
import { request, type ClientSocket } from "../lib/socket";
import { Leaderboard } from "./Leaderboard";
import { LeaderboardControls } from "./LeaderboardControls";
import { useLeaderboard } from "./useLeaderboard";

export function InstructorLeaderboard({ socket, sessionId, bound }: { socket: ClientSocket; sessionId: string; bound: unknown }) {
  const t = useTranslations("leaderboard");
  const { board, error } = useLeaderboard(socket, sessionId, bound);
  const disqualify = (row: LeaderboardRow) => {
    if (row.best && !row.flags.includes("disqualified")) {
      const reason = window.prompt(t("reasonPrompt"))?.trim();
      if (reason) void request(socket, "leaderboard:disqualify", { sessionId, submissionId: row.best.submissionId, reason });
    } else if (row.best) void request(socket, "leaderboard:disqualify", { sessionId, submissionId: row.best.submissionId, reason: null });
  };
  return (
    <section className="panel" data-testid="instructor-leaderboard">
      <h2>{t("title")}</h2>
      <ErrorText error={error} />
      {board?.settings && <LeaderboardControls socket={socket} sessionId={sessionId} settings={board.settings} />}
      {board && <Leaderboard board={board} onDisqualify={disqualify} />}
    </section>
  );
}
