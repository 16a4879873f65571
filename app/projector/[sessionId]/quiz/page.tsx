"use client";
/** The projector's full-screen quiz view: attaches with the instructor's login, shows the round. */
import { useParams } from "next/navigation";
import { useCallback } from "react";
import { request, type ClientSocket } from "../../../lib/socket";
import { ProjectorQuiz } from "../../../quiz/components/ProjectorQuiz";
import { useLiveSocket } from "../../../quiz/components/useLiveSocket";

export default function ProjectorQuizPage() {
  const { sessionId } = useParams<{ sessionId: string }>();
  const attach = useCallback(async (socket: ClientSocket) => {
    const reply = await request(socket, "instructor:attach", { sessionId });
    return reply.ok ? null : reply.error.code;
  }, [sessionId]);
  const { socket, bound } = useLiveSocket(attach);
  return <main className="quiz-projector-page">{socket && <ProjectorQuiz socket={socket} sessionId={sessionId} bound={bound} />}</main>;
}
