/**
 * The closed list of concept tags a quiz question may carry. The teacher dashboard computes
 * quiz accuracy per tag, so tags are ids (stable, ASCII) with a label in each language.
 */
import { z } from "zod";

export const QUIZ_TAGS = [
  "recurrence", // h_t = f(h_{t-1}, x_t); one W shared over time steps
  "one-hot", // characters as one-hot vectors over the vocabulary
  "cross-entropy", // the loss of next-character prediction
  "softmax", // scores to a probability distribution
  "bptt", // backpropagation through time
  "vanishing-gradient", // gradients shrinking over many steps
  "lstm-gates", // forget / input / output gates and the cell state
  "gru", // update and reset gates
  "sampling-temperature", // generating text, temperature
  "overfitting", // train vs validation, dropout
  "cnn-arithmetic", // output sizes, parameter counts, receptive fields
  "autocomplete", // the lecture's '기억 속으로' example
  "training", // learning rate, clipping, batches, epochs
] as const;

export type QuizTag = (typeof QUIZ_TAGS)[number];
export const quizTagSchema = z.enum(QUIZ_TAGS);

export const QUIZ_TAG_LABELS: Record<QuizTag, { ko: string; en: string }> = {
  recurrence: { ko: "순환 구조", en: "Recurrence" },
  "one-hot": { ko: "원-핫 인코딩", en: "One-hot encoding" },
  "cross-entropy": { ko: "교차 엔트로피", en: "Cross-entropy" },
  softmax: { ko: "소프트맥스", en: "Softmax" },
  bptt: { ko: "BPTT", en: "BPTT" },
  "vanishing-gradient": { ko: "기울기 소실", en: "Vanishing gradient" },
  "lstm-gates": { ko: "LSTM 게이트", en: "LSTM gates" },
  gru: { ko: "GRU", en: "GRU" },
  "sampling-temperature": { ko: "샘플링 온도", en: "Sampling temperature" },
  overfitting: { ko: "과적합과 드롭아웃", en: "Overfitting and dropout" },
  "cnn-arithmetic": { ko: "CNN 계산", en: "CNN arithmetic" },
  autocomplete: { ko: "자동완성 예시", en: "Autocomplete example" },
  training: { ko: "학습 설정", en: "Training settings" },
};

/** A tag as people read it: its label in `locale`, or the tag itself when it is not on the list (older data). */
export function tagLabel(tag: string, locale: "ko" | "en"): string {
  return (QUIZ_TAG_LABELS as Record<string, { ko: string; en: string } | undefined>)[tag]?.[locale] ?? tag;
}
