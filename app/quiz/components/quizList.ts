"use client";
/**
 * The instructor's quiz list as the session console shows it, kept fresh without a reload: it is
 * fetched again when the quiz editor (in this tab or another tab of the same browser) announces a
 * change over a BroadcastChannel, and when the console's tab comes back into view.
 */
import { useCallback, useEffect, useState } from "react";
import type { RouteReply } from "../../../lib/api/routes";
import { callApi } from "../../lib/api";

export type QuizSummary = RouteReply<"quizList">["quizzes"][number];

const CHANNEL = "rnn-classroom:quiz-bank";

/** The editor calls this after creating, importing or deleting quizzes or questions. */
export function announceQuizBankChanged(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

export function useQuizList(): QuizSummary[] {
  const [quizzes, setQuizzes] = useState<QuizSummary[]>([]);
  const refresh = useCallback(() => {
    callApi("quizList").then((r) => {
      if (r.ok) setQuizzes(r.data.quizzes);
    });
  }, []);
  useEffect(() => {
    refresh();
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
    channel?.addEventListener("message", refresh);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", refresh);
    return () => {
      channel?.close();
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", refresh);
    };
  }, [refresh]);
  return quizzes;
}
