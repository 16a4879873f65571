"use client";
/**
 * The client side of a live quiz: a zustand store fed by the socket's quiz events, with the
 * clock offset to the server (lib/quiz/SPEC.md Q3) so every client counts down to the same
 * closesAt. `useQuizFeed(socket, bound)` subscribes and sends quiz:sync whenever `bound` changes
 * to a new truthy value: the page passes something that changes on every successful join,
 * rejoin or attach (a join counter, the attach reply), so a reconnect re-syncs.
 */
import { useEffect, useState } from "react";
import { create } from "zustand";
import type { PublicQuestion, QuizProgress, QuizResult, QuizState, StandingView } from "../../../lib/protocol/quiz";
import { request, type ClientSocket } from "../../lib/socket";

interface QuizFeed {
  state: QuizState | null;
  /** serverNow − Date.now() at the last state. */
  offsetMs: number;
  result: QuizResult | null;
  progress: QuizProgress | null;
  standings: StandingView[] | null;
  /** This client answered the open question (student). */
  answered: boolean;
  setState(state: QuizState | null): void;
  setAnswered(answered: boolean): void;
  set(patch: Partial<Pick<QuizFeed, "result" | "progress" | "standings" | "answered">>): void;
}

export const useQuiz = create<QuizFeed>((set, get) => ({
  state: null,
  offsetMs: 0,
  result: null,
  progress: null,
  standings: null,
  answered: false,
  setState(state) {
    const previous = get().state;
    const sameQuestion = previous && state && previous.roundId === state.roundId && previous.questionIndex === state.questionIndex;
    set({
      state,
      offsetMs: state ? state.serverNow - Date.now() : 0,
      // A new question clears the last answer; a new round clears everything.
      ...(sameQuestion ? {} : { answered: false }),
      ...(previous?.roundId !== state?.roundId ? { result: null, standings: null, progress: null } : {}),
    });
  },
  setAnswered: (answered) => set({ answered }),
  set: (patch) => set(patch),
}));

export function useQuizFeed(socket: ClientSocket | null, bound: unknown, sessionId?: string): void {
  useEffect(() => {
    if (!socket || !bound) return;
    const store = useQuiz.getState;
    const onState = (s: QuizState) => store().setState(s);
    const onResult = (r: QuizResult) => store().set({ result: r });
    const onProgress = (p: QuizProgress) => store().set({ progress: p });
    const onStandings = (s: { roundId: string; standings: StandingView[] }) => store().set({ standings: s.standings });
    socket.on("quiz:state", onState);
    socket.on("quiz:result", onResult);
    socket.on("quiz:progress", onProgress);
    socket.on("quiz:standings", onStandings);
    let cancelled = false;
    request(socket, "quiz:sync", sessionId ? { sessionId } : {}).then((reply) => {
      if (cancelled || !reply.ok) return;
      store().setState(reply.data.state);
      store().set({ answered: reply.data.answered, result: reply.data.result, progress: reply.data.progress, standings: reply.data.standings });
    });
    return () => {
      cancelled = true;
      socket.off("quiz:state", onState);
      socket.off("quiz:result", onResult);
      socket.off("quiz:progress", onProgress);
      socket.off("quiz:standings", onStandings);
    };
  }, [socket, bound, sessionId]);
}

/** Milliseconds left on the open question by the server's clock (null when none is open). */
export function useRemainingMs(): number | null {
  const state = useQuiz((s) => s.state);
  const offset = useQuiz((s) => s.offsetMs);
  const [now, setNow] = useState(() => Date.now());
  const open = state?.phase === "question";
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [open]);
  if (state?.phase !== "question") return null;
  return Math.max(0, state.closesAt - (now + offset));
}

/** Kahoot-style answer buttons: colour and shape together (readable without colour). */
export const ANSWER_STYLES = [
  { shape: "▲", className: "quiz-c0" },
  { shape: "◆", className: "quiz-c1" },
  { shape: "●", className: "quiz-c2" },
  { shape: "■", className: "quiz-c3" },
  { shape: "★", className: "quiz-c4" },
  { shape: "⬢", className: "quiz-c5" },
] as const;

export function localized(text: { ko: string; en: string }, locale: string): string {
  return locale === "en" ? text.en : text.ko;
}

/** Questions answered with the colour + shape buttons (their histogram bars take the same colours, Q15a). */
export function isChoice(question: PublicQuestion): boolean {
  return question.type === "single" || question.type === "multiple" || question.type === "truefalse";
}
