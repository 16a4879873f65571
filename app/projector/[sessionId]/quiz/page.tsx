"use client";
/**
 * The projector's full-screen quiz view: attaches with the instructor's login, shows the round.
 * The attach reply and the roster updates give the lobby its join code and the names of the
 * students who are in.
 */
import { useParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ParticipantView } from "../../../../lib/protocol/views";
import { request, type ClientSocket } from "../../../lib/socket";
import { ProjectorQuiz } from "../../../quiz/components/ProjectorQuiz";
import { useLiveSocket } from "../../../quiz/components/useLiveSocket";

export default function ProjectorQuizPage() {
  const { sessionId } = useParams<{ sessionId: string }>();
  const [code, setCode] = useState<string | null>(null);
  const [participants, setParticipants] = useState<ParticipantView[]>([]);
  const attach = useCallback(
    async (socket: ClientSocket) => {
      const reply = await request(socket, "instructor:attach", { sessionId });
      if (!reply.ok) return reply.error.code;
      setCode(reply.data.session.code);
      setParticipants(reply.data.participants);
      return null;
    },
    [sessionId],
  );
  const { socket, bound } = useLiveSocket(attach);
  useEffect(() => {
    if (!socket) return;
    const onRoster = (update: { sessionId: string; participants: ParticipantView[] }) => {
      if (update.sessionId === sessionId) setParticipants(update.participants);
    };
    socket.on("roster:update", onRoster);
    return () => {
      socket.off("roster:update", onRoster);
    };
  }, [socket, sessionId]);
  const names = participants.filter((p) => p.connected).map((p) => p.displayName);
  return <main className="quiz-projector-page">{socket && <ProjectorQuiz socket={socket} sessionId={sessionId} bound={bound} lobby={{ code, names }} />}</main>;
}
