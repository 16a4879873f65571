"use client";
/** Links to the results table of each quiz round run in a session. */
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { callApi } from "../lib/api";

export function QuizRoundLinks({ sessionId, refreshKey }: { sessionId: string; refreshKey?: unknown }) {
  const t = useTranslations("quizResults");
  const [rounds, setRounds] = useState<{ id: string; title: string; createdAt: string }[]>([]);
  useEffect(() => {
    void callApi("quizSessionRounds", { params: { sessionId } }).then((reply) => reply.ok && setRounds(reply.data.rounds));
  }, [sessionId, refreshKey]);
  if (rounds.length === 0) return null;
  return (
    <section className="panel">
      <h2>{t("rounds")}</h2>
      <ul>
        {rounds.map((r) => (
          <li key={r.id}>
            <Link href={`/quiz/rounds/${r.id}`} data-testid="round-link">
              {r.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
