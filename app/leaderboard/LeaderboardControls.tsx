"use client";
/** The instructor's leaderboard controls: open/close, limit, minimum steps, reveal, close voting, CSV. */
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { RoundSettingsView } from "../../lib/protocol/leaderboard";
import type { ErrorBody } from "../../lib/protocol/errors";
import { ErrorText } from "../components/ErrorText";
import { callApi } from "../lib/api";
import { request, type ClientSocket } from "../lib/socket";

export function LeaderboardControls({ socket, sessionId, settings }: { socket: ClientSocket; sessionId: string; settings: RoundSettingsView }) {
  const t = useTranslations("leaderboard");
  const [limit, setLimit] = useState(settings.submissionLimit);
  const [minSteps, setMinSteps] = useState(settings.minSteps);
  const [error, setError] = useState<ErrorBody | { code: "NETWORK"; message: string } | null>(null);
  useEffect(() => {
    setLimit(settings.submissionLimit);
    setMinSteps(settings.minSteps);
  }, [settings.submissionLimit, settings.minSteps]);

  const act = async (reply: Promise<{ ok: boolean; error?: ErrorBody }>) => {
    const r = await reply;
    setError(r.ok ? null : (r.error ?? null));
  };
  const exportCsv = async () => {
    const reply = await callApi("leaderboardCsv", { params: { sessionId } });
    if (!reply.ok) return setError(reply.error);
    const url = URL.createObjectURL(new Blob([reply.data.csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = reply.data.filename;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="leaderboard-controls" data-testid="leaderboard-controls">
      <div className="row">
        <button
          type="button"
          className={settings.submissionsOpen ? "secondary" : ""}
          data-testid="toggle-submissions"
          data-open={settings.submissionsOpen}
          onClick={() => void act(request(socket, "leaderboard:settings", { sessionId, submissionsOpen: !settings.submissionsOpen }))}
        >
          {settings.submissionsOpen ? t("close") : t("open")}
        </button>
        <label>
          {t("limit")} <input type="number" min={1} max={50} value={limit} onChange={(e) => setLimit(Number(e.target.value))} data-testid="limit-input" />
        </label>
        <label>
          {t("minStepsLabel")}{" "}
          <input type="number" min={0} value={minSteps} onChange={(e) => setMinSteps(Number(e.target.value))} data-testid="min-steps-input" />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => void act(request(socket, "leaderboard:settings", { sessionId, submissionLimit: limit, minSteps }))}
          data-testid="save-settings"
        >
          {t("save")}
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={settings.privateRevealedAt !== null}
          data-testid="reveal-private"
          onClick={() => {
            if (window.confirm(t("confirmReveal"))) void act(request(socket, "leaderboard:reveal", { sessionId }));
          }}
        >
          {t("reveal")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!settings.votingOpen}
          onClick={() => void act(request(socket, "vote:close", { sessionId }))}
          data-testid="close-voting"
        >
          {settings.votingOpen ? t("closeVoting") : t("votingClosed")}
        </button>
        <button type="button" className="secondary" onClick={() => void exportCsv()} data-testid="export-csv">
          {t("exportCsv")}
        </button>
        <a className="button secondary" href={`/projector/${sessionId}/leaderboard`} target="_blank" rel="noreferrer" data-testid="leaderboard-projector-link">
          {t("projector")}
        </a>
      </div>
      <ErrorText error={error} />
    </div>
  );
}
