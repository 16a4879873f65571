"use client";
/** The student's page in a live session: who and where they are, then the feature panels. */
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect } from "react";
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
  const { snapshot, stopped, open, socket, joinCount } = useStudentSession();
  useEffect(() => open(code), [open, code]);

  if (stopped) {
    return (
      <>
        <Header />
        <main className="stop-screen" data-testid="stop-screen" data-reason={stopped}>
          <h1>{stopped === "NO_SEAT" ? t("student.connecting") : t(`errors.${stopped}`)}</h1>
          {stopped === "SESSION_ENDED" ? (
            <Link href="/" className="button">
              {t("student.home")}
            </Link>
          ) : (
            <Link href={`/join/${code}`} className="button" onClick={() => forgetSeat(code)}>
              {stopped === "REPLACED" ? t("student.takeBack") : t("student.rejoin")}
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
        {!snapshot ? (
          <p className="muted">{t("student.connecting")}</p>
        ) : (
          <>
            <h1 data-testid="student-welcome" data-participant={snapshot.you.participantId}>
              {t("student.welcome", { name: snapshot.you.displayName })}
            </h1>
            <p className="muted">{t("student.inClass", { className: snapshot.session.className, code: snapshot.session.code })}</p>
            {socket && <StudentQuiz socket={socket} participantId={snapshot.you.participantId} bound={joinCount} />}
            {socket && <StudentTraining socket={socket} participantId={snapshot.you.participantId} joinCount={joinCount} />}
            {socket && <StudentLeaderboard socket={socket} sessionId={snapshot.session.id} participantId={snapshot.you.participantId} bound={joinCount} />}
          </>
        )}
      </main>
    </>
  );
}
