"use client";
/**
 * The leaderboard on the classroom display: the top 10 in large type, samples as text, and at the
 * reveal a podium that rises in private-ranking order with each student's rank change.
 */
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import { ErrorText } from "../components/ErrorText";
import { useInstructorSession } from "../stores/instructorSession";
import { RankChange } from "./Leaderboard";
import { bpc, percent } from "./format";
import { useLeaderboard } from "./useLeaderboard";
import "./leaderboard.css";

const TOP = 10;

export function ProjectorLeaderboard({ sessionId }: { sessionId: string }) {
  const t = useTranslations("leaderboard");
  const tClass = useTranslations("classModel");
  // L16: the class model's entry is named in the reader's language.
  const nameOf = (r: { name: string; classModel: boolean }) => (r.classModel ? tClass("title") : r.name);
  const { socket, session, error, open } = useInstructorSession();
  useEffect(() => open(sessionId), [open, sessionId]);
  const { board } = useLeaderboard(socket, sessionId, session);
  const revealed = board?.settings?.privateRevealedAt != null;
  // The board's rows are already in display order (lib/leaderboard/SPEC.md L5a): keep the ranked ones.
  const top = (board?.rows ?? []).filter((r) => (revealed ? r.privateRank : r.rank) !== null).slice(0, TOP);
  const winners = new Set(board?.voteWinners ?? []);
  return (
    <main className="projector-view projector-leaderboard" data-testid="projector-leaderboard" data-revealed={revealed}>
      <ErrorText error={error} />
      <h1>{revealed ? t("revealed") : t("projectorTitle")}</h1>
      {revealed && top.length > 0 && (
        <div className="podium" data-testid="podium">
          {[1, 0, 2].map((i) =>
            top[i] ? (
              <div key={top[i].participantId} className={`podium-step place-${i + 1}`} style={{ animationDelay: `${(2 - i) * 0.8}s` }}>
                <div className="podium-name">{nameOf(top[i])}</div>
                <div className="podium-score">{bpc(top[i].best?.privateBpc)}</div>
                <RankChange change={top[i].rankChange} />
                <div className="podium-block">{i + 1}</div>
              </div>
            ) : null,
          )}
        </div>
      )}
      {top.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className="projector-rows">
          {top.map((r) => (
            <li key={r.participantId} data-testid="projector-row" data-name={r.name} data-class-model={r.classModel}>
              <span className="rank">{revealed ? r.privateRank : r.rank}</span>
              {revealed && <RankChange change={r.rankChange} />}
              <span className="name">{nameOf(r)}</span>
              <span className="score">{bpc(revealed ? r.best?.privateBpc : r.best?.publicBpc)}</span>
              <span className="muted novelty">
                {t("novelty")} {percent(r.best?.novelty)}
              </span>
              {r.best && winners.has(r.best.submissionId) && <span className="pill award">🏆</span>}
              <pre className="projector-row-sample" data-testid="projector-sample">
                {r.best?.sample.text.slice(0, 160)}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
