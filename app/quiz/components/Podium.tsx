"use client";
/** The podium: the top 3 on steps (2nd, 1st, 3rd), then the full ranking when given. */
import { useTranslations } from "use-intl";
import type { StandingView } from "../../../lib/protocol/quiz";

export function Podium({ podium, ranking, highlight }: { podium: StandingView[]; ranking?: StandingView[] | null; highlight?: string }) {
  const t = useTranslations("quiz");
  const steps = [podium[1], podium[0], podium[2]];
  return (
    <div className="quiz-podium-wrap" data-testid="podium">
      <ol className="quiz-podium">
        {steps.map((s, i) =>
          s ? (
            <li key={s.participantId} className={`quiz-step quiz-step-${[2, 1, 3][i]}`} data-testid={`podium-${[2, 1, 3][i]}`}>
              <span className="quiz-step-name">{s.displayName}</span>
              <span className="quiz-step-points">{t("points", { points: s.points })}</span>
              <span className="quiz-step-place">{s.rank}</span>
            </li>
          ) : (
            <li key={`empty-${i}`} className="quiz-step quiz-step-empty" />
          ),
        )}
      </ol>
      {ranking && ranking.length > 0 && <Ranking standings={ranking} highlight={highlight} />}
    </div>
  );
}

export function Ranking({ standings, highlight }: { standings: StandingView[]; highlight?: string }) {
  const t = useTranslations("quiz");
  return (
    <table className="quiz-ranking" data-testid="ranking">
      <thead>
        <tr>
          <th>{t("rank")}</th>
          <th>{t("name")}</th>
          <th>{t("correctAnswers")}</th>
          <th>{t("score")}</th>
        </tr>
      </thead>
      <tbody>
        {standings.map((s) => (
          <tr key={s.participantId} className={s.participantId === highlight ? "quiz-me" : undefined}>
            <td>{s.rank}</td>
            <td>{s.displayName}</td>
            <td>{s.correct}</td>
            <td>{s.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
