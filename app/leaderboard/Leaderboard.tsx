"use client";
/**
 * The verified leaderboard as a table, for the instructor console and for students: rank, name,
 * group, model, submissions, time, score (and the private score with rank changes after the
 * reveal), novelty, config hash, backend, flags; each row opens the sample and its temperature
 * card. Optional actions: a student's vote, the instructor's disqualify/reinstate.
 */
import { Fragment, useState } from "react";
import { useTranslations } from "use-intl";
import type { LeaderboardRow, LeaderboardView } from "../../lib/protocol/leaderboard";
import { TemperatureCard } from "./TemperatureCard";
import { bpc, clock, percent } from "./format";
import "./leaderboard.css";

export interface LeaderboardProps {
  board: LeaderboardView;
  /** The viewing student (their row is highlighted, their vote button hidden). */
  me?: string;
  myVote?: string | null;
  onVote?: (submissionId: string) => void;
  onDisqualify?: (row: LeaderboardRow) => void;
}

export function RankChange({ change }: { change: number | null }) {
  if (change === null) return null;
  const cls = change > 0 ? "up" : change < 0 ? "down" : "same";
  return (
    <span className={`rank-change ${cls}`} data-testid="rank-change" data-change={change}>
      {change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "="}
    </span>
  );
}

export function Leaderboard({ board, me, myVote, onVote, onDisqualify }: LeaderboardProps) {
  const t = useTranslations("leaderboard");
  const tTraining = useTranslations("training");
  const tClass = useTranslations("classModel");
  const [open, setOpen] = useState<string | null>(null);
  const revealed = board.settings?.privateRevealedAt != null;
  const votingOpen = board.settings?.votingOpen ?? false;
  if (!board.modelSessionId) return <p className="muted">{t("noRound")}</p>;
  const rows = board.rows; // already in display order (lib/leaderboard/SPEC.md L5a)
  const winners = new Set(board.voteWinners);
  return (
    <div className="leaderboard" data-testid="leaderboard" data-revealed={revealed}>
      {board.pending > 0 && <p className="muted">{t("pending", { count: board.pending })}</p>}
      {revealed && <p className="ok">{t("revealed")}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{revealed ? t("privateRank") : t("rank")}</th>
              {revealed && <th>{t("change")}</th>}
              <th>{t("name")}</th>
              <th>{t("group")}</th>
              <th>{t("model")}</th>
              <th>{t("submissions")}</th>
              <th>{t("time")}</th>
              <th>{t("publicBpc")}</th>
              {revealed && <th>{t("privateBpc")}</th>}
              <th title={t("noveltyHint")}>{t("novelty")}</th>
              <th>{t("sample")}</th>
              <th>{t("config")}</th>
              <th>{t("backend")}</th>
              <th>{t("flags")}</th>
              {(onVote || onDisqualify) && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const b = r.best;
              return (
                <Fragment key={r.participantId}>
                  <tr
                    data-testid="leaderboard-row"
                    data-name={r.name}
                    data-class-model={r.classModel}
                    data-rank={r.rank ?? ""}
                    data-private-rank={r.privateRank ?? ""}
                    className={r.participantId === me ? "me" : undefined}
                  >
                    <td className="rank" data-label={revealed ? t("privateRank") : t("rank")}>
                      {(revealed ? r.privateRank : r.rank) ?? "—"}
                    </td>
                    {revealed && (
                      <td data-label={t("change")}>
                        <RankChange change={r.rankChange} />
                      </td>
                    )}
                    <td className="name" data-label={t("name")}>
                      {r.classModel ? <strong className="pill class-entry">{tClass("title")}</strong> : r.name}
                    </td>
                    <td data-label={t("group")}>{r.group ?? ""}</td>
                    <td data-label={t("model")}>{b ? `${b.cell.toUpperCase()} ${b.hiddenSize}×${b.layers}` : ""}</td>
                    <td data-label={t("submissions")}>{r.submissionCount}</td>
                    <td data-label={t("time")}>{b ? clock(b.submittedAt) : ""}</td>
                    <td data-testid="row-public-bpc" data-label={t("publicBpc")}>
                      {bpc(b?.publicBpc)}
                    </td>
                    {revealed && <td data-label={t("privateBpc")}>{bpc(b?.privateBpc)}</td>}
                    <td data-label={t("novelty")}>{percent(b?.novelty)}</td>
                    <td className="sample-cell" data-label={t("sample")}>
                      {b && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setOpen(open === r.participantId ? null : r.participantId)}
                          data-testid="row-sample"
                        >
                          {b.sample.text.slice(0, 40)}
                          {b.sample.text.length > 40 ? "…" : ""}
                        </button>
                      )}
                      {b && winners.has(b.submissionId) && <span className="pill award">🏆 {t("winners")}</span>}
                      {b?.votes !== null && b?.votes !== undefined && <span className="muted"> {t("votes", { count: b.votes })}</span>}
                    </td>
                    <td data-label={t("config")}>
                      <code>{b?.configHash.slice(0, 8)}</code>
                    </td>
                    <td data-label={t("backend")}>{b?.backend}</td>
                    <td data-label={t("flags")}>
                      {r.flags.map((f) => (
                        <span
                          key={f}
                          className={`pill flag-${f}`}
                          data-testid={`flag-${f}`}
                          title={f === "disqualified" ? (r.disqualifiedReason ?? "") : undefined}
                        >
                          {t(`flag.${f}`)}
                        </span>
                      ))}
                      {r.disqualifiedReason && <span className="muted small"> {r.disqualifiedReason}</span>}
                    </td>
                    {(onVote || onDisqualify) && (
                      <td className="actions">
                        {onVote && b && !r.classModel && r.participantId !== me && votingOpen && (
                          <button
                            type="button"
                            className={myVote === b.submissionId ? "" : "secondary"}
                            onClick={() => onVote(b.submissionId)}
                            data-testid="vote-button"
                          >
                            {myVote === b.submissionId ? t("voted") : t("vote")}
                          </button>
                        )}
                        {onDisqualify && !r.classModel && (b || r.flags.includes("disqualified")) && (
                          <button type="button" className="danger" onClick={() => onDisqualify(r)} data-testid="disqualify-button">
                            {r.flags.includes("disqualified") && !b ? t("reinstate") : t("disqualify")}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                  {open === r.participantId && b && (
                    <tr className="detail">
                      <td colSpan={16}>
                        <TemperatureCard sample={b.sample} card={b.temperatureCard} />
                        <p className="muted small">
                          {t("sampleBpc")}: {bpc(b.sampleBpc)} · {tTraining("atStep", { step: b.step })}
                        </p>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
