/**
 * The bundled training texts: what the corpus pickers show and what the server can load
 * (server/domain/corpora.ts). Sources and licences: public/corpora/SOURCES.md.
 */
export interface BundledCorpus {
  id: string;
  title: { ko: string; en: string };
  language: "en" | "ko";
  /** File under server/corpora/. */
  file: string;
  /** Attribution the UI shows beside the picker, when the licence asks for one. */
  notice?: { ko: string; en: string };
}

export const KOREAN_NOTICE = {
  ko: "한국어 텍스트: 위키문헌의 퍼블릭 도메인 작품을 KoCoNovel(Kim, Lee & Lee, 2024)이 현대어로 다듬은 판본, CC BY-SA 4.0. RNN 교실이 작품을 고르고 이어 붙였습니다.",
  en: "Korean texts: public-domain works from Korean Wikisource in KoCoNovel's modernised edition (Kim, Lee & Lee, 2024), CC BY-SA 4.0. Selected and joined by RNN Classroom.",
};

export const BUNDLED_CORPORA: readonly BundledCorpus[] = [
  { id: "tinyshakespeare", title: { ko: "셰익스피어 (tiny-shakespeare)", en: "Shakespeare (tiny-shakespeare)" }, language: "en", file: "tinyshakespeare.txt" },
  { id: "nietzsche", title: { ko: "니체 《선악의 저편》", en: "Nietzsche, Beyond Good and Evil" }, language: "en", file: "nietzsche.txt" },
  {
    id: "korean-classics",
    title: { ko: "한국 근대 단편소설 48편", en: "48 Korean short stories (1917–1938)" },
    language: "ko",
    file: "korean-classics.txt",
    notice: KOREAN_NOTICE,
  },
  { id: "alice", title: { ko: "이상한 나라의 앨리스", en: "Alice's Adventures in Wonderland" }, language: "en", file: "alice-in-wonderland.txt" },
];

export function findBundledCorpus(id: string): BundledCorpus | undefined {
  return BUNDLED_CORPORA.find((c) => c.id === id);
}
