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
  "rnn-architectures", // one-to-many, many-to-one, many-to-many, seq2seq, image captioning
  "tensorflow-api", // lecture 05's cells, wrappers and dynamic_rnn
  "text-generation", // lecture 05's char-level exercise: data windows, model size, sampling loop
  "cnn-architectures", // pooling, 1×1 convolutions, LeNet, AlexNet, VGG, GoogLeNet, ResNet
  "word-embedding", // distributional hypothesis, co-occurrence, CBOW/skip-gram, embedding lookup
  "attention", // seq2seq attention and the Transformer
  "ml-basics", // supervised / unsupervised / reinforcement learning, under- and overfitting, deep networks
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
  "rnn-architectures": { ko: "RNN 입출력 구조", en: "RNN input/output structures" },
  "tensorflow-api": { ko: "텐서플로 RNN API", en: "TensorFlow RNN API" },
  "text-generation": { ko: "글자 단위 글 생성 실습", en: "Character-level text generation exercise" },
  "cnn-architectures": { ko: "CNN 구조와 모델", en: "CNN layers and architectures" },
  "word-embedding": { ko: "단어 임베딩", en: "Word embedding" },
  attention: { ko: "어텐션과 트랜스포머", en: "Attention and the Transformer" },
  "ml-basics": { ko: "머신러닝 기초", en: "Machine learning basics" },
};

/** A tag as people read it: its label in `locale`, or the tag itself when it is not on the list (older data). */
export function tagLabel(tag: string, locale: "ko" | "en"): string {
  return (QUIZ_TAG_LABELS as Record<string, { ko: string; en: string } | undefined>)[tag]?.[locale] ?? tag;
}
