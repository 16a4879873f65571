/**
 * A page's live copy of the leaderboard: synced after every (re)join, updated by
 * `leaderboard:update` broadcasts and, for a student, their own `submission:status` events.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LeaderboardView, MySubmission } from "../../lib/protocol/leaderboard";
import type { ErrorBody } from "../../lib/protocol/errors";
import { request, type ClientSocket } from "../lib/socket";

export interface LeaderboardState {
  board: LeaderboardView | null;
  mine: MySubmission[];
  myVote: string | null;
  error: ErrorBody | null;
}

export function useLeaderboard(socket: ClientSocket | null, sessionId: string | null, bound: unknown) {
  const [state, setState] = useState<LeaderboardState>({ board: null, mine: [], myVote: null, error: null });
  const revealedAt = useRef<string | null>(null);

  const sync = useCallback(async () => {
    if (!socket || !sessionId) return;
    const reply = await request(socket, "leaderboard:sync", { sessionId });
    if (reply.ok) {
      revealedAt.current = reply.data.board.settings?.privateRevealedAt ?? null;
      setState({ board: reply.data.board, mine: reply.data.mine, myVote: reply.data.myVote, error: null });
    } else setState((s) => ({ ...s, error: reply.error }));
  }, [socket, sessionId]);

  useEffect(() => {
    if (!socket || !sessionId || !bound) return;
    void sync();
    const onUpdate = (board: LeaderboardView) => {
      if (board.sessionId !== sessionId) return;
      const revealed = board.settings?.privateRevealedAt ?? null;
      // A new round or the reveal changes the student's own rows too: fetch them once.
      if (revealed !== revealedAt.current) void sync();
      setState((s) => (s.board && s.board.modelSessionId !== board.modelSessionId ? { ...s, board, mine: [], myVote: null } : { ...s, board }));
    };
    const onStatus = (submission: MySubmission) =>
      setState((s) => ({ ...s, mine: [submission, ...s.mine.filter((m) => m.id !== submission.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }));
    const onModel = () => void sync();
    socket.on("leaderboard:update", onUpdate);
    socket.on("submission:status", onStatus);
    socket.on("training:model", onModel);
    return () => {
      socket.off("leaderboard:update", onUpdate);
      socket.off("submission:status", onStatus);
      socket.off("training:model", onModel);
    };
  }, [socket, sessionId, bound, sync]);

  const addMine = useCallback(
    (submission: MySubmission) => setState((s) => ({ ...s, mine: [submission, ...s.mine.filter((m) => m.id !== submission.id)] })),
    [],
  );
  const setVote = useCallback((submissionId: string) => setState((s) => ({ ...s, myVote: submissionId })), []);
  return { ...state, sync, addMine, setVote };
}
