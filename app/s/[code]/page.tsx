"use client";
/** The student's page in a live session: who and where they are, then the feature panels. */
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { Header } from "../../components/Header";
import { forgetSeat } from "../../lib/seat";
import { useStudentSession } from "../../stores/studentSession";
import { StudentTraining } from "../../live/StudentTraining";
import { StudentQuiz } from "../../quiz/components/StudentQuiz";
import { StudentLeaderboard } from "../../leaderboard/StudentLeaderboard";

export default function StudentPage() {
  const t = useTranslations();
  const code = useParams<{ code: string }>().code.toUpperCase();
  const router = useRouter();
  const { snapshot, stopped, open, socket, joinCount } = useStudentSession();
  /** Bumped by "take it back": reopens the session with the newest token this browser holds. */
  const [attempt, setAttempt] = useState(0);
  useEffect(() => open(code), [open, code, attempt]);
  useEffect(() => {
    if (stopped === "NO_SEAT") router.replace(`/join/${code}`); // this browser never joined: pick a name first
  }, [stopped, router, code]);

  if (stopped && stopped !== "NO_SEAT") {
    return (
      <>
        <Header />
        <main className="stop-screen" data-testid="stop-screen" data-reason={stopped}>
          <h1>{t(`errors.${stopped}`)}</h1>
          {stopped === "SESSION_ENDED" ? (
            <div className="row" style={{ justifyContent: "center" }}>
              <Link href={`/keep/${code}`} className="button" data-testid="keep-link">
                {t("devices.keep.afterEnd")}
              </Link>
              <Link href="/" className="button secondary">
                {t("student.home")}
              </Link>
            </div>
          ) : stopped === "REPLACED" ? (
            // Another tab of this browser saved the newest token, so rejoining here takes the seat back;
            // from another device the token is stale and the rejoin ends in INVALID_TOKEN (pick the name again).
            <button onClick={() => setAttempt((n) => n + 1)} data-testid="take-back">
              {t("student.takeBack")}
            </button>
          ) : (
            <Link href={`/join/${code}`} className="button" onClick={() => forgetSeat(code)} data-testid="rejoin">
              {t("student.rejoin")}
            </Link>
          )}
        </main>
      </>
    );
  }

  return (
    <>
      <Header />
      <main>
        {!snapshot || stopped ? (
          <p className="muted">{t("student.connecting")}</p>
        ) : (
          <>
            <h1 data-testid="student-welcome" data-participant={snapshot.you.participantId}>
              {t("student.welcome", { name: snapshot.you.displayName })}
            </h1>
            <p className="muted">{t("student.inClass", { className: snapshot.session.className, code: snapshot.session.code })}</p>
            {socket && <StudentQuiz socket={socket} participantId={snapshot.you.participantId} bound={joinCount} />}
            {socket && <StudentTraining socket={socket} code={code} participantId={snapshot.you.participantId} joinCount={joinCount} />}
            {socket && <StudentLeaderboard socket={socket} sessionId={snapshot.session.id} participantId={snapshot.you.participantId} bound={joinCount} />}
          </>
        )}
      </main>
    </>
  );
}
