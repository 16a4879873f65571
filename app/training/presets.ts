/**
 * Ready-made runs from the lectures (lecture 05 "Text Generation": LSTM 128, windows of 40,
 * batches of 128, Adam 0.01) and smaller ones that show progress within a class period on a
 * school laptop. Korean uses an embedding: one-hot input over ~1,500 syllables is slow.
 */
import { DEFAULT_CONFIG, type CharRNNConfig } from "../../lib/engine/config";

export interface Preset {
  id: string;
  title: { ko: string; en: string };
  corpus: string;
  config: CharRNNConfig;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "quick",
    title: { ko: "빠른 실습 (LSTM 64)", en: "Quick start (LSTM 64)" },
    corpus: "tinyshakespeare",
    config: { ...DEFAULT_CONFIG, hiddenSize: 64, seqLen: 32, batchSize: 32 },
  },
  {
    id: "nietzsche-lecture",
    title: { ko: "강의 그대로: 니체, LSTM 128, 길이 40, 배치 128, Adam 0.01", en: "As in the lecture: Nietzsche, LSTM 128, seq 40, batch 128, Adam 0.01" },
    corpus: "nietzsche",
    config: { ...DEFAULT_CONFIG },
  },
  {
    id: "shakespeare-2layer",
    title: { ko: "셰익스피어, 2층 LSTM", en: "Shakespeare, 2-layer LSTM" },
    corpus: "tinyshakespeare",
    config: { ...DEFAULT_CONFIG, layers: 2, seqLen: 50, batchSize: 64, learningRate: 0.005, dropout: 0.2 },
  },
  {
    id: "korean",
    title: { ko: "한국 근대 소설, LSTM 128 + 임베딩", en: "Korean stories, LSTM 128 + embedding" },
    corpus: "korean-classics",
    config: { ...DEFAULT_CONFIG, embeddingSize: 64, batchSize: 64, learningRate: 0.005 },
  },
];
