"use client";
/** The instructor console of a live session: join code and QR, the live roster, and the feature panels. */
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { JoinCodeCard } from "../../components/JoinCodeCard";
import { LiveRoster } from "../../components/LiveRoster";
import { GuestSeatLimit } from "../../components/SeatControls";
import { SeatClaims } from "../../components/SeatClaims";
import { LobbyNames } from "../../components/LobbyNames";
import { callApi } from "../../lib/api";
import { QuizRoundLinks } from "../../components/QuizRoundLinks";
import { useInstructorSession } from "../../stores/instructorSession";
import { InstructorTrainingPanel } from "../../live/InstructorTrainingPanel";
import { InstructorQuizPanel } from "../../quiz/components/InstructorQuizPanel";
import { InstructorLeaderboard } from "../../leaderboard/InstructorLeaderboard";
import { InstructorPage } from "../../components/InstructorPage";

export default function ConsolePage() {
  const t = useTranslations("console");
  const router = useRouter();
  const { sessionId } = useParams<{ sessionId: string }>();
  const { session, participants, error, open, end, socket, remove } = useInstructorSession();
  const [projector, setProjector] = useState(false);
  const [roster, setRoster] = useState<{ id: string; name: string }[]>([]);
  const classId = session?.classId;
  useEffect(() => {
    if (!classId) return;
    void callApi("getClass", { params: { classId } }).then((reply) => reply.ok && setRoster(reply.data.class.students));
  }, [classId]);

  useEffect(() => open(sessionId), [open, sessionId]);
  useEffect(() => {
    if (error?.code === "UNAUTHENTICATED") router.replace(`/login?next=/sessions/${sessionId}`);
  }, [error, router, sessionId]);

  if (projector && session) {
    return (
      <main className="projector">
        <JoinCodeCard code={session.code} />
        <p className="projector-count">{t("connectedCount", { connected: participants.filter((p) => p.connected).length, total: participants.length })}</p>
        <LobbyNames participants={participants} />
        <button className="secondary" onClick={() => setProjector(false)}>
          {t("exitProjector")}
        </button>
      </main>
    );
  }

  return (
    <InstructorPage error={error}>
      {session && (
        <>
          <div className="row">
            <Link href={`/classes/${session.classId}`}>{t("backToClass")}</Link>
            <h1>{session.className}</h1>
            {session.status === "live" ? (
              <>
                <button className="secondary" onClick={() => setProjector(true)} data-testid="projector-mode">
                  {t("projector")}
                </button>
                <button
                  className="danger"
                  data-testid="end-session"
                  onClick={() => {
                    if (window.confirm(t("confirmEnd"))) void end();
                  }}
                >
                  {t("end")}
                </button>
              </>
            ) : (
              <span className="pill offline" data-testid="session-ended">
                {t("ended")}
              </span>
            )}
          </div>
          {session.status === "live" && <JoinCodeCard code={session.code} />}
          {session.status === "live" && <SeatClaims />}
          {session.status === "live" && <GuestSeatLimit />}
          <LiveRoster participants={participants} roster={roster} onRemove={session.status === "live" ? (id) => void remove(id) : undefined} />
          {session.status === "live" && socket && <InstructorTrainingPanel socket={socket} session={session} participants={participants} />}
          {session.status === "live" && socket && <InstructorQuizPanel socket={socket} sessionId={session.id} bound={session} />}
          {session.status === "live" && socket && <InstructorLeaderboard socket={socket} sessionId={session.id} bound={session} />}
          <QuizRoundLinks sessionId={session.id} refreshKey={session} />
        </>
      )}
    </InstructorPage>
  );
}
