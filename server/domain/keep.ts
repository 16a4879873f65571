/**
 * What a student keeps after the lesson (rules K1–K3 in server/network/SPEC.md): their submissions
 * with scores and samples, the final model as a download, the samples their training produced and
 * their quiz results. Reached with the rejoin token the browser kept; it works during and after the
 * session and never rotates the token.
 */
import { z } from "zod";
import { charRNNConfigSchema } from "../../lib/engine/config";
import type { Keepsake } from "../../lib/api/keep";
import { AppError } from "../../lib/protocol/errors";
import { answerShown } from "../../lib/dashboard/answerView";
import { questionDraftSchema } from "../../lib/quiz/questions";
import { readRejoinToken } from "../auth/rejoinToken";
import type { Db } from "../db/client";
import { checkpointLink } from "./checkpoints";

/** The browser's newest token, or the one before it while the newest is unconfirmed (as for a rejoin). */
async function participantOf(db: Db, secret: string, token: string) {
  const claims = readRejoinToken(token, secret);
  const participant = claims && (await db.participant.findUnique({ where: { id: claims.p }, include: { session: { include: { class: true } } } }));
  if (!claims || !participant || participant.sessionId !== claims.s) throw new AppError("INVALID_TOKEN", "this link is not valid");
  const current = claims.v === participant.tokenVersion || (claims.v === participant.tokenVersion - 1 && !participant.tokenConfirmed);
  if (!current) throw new AppError("INVALID_TOKEN", "this browser's seat was taken over by another device");
  return participant;
}

export async function keepsake(db: Db, secret: string, token: string, now = Date.now()): Promise<Keepsake> {
  const participant = await participantOf(db, secret, token);
  const ended = participant.session.status === "ended";
  const submissions = await db.submission.findMany({
    where: { participantId: participant.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      error: true,
      step: true,
      config: true,
      publicBpc: true,
      privateBpc: true,
      novelty: true,
      disqualifiedReason: true,
      sampleText: true,
      sampleTemperature: true,
      createdAt: true,
      modelSession: { select: { corpusRef: true, privateRevealedAt: true } },
    },
  });
  const kept = submissions.map((s) => {
    const config = charRNNConfigSchema.safeParse(s.config);
    const revealed = ended || s.modelSession.privateRevealedAt !== null;
    return {
      id: s.id,
      status: s.status,
      error: s.error,
      step: s.step,
      cell: config.success ? config.data.cell : "?",
      hiddenSize: config.success ? config.data.hiddenSize : 0,
      layers: config.success ? config.data.layers : 0,
      publicBpc: s.publicBpc,
      privateBpc: revealed ? s.privateBpc : null,
      novelty: s.novelty,
      disqualifiedReason: s.disqualifiedReason,
      sample: s.sampleText,
      temperature: s.sampleTemperature,
      createdAt: s.createdAt.toISOString(),
      downloadUrl: s.status === "scored" ? checkpointLink(s.id, secret, now) : null,
    };
  });
  const scored = kept.filter((s) => s.status === "scored" && s.publicBpc !== null).sort((a, b) => (a.publicBpc ?? 0) - (b.publicBpc ?? 0));
  const finalModel = scored[0] ?? null;
  const finalCorpus = finalModel ? submissions.find((s) => s.id === finalModel.id)?.modelSession.corpusRef : undefined;

  const progress = await db.trainingProgress.findMany({
    where: { participantId: participant.id },
    orderBy: { updatedAt: "desc" },
    select: { step: true, sample: true },
  });
  const rounds = await db.quizRound.findMany({
    where: { sessionId: participant.sessionId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      questions: true,
      answers: { where: { participantId: participant.id }, select: { questionIndex: true, correctness: true, points: true, answer: true } },
    },
  });
  const quizzes = rounds
    .filter((r) => r.answers.length > 0)
    .map((r) => {
      const stored = Array.isArray(r.questions) ? r.questions : [];
      const questions = z.array(questionDraftSchema).safeParse(stored);
      const byIndex = new Map(r.answers.map((a) => [a.questionIndex, a]));
      return {
        title: r.title,
        points: r.answers.reduce((sum, a) => sum + a.points, 0),
        questions: (questions.success ? questions.data : []).map((q, index) => {
          const answer = byIndex.get(index);
          return {
            prompt: q.prompt,
            // What the student answered, as they saw it (the dashboard's rule, lib/dashboard/answerView.ts).
            answer: answer ? answerShown(stored[index], answer.answer, r.id, index) : null,
            correctness: answer?.correctness ?? 0,
            points: answer?.points ?? 0,
          };
        }),
      };
    });

  return {
    className: participant.session.class.name,
    code: participant.session.code,
    displayName: participant.displayName,
    status: ended ? "ended" : "live",
    endedAt: participant.session.endedAt?.toISOString() ?? null,
    corpus: finalCorpus ?? null,
    finalModelId: finalModel?.id ?? null,
    submissions: kept,
    trainingSamples: progress.filter((p) => p.sample.trim() !== "").map((p) => ({ step: p.step, text: p.sample })),
    quizzes,
  };
}
