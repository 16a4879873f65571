"use client";
/**
 * The student page's leaderboard part: the submit panel wired to the live training run (weights,
 * backend, step, sampling) and the class leaderboard with votes for samples.
 */
import { useState } from "react";
import { useTranslations } from "use-intl";
import type { ClientError } from "../lib/api";
import { request, type ClientSocket } from "../lib/socket";
import { useLiveRun } from "../live/StudentTraining";
import { useStudentSession } from "../stores/studentSession";
import { Leaderboard } from "./Leaderboard";
import { SubmissionError } from "./SubmissionError";
import { SubmitPanel, type CurrentModel } from "./SubmitPanel";
import { useLeaderboard } from "./useLeaderboard";

async function currentModel(): Promise<CurrentModel | null> {
  const run = useLiveRun.getState();
  if (!run.backend || run.status === "idle" || run.status === "preparing" || run.status === "error") return null;
  const { weights, step } = await run.exportWeights();
  return { weights, backend: run.backend, step };
}

async function generateSample(prime: string, temperature: number): Promise<string> {
  return useLiveRun.getState().generate({ prime, temperature, length: 300, topK: 0, seed: Date.now() % 100_000 });
}

export function StudentLeaderboard({
  socket,
  sessionId,
  participantId,
  bound,
}: {
  socket: ClientSocket;
  sessionId: string;
  participantId: string;
  bound: unknown;
}) {
  const t = useTranslations("leaderboard");
  const { board, mine, myVote, addMine, setVote } = useLeaderboard(socket, sessionId, bound);
  const [voteError, setVoteError] = useState<ClientError | null>(null);
  const sendSeated = useStudentSession((s) => s.sendSeated);
  const voteWaiting = useStudentSession((s) => s.queued.includes("vote"));
  if (!board?.modelSessionId) return null;
  // A vote clicked while offline waits for the rejoin; a newer click replaces it (one vote per round, L8).
  const vote = async (submissionId: string) => {
    const reply = await sendSeated("vote", (s) => request(s, "vote:cast", { submissionId }));
    if (reply.ok) {
      setVote(submissionId);
      setVoteError(null);
    } else setVoteError(reply.error);
  };
  return (
    <>
      <SubmitPanel
        socket={socket}
        modelSessionId={board.modelSessionId}
        settings={board.settings}
        mine={mine}
        currentModel={currentModel}
        generateSample={generateSample}
        onSubmitted={addMine}
      />
      <section className="panel" data-testid="student-leaderboard">
        <h2>{t("title")}</h2>
        {board.settings?.votingOpen && <p className="muted">{t("wall")}</p>}
        <SubmissionError error={voteError} />
        {voteWaiting && (
          <p className="muted" data-testid="vote-queued" role="status">
            {t("voteQueued")}
          </p>
        )}
        <Leaderboard board={board} me={participantId} myVote={myVote} onVote={(id) => void vote(id)} />
      </section>
    </>
  );
}
