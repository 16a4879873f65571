/**
 * The built-in question bank, written from the five lecture decks: 01 (RNN으로 소설쓰기) and 02
 * (손에 잡히는 딥러닝 RNN) share the RNN/LSTM/GRU slides and the '기억 속으로' autocomplete example;
 * 03 (졸지말자 딥러닝) covers machine-learning basics, overfitting, vanishing gradients, CNN and
 * RNN structures and the LSTM as a learned running average; 04 (Tensorflow day 3) covers CNN
 * arithmetic and architectures, RNN structures, BPTT, LSTM/GRU, word embeddings and the
 * Transformer; 05 (텐서플로 RNN) covers CBOW/skip-gram, TensorFlow's RNN cells and the
 * character-level text generation exercise.
 *
 * Every explanation cites the deck and the slide title it comes from. Questions the lectures do
 * not teach (sampling temperature, gradient clipping, truncated BPTT, bits per character, early
 * stopping) carry `beyondLectures: true` instead, so the instructor knows to teach them first.
 * lib/quiz/BANK.md explains the conventions (key positions, distractors, bias counting); the bank
 * test (lib/quiz/builtin.test.ts) checks them and recomputes every numeric answer.
 * Ids are stable: dashboards and instructors' copies refer to them.
 */
import type { QuestionDraftInput } from "./questions";
import type { QuizTag } from "./tags";

export interface BuiltinQuestion {
  id: string;
  question: QuestionDraftInput;
}

type Pair = [ko: string, en: string];
const t = ([ko, en]: Pair) => ({ ko, en });

/** A lecture deck, by its number in the course. */
export type Deck = 1 | 2 | 3 | 4 | 5;
/** Where the lectures teach it: the deck(s) and the slide's title as printed there. */
type Source = [deck: Deck | Deck[], slide: string];
/** Why the answer is right, and either where the lectures teach it or that they do not. */
type Note = { why: Pair; from: Source } | { why: Pair; beyond: true };
interface Extra {
  time?: number;
  multiplier?: number;
}

const deckLabel = (deck: Deck | Deck[]) =>
  [deck]
    .flat()
    .map((d) => `0${d}`)
    .join("·");

/** The explanation shown at the reveal, ending with its lecture citation (or a beyond-the-lectures note). */
function explanation(note: Note) {
  const [ko, en] = note.why;
  if ("beyond" in note) return { ko: `${ko} (강의에는 없는 내용)`, en: `${en} (not in the lectures)` };
  const [deck, slide] = note.from;
  return { ko: `${ko} (강의 ${deckLabel(deck)} 「${slide}」)`, en: `${en} (lecture ${deckLabel(deck)}, “${slide}”)` };
}

const common = (note: Note, x: Extra, defaultTime: number) => ({
  explanation: explanation(note),
  timeLimitSec: x.time ?? defaultTime,
  pointsMultiplier: x.multiplier ?? 1,
  ...("beyond" in note ? { beyondLectures: true } : {}),
});

/** A single-choice question: the right option is written first and stored at position `at`. */
interface Choice {
  right: Pair;
  wrong: [Pair, Pair, Pair];
  at: 0 | 1 | 2 | 3;
}
function single(id: string, tags: QuizTag[], prompt: Pair, choice: Choice, note: Note, x: Extra = {}): BuiltinQuestion {
  const options = [...choice.wrong];
  options.splice(choice.at, 0, choice.right);
  return { id, question: { type: "single", prompt: t(prompt), options: options.map(t), correct: choice.at, tags, ...common(note, x, 30) } };
}
function multiple(id: string, tags: QuizTag[], prompt: Pair, options: Pair[], correct: number[], note: Note, x: Extra = {}): BuiltinQuestion {
  return { id, question: { type: "multiple", prompt: t(prompt), options: options.map(t), correct, tags, ...common(note, x, 40) } };
}
function trueFalse(id: string, tags: QuizTag[], prompt: Pair, correct: boolean, note: Note, x: Extra = {}): BuiltinQuestion {
  return { id, question: { type: "truefalse", prompt: t(prompt), correct, tags, ...common(note, x, 20) } };
}
function numeric(id: string, tags: QuizTag[], prompt: Pair, answer: number, tolerance: number, note: Note, x: Extra = {}): BuiltinQuestion {
  return { id, question: { type: "numeric", prompt: t(prompt), answer, tolerance, tags, ...common(note, x, 45) } };
}
/** A short-text question with every accepted way of writing the answer (Korean and English terms, symbols, quotes). */
function text(id: string, tags: QuizTag[], prompt: Pair, accepted: string[], note: Note, x: Extra = {}): BuiltinQuestion {
  return { id, question: { type: "text", prompt: t(prompt), accepted, tags, ...common(note, x, 30) } };
}
/** An ordering question: items in the correct order (students see them shuffled). */
function ordering(id: string, tags: QuizTag[], prompt: Pair, items: Pair[], note: Note, x: Extra = {}): BuiltinQuestion {
  return { id, question: { type: "ordering", prompt: t(prompt), items: items.map(t), tags, ...common(note, x, 40) } };
}

/** The four RNN input/output structures, as options (lectures 03, 04, 05). */
const STRUCTURES = {
  oneToMany: ["one to many (일대다)", "one to many"] as Pair,
  manyToOne: ["many to one (다대일)", "many to one"] as Pair,
  manyToMany: ["many to many (다대다)", "many to many"] as Pair,
  oneToOne: ["one to one (일대일)", "one to one"] as Pair,
};

export const BUILTIN_QUESTIONS: readonly BuiltinQuestion[] = [
  // ── Recurrence and weight sharing ──
  single(
    "rnn-inputs",
    ["recurrence"],
    ["RNN은 새 은닉 상태 h_t를 무엇으로 계산할까요?", "What does an RNN compute its new hidden state h_t from?"],
    {
      right: ["이전 은닉 상태 h_{t-1}과 현재 입력 x_t", "the last hidden state h_{t-1} and the input x_t"],
      wrong: [
        ["현재 입력 x_t와 다음 입력 x_{t+1}", "the input x_t and the next input x_{t+1}"],
        ["이전 출력 y_{t-1}과 현재 입력 x_t", "the previous output y_{t-1} and the input x_t"],
        ["지금까지의 입력 x_1…x_t를 모두 이어 붙인 것", "all of the inputs x_1…x_t, joined into one"],
      ],
      at: 2,
    },
    {
      why: [
        "h_t = f_W(h_{t-1}, x_t), 예: h_t = tanh(W_hh·h_{t-1} + W_xh·x_t). 과거는 h_{t-1}을 거쳐서만 들어오므로 입력 크기가 늘지 않습니다.",
        "h_t = f_W(h_{t-1}, x_t), e.g. h_t = tanh(W_hh·h_{t-1} + W_xh·x_t). The past reaches step t only through h_{t-1}, so the input size never grows.",
      ],
      from: [[1, 2], "RNN : Computational Graph"],
    },
  ),
  trueFalse(
    "rnn-shared-weights",
    ["recurrence"],
    ["RNN은 타임스텝마다 서로 다른 W_hh, W_xh, W_hy를 학습한다.", "An RNN learns a different W_hh, W_xh and W_hy for each time step."],
    false,
    {
      why: [
        "거짓: f_W는 하나이고 모든 타임스텝에서 같은 W_hh, W_xh, W_hy를 씁니다. 바뀌는 것은 데이터뿐입니다.",
        "False: there is one f_W, and every time step uses the same W_hh, W_xh and W_hy; only the data changes.",
      ],
      from: [[1, 2], "RNN : Computational Graph"],
    },
  ),
  trueFalse(
    "rnn-hidden-summary",
    ["recurrence"],
    [
      "RNN의 은닉 상태 h_t는 x_1부터 x_t까지의 입력을 버무려 요약한 메모리다.",
      "An RNN's hidden state h_t is a memory that blends together the inputs x_1 to x_t.",
    ],
    true,
    {
      why: [
        "참: h_t는 h_{t-1}과 x_t로 계산되므로 지금까지의 모든 입력이 섞여 들어 있습니다. 강의 03은 이를 '잘 버무린 메모리'라고 부릅니다.",
        "True: h_t is computed from h_{t-1} and x_t, so every input so far is mixed into it; lecture 03 calls it a 'well-blended memory'.",
      ],
      from: [3, "Recurrent Neural Network"],
    },
  ),
  trueFalse(
    "seq-length-params",
    ["recurrence", "training"],
    [
      "시퀀스 길이를 40에서 100으로 늘리면 LSTM 층의 파라미터 수도 늘어난다.",
      "Raising the sequence length from 40 to 100 increases the LSTM layer's number of parameters.",
    ],
    false,
    {
      why: [
        "거짓: 모든 타임스텝이 같은 가중치를 다시 쓰므로 파라미터 수는 시퀀스 길이와 무관합니다. 늘어나는 것은 계산량과 역전파 거리입니다.",
        "False: every time step re-uses the same weights, so the parameter count does not depend on the sequence length; computation and the backprop distance grow instead.",
      ],
      from: [4, "RNN: Computational Graph"],
    },
  ),
  single(
    "rnn-any-length",
    ["recurrence"],
    [
      "RNN이 고정된 수의 파라미터로 어떤 길이의 문장이든 처리할 수 있는 이유는?",
      "Why can an RNN process a sequence of any length with a fixed number of parameters?",
    ],
    {
      right: ["모든 타임스텝이 같은 가중치를 다시 쓰므로", "every time step re-uses the same weights"],
      wrong: [
        ["입력 길이에 맞춰 층을 새로 만들므로", "it builds new layers to fit the input length"],
        ["문장을 고정 길이로 잘라 한 번에 넣으므로", "it cuts every sentence to one fixed length"],
        ["은닉 크기가 문장 길이만큼 자라므로", "its hidden size grows with the sentence"],
      ],
      at: 3,
    },
    {
      why: [
        "같은 가중치 행렬을 매 타임스텝 다시 씁니다. 시퀀스 전체를 입력으로 넣지 않고, 과거를 버무린 은닉 상태 h만 다음 스텝에 넘깁니다.",
        "The same weight matrix is re-used at every time step. The sequence is never fed in whole; only the hidden state h, a blend of the past, is passed on.",
      ],
      from: [4, "RNN: Computational Graph"],
    },
  ),
  single(
    "rnn-memory-input",
    ["recurrence"],
    [
      "시퀀스를 배울 때 지난 입력을 전부 한꺼번에 신경망에 넣지 않고 은닉 상태(메모리)를 쓰는 이유는?",
      "Why does an RNN keep a hidden state (memory) instead of feeding the whole past sequence into the network at once?",
    ],
    {
      right: ["입력과 신경망의 크기가 너무 커지므로", "the input and the network would grow too big"],
      wrong: [
        ["지난 입력은 정답과 관계가 없으므로", "past inputs have nothing to do with the target"],
        ["신경망은 한 번에 한 숫자만 받으므로", "a network takes only one number at a time"],
        ["순서를 섞어야 과적합이 줄어들므로", "shuffling the order is what stops overfitting"],
      ],
      at: 1,
    },
    {
      why: [
        "시퀀스를 모두 입력으로 주면 입력 크기(와 신경망 크기)가 너무 커집니다. 입력 크기를 유지하면서 과거를 반영하려고, 지난 입력을 잘 버무린 메모리 h만 넘깁니다.",
        "Feeding the whole sequence makes the input (and the network) too big. To keep the input size and still reflect the past, only a well-blended memory h is passed on.",
      ],
      from: [3, "Recurrent Neural Network"],
    },
  ),
  numeric(
    "rnn-params-3-2-3",
    ["recurrence"],
    [
      "강의의 RNN: 입력 (3,1), 은닉 (2,1), 출력 (3,1). 편향을 빼고 W_xh, W_hh, W_hy의 가중치는 모두 몇 개일까요?",
      "The lecture's RNN: input (3,1), hidden (2,1), output (3,1). Without biases, how many weights do W_xh, W_hh and W_hy hold together?",
    ],
    16,
    0,
    { why: ["W_xh 2×3 = 6, W_hh 2×2 = 4, W_hy 3×2 = 6 → 16", "W_xh 2×3 = 6, W_hh 2×2 = 4, W_hy 3×2 = 6 → 16"], from: [[1, 2], "RNN : Computational Graph"] },
  ),
  multiple(
    "rnn-sequence-data",
    ["recurrence", "rnn-architectures"],
    ["입력이나 출력에 시간 순서가 있어 RNN이 맞는 일을 모두 고르세요.", "Select every task whose input or output has a time order, so an RNN suits it."],
    [
      ["문장의 다음 글자 예측하기", "predicting the next character of a sentence"],
      ["사진 한 장을 고양이/개로 분류하기", "classifying one photo as cat or dog"],
      ["음성 신호를 글자로 받아쓰기", "transcribing a speech signal into text"],
      ["키와 몸무게로 옷 치수 맞히기", "guessing a clothing size from height and weight"],
    ],
    [0, 2],
    {
      why: [
        "입력 또는 출력에 시간 순서가 있으면 RNN입니다. 사진 한 장 분류나 키·몸무게 → 치수는 입력 하나에 출력 하나(one to one)라 보통 신경망으로 충분합니다.",
        "When the input or output has a time order, use an RNN. One photo → one label, or height and weight → a size, is one input to one output (one to one): a plain network is enough.",
      ],
      from: [3, "입력 또는 출력에 시간 순서가 있다면?"],
    },
  ),
  // ── RNN input/output structures ──
  single(
    "rnn-arch-captioning",
    ["rnn-architectures"],
    [
      "사진 한 장을 넣으면 설명 문장을 만들어 내는 이미지 캡셔닝은 어떤 구조일까요?",
      "Image captioning turns one photo into a descriptive sentence. Which structure is it?",
    ],
    { right: STRUCTURES.oneToMany, wrong: [STRUCTURES.manyToOne, STRUCTURES.manyToMany, STRUCTURES.oneToOne], at: 0 },
    {
      why: [
        "입력은 사진 하나, 출력은 시간 순서가 있는 단어들입니다: one to many.",
        "The input is one image; the output is a sequence of words in time order: one to many.",
      ],
      from: [3, "Image Caption Generation"],
    },
  ),
  single(
    "rnn-arch-sentiment",
    ["rnn-architectures"],
    [
      '문장 "I love my mobile phone"을 읽고 긍정/부정 하나를 내는 감정 분류는 어떤 구조일까요?',
      'Sentiment classification reads "I love my mobile phone" and outputs positive or negative. Which structure is it?',
    ],
    { right: STRUCTURES.manyToOne, wrong: [STRUCTURES.oneToMany, STRUCTURES.manyToMany, STRUCTURES.oneToOne], at: 1 },
    {
      why: [
        "단어들이 순서대로 들어가고, 다 읽은 뒤 출력(긍정/부정)이 하나 나옵니다: many to one.",
        "The words go in one after another; after the last one, a single output (positive/negative) comes out: many to one.",
      ],
      from: [3, "Sentiment Classification"],
    },
  ),
  single(
    "rnn-arch-translation",
    ["rnn-architectures"],
    [
      "영어 문장을 독일어 문장으로 옮기는 기계 번역은 어떤 구조일까요?",
      "Machine translation turns an English sentence into a German one. Which structure is it?",
    ],
    { right: STRUCTURES.manyToMany, wrong: [STRUCTURES.oneToMany, STRUCTURES.manyToOne, STRUCTURES.oneToOne], at: 3 },
    {
      why: [
        "입력도 순차적으로 들어가고 출력도 순차적으로 나옵니다: many to many (seq2seq).",
        "The input goes in as a sequence and the output comes out as a sequence: many to many (seq2seq).",
      ],
      from: [3, "Machine Translation"],
    },
  ),
  single(
    "rnn-arch-charrnn",
    ["rnn-architectures", "text-generation"],
    [
      "char-RNN 학습처럼 글자가 들어갈 때마다 그 자리에서 다음 글자를 예측해 내는 구조는?",
      "Which structure outputs a next-character prediction at every step, one per input character, as char-RNN training does?",
    ],
    { right: STRUCTURES.manyToMany, wrong: [STRUCTURES.oneToMany, STRUCTURES.manyToOne, STRUCTURES.oneToOne], at: 2 },
    {
      why: [
        "매 타임스텝 입력 x_t가 들어가고 매 타임스텝 출력 y_t가 나옵니다: 입력과 출력이 같은 길이인 many to many.",
        "Every time step takes an input x_t and gives an output y_t: many to many, with inputs and outputs of the same length.",
      ],
      from: [4, "RNN: Computational Graph: Many to Many"],
    },
  ),
  single(
    "rnn-arch-seq2seq",
    ["rnn-architectures"],
    ["Sequence to Sequence(seq2seq) 모델은 어떤 두 구조를 이어 붙인 것일까요?", "A sequence-to-sequence (seq2seq) model joins which two structures?"],
    {
      right: ["many to one 인코더 + one to many 디코더", "a many-to-one encoder + a one-to-many decoder"],
      wrong: [
        ["one to many 인코더 + many to one 디코더", "a one-to-many encoder + a many-to-one decoder"],
        ["many to many 층 두 개를 나란히 놓은 것", "two many-to-many layers side by side"],
        ["one to one 신경망 여러 개를 쌓은 것", "a stack of several one-to-one networks"],
      ],
      at: 1,
    },
    {
      why: [
        "Many to one: 입력 시퀀스를 벡터 하나로 인코딩하고, One to many: 그 벡터 하나에서 출력 시퀀스를 만듭니다 (Sutskever 외, 2014).",
        "Many to one: encode the input sequence in a single vector; one to many: produce the output sequence from that single vector (Sutskever et al., 2014).",
      ],
      from: [[4, 5], "Sequence to Sequence: Many-to-one + one-to-many"],
    },
    { time: 40 },
  ),
  single(
    "caption-end-token",
    ["rnn-architectures", "cnn-architectures"],
    ["이미지 캡셔닝 모델은 문장 생성을 언제 멈출까요?", "When does an image-captioning model stop generating its sentence?"],
    {
      right: ["<END> 토큰을 샘플링했을 때", "when it samples the <END> token"],
      wrong: [
        ["CNN이 이미지를 다 훑었을 때", "when the CNN has scanned the image"],
        ["단어 수가 픽셀 수에 닿았을 때", "when the words reach the pixel count"],
        ["은닉 상태가 0이 되었을 때", "when the hidden state reaches zero"],
      ],
      at: 3,
    },
    {
      why: [
        "RNN이 한 단어씩 샘플링하다가 문장 끝을 뜻하는 <END> 토큰이 나오면 끝냅니다.",
        "The RNN samples one word at a time and finishes when it samples the <END> token, which marks the end of a sentence.",
      ],
      from: [2, "Image Captioning"],
    },
  ),
  trueFalse(
    "caption-cnn-rnn",
    ["rnn-architectures", "cnn-architectures"],
    [
      "이미지 캡셔닝에서는 CNN(예: VGG에서 마지막 FC-1000을 뗀 것)이 사진을 벡터로 만들고, RNN이 그 벡터에서 단어를 하나씩 만든다.",
      "In image captioning, a CNN (e.g. VGG without its last FC-1000) turns the photo into a vector, and an RNN generates words from that vector one at a time.",
    ],
    true,
    {
      why: [
        "참: 슬라이드의 그림이 conv-64 … FC-4096까지의 CNN 뒤에 RNN을 붙입니다. CNN이 '보고', RNN이 '말합니다'.",
        "True: the slide's diagram puts an RNN after a CNN running conv-64 … FC-4096. The CNN 'looks', the RNN 'speaks'.",
      ],
      from: [2, "Image Captioning"],
    },
  ),
  // ── One-hot ──
  numeric(
    "onehot-length",
    ["one-hot", "autocomplete"],
    [
      "글자 보관함이 [' ', '기', '억', '속', '으', '로']일 때 원-핫 벡터의 길이는?",
      "With the vocabulary [' ', '기', '억', '속', '으', '로'], how long is a one-hot vector?",
    ],
    6,
    0,
    { why: ["원-핫 벡터의 길이는 글자 보관함(어휘)의 크기, 6입니다.", "A one-hot vector is as long as the vocabulary: 6."], from: [[1, 2], "자동완성 예시"] },
    { time: 20 },
  ),
  single(
    "onehot-eok",
    ["one-hot", "autocomplete"],
    [
      "글자 보관함 [' ', '기', '억', '속', '으', '로']에서 '억'의 원-핫 벡터는?",
      "In the vocabulary [' ', '기', '억', '속', '으', '로'], which is the one-hot vector of '억'?",
    ],
    {
      right: ["0 0 1 0 0 0", "0 0 1 0 0 0"],
      wrong: [
        ["0 1 0 0 0 0", "0 1 0 0 0 0"],
        ["0 0 0 1 0 0", "0 0 0 1 0 0"],
        ["0 0 0 0 0 1", "0 0 0 0 0 1"],
      ],
      at: 1,
    },
    {
      why: [
        "보관함은 공백 ' '으로 시작하므로 '억'은 세 번째(인덱스 2) 글자입니다.",
        "The vocabulary starts with the space ' ', so '억' is the third character (index 2).",
      ],
      from: [[1, 2], "자동완성 예시"],
    },
  ),
  trueFalse(
    "onehot-single-one",
    ["one-hot"],
    ["원-핫 벡터는 정확히 한 자리만 1이고 나머지는 모두 0이다.", "A one-hot vector has exactly one entry equal to 1 and all others 0."],
    true,
    { why: ["참: 글자의 인덱스 자리만 1입니다.", "True: only the entry at the character's index is 1."], from: [[1, 2], "자동완성 예시"] },
  ),
  trueFalse(
    "onehot-length-sentence",
    ["one-hot"],
    ["원-핫 벡터의 길이는 학습하는 문장의 길이(글자 수)와 같다.", "A one-hot vector is as long as the training sentence (its number of characters)."],
    false,
    {
      why: [
        "거짓: 길이는 글자 보관함(어휘)의 크기입니다. '기억 속으로'는 6글자이고 보관함도 6글자라 헷갈리기 쉽지만, 강의 05의 니체 텍스트는 수십만 글자에 어휘는 59개입니다.",
        "False: its length is the vocabulary size. '기억 속으로' has 6 characters and a 6-character vocabulary, which invites the mix-up; lecture 05's Nietzsche text has hundreds of thousands of characters and a vocabulary of 59.",
      ],
      from: [[1, 2], "자동완성 예시"],
    },
  ),
  numeric(
    "onehot-dot",
    ["one-hot", "word-embedding"],
    ["서로 다른 두 글자의 원-핫 벡터를 내적하면 얼마일까요?", "What is the dot product of the one-hot vectors of two different characters?"],
    0,
    0,
    {
      why: [
        "1이 서로 다른 자리에 있어 모든 곱이 0입니다. 원-핫은 단어끼리의 비슷함을 담지 못하므로 단어 임베딩을 씁니다.",
        "The 1s sit in different places, so every product is 0. One-hot vectors carry no similarity between words; that is why word embeddings are used.",
      ],
      from: [4, "NLP - Word2Vec"],
    },
    { time: 20 },
  ),
  // ── Softmax and cross-entropy ──
  single(
    "ce-which-loss",
    ["cross-entropy"],
    [
      "강의에서 소프트맥스 출력 ŷ_t와 원-핫 정답 y_t로 계산하는 타임스텝 t의 손실 E_t는?",
      "In the lectures, which loss E_t is computed at step t from the softmax output ŷ_t and the one-hot target y_t?",
    ],
    {
      right: ["−y_t · log ŷ_t (교차 엔트로피)", "−y_t · log ŷ_t (cross-entropy)"],
      wrong: [
        ["(y_t − ŷ_t)² (제곱 오차)", "(y_t − ŷ_t)² (squared error)"],
        ["|y_t − ŷ_t| (절대 오차)", "|y_t − ŷ_t| (absolute error)"],
        ["max(0, 1 − y_t · ŷ_t) (힌지 손실)", "max(0, 1 − y_t · ŷ_t) (hinge loss)"],
      ],
      at: 0,
    },
    {
      why: [
        "E_t = −y_t·log ŷ_t, 전체 손실은 E = Σ_t E_t. 다른 손실로도 분류기를 학습할 수는 있지만 강의의 RNN은 교차 엔트로피, 곧 정답 글자 확률의 −log를 씁니다.",
        "E_t = −y_t·log ŷ_t and the total is E = Σ_t E_t. Other losses can train a classifier too, but the lectures' RNN uses cross-entropy: −log of the probability given to the right character.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  numeric(
    "ce-bits-quarter",
    ["cross-entropy"],
    [
      "모델이 정답 글자에 확률 0.25를 주었습니다. 교차 엔트로피 손실은 몇 비트일까요? (log₂)",
      "The model gives the correct next character probability 0.25. What is the cross-entropy loss in bits (log₂)?",
    ],
    2,
    0.01,
    {
      why: [
        "−log₂ 0.25 = 2. 강의는 자연로그를 쓰고, 비트(log₂)는 이 앱의 리더보드 단위입니다.",
        "−log₂ 0.25 = 2. The lectures use the natural log; bits (log₂) are this app's leaderboard unit.",
      ],
      beyond: true,
    },
  ),
  numeric(
    "ce-uniform-64",
    ["cross-entropy"],
    [
      "글자 64개에 모두 같은 확률을 주는 모델의 글자당 손실은 몇 비트일까요?",
      "A model that gives all 64 characters the same probability: what is its loss in bits per character?",
    ],
    6,
    0.01,
    {
      why: ["−log₂(1/64) = log₂ 64 = 6. 아무것도 배우지 못한 모델의 출발점입니다.", "−log₂(1/64) = log₂ 64 = 6: where a model that has learnt nothing starts."],
      beyond: true,
    },
  ),
  numeric(
    "bpc-from-nats",
    ["cross-entropy", "training"],
    [
      "학습 화면의 손실(자연로그, nat)이 글자당 1.386입니다. 글자당 비트(bits per character)로는 얼마일까요? (소수 둘째 자리까지)",
      "The training loss (natural log, nats) is 1.386 per character. What is it in bits per character (two decimals)?",
    ],
    2,
    0.01,
    {
      why: [
        "비트 = nat / ln 2 = 1.386 / 0.693 ≈ 2.00. 리더보드는 bits per character로 순위를 매깁니다.",
        "bits = nats / ln 2 = 1.386 / 0.693 ≈ 2.00. The leaderboard ranks by bits per character.",
      ],
      beyond: true,
    },
  ),
  trueFalse(
    "ce-perfect",
    ["cross-entropy"],
    ["정답 글자에 확률 1을 주면 교차 엔트로피 손실은 0이다.", "If the model gives the correct character probability 1, the cross-entropy loss is 0."],
    true,
    { why: ["참: −1·log 1 = 0.", "True: −1·log 1 = 0."], from: [4, "RNNs - Backpropagation Through Time"] },
  ),
  single(
    "softmax-what",
    ["softmax"],
    ["소프트맥스는 점수(logit)를 무엇으로 바꿀까요?", "What does softmax turn scores (logits) into?"],
    {
      right: ["합이 1인 확률 분포", "probabilities summing to 1"],
      wrong: [
        ["가장 큰 점수만 1인 원-핫", "a one-hot of the top score"],
        ["음수를 0으로 자른 점수", "the scores with negatives set to 0"],
        ["합이 0이 되게 평균을 뺀 점수", "the scores minus their mean"],
      ],
      at: 2,
    },
    {
      why: [
        "ŷ_t = softmax(V·h_t): e^{z_i} / Σ_j e^{z_j}. 모두 양수이고 합이 1입니다. 가장 큰 점수만 1로 만드는 것은 argmax입니다.",
        "ŷ_t = softmax(V·h_t): e^{z_i} / Σ_j e^{z_j}, all positive and summing to 1. Setting only the top score to 1 is argmax.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  numeric(
    "softmax-equal-4",
    ["softmax"],
    ["점수 [2, 2, 2, 2]에 소프트맥스를 적용하면 각 확률은? (소수로)", "Softmax of the scores [2, 2, 2, 2]: what is each probability (as a decimal)?"],
    0.25,
    0.001,
    {
      why: ["점수가 모두 같으면 e²/(4·e²) = 1/4 = 0.25: 점수 크기와 상관없습니다.", "Equal scores give e²/(4·e²) = 1/4 = 0.25, whatever the score."],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  multiple(
    "softmax-properties",
    ["softmax"],
    ["소프트맥스 출력에 대해 옳은 것을 모두 고르세요.", "Select everything that is true of a softmax output."],
    [
      ["점수를 두 배로 하면 확률도 두 배가 된다", "doubling the scores doubles the probabilities"],
      ["모든 점수에 같은 수를 더해도 결과가 같다", "adding one number to every score changes nothing"],
      ["가장 작은 점수의 확률은 정확히 0이 된다", "the smallest score gets probability exactly 0"],
      ["모든 값이 0보다 크고 합이 1이다", "every entry is positive and they sum to 1"],
    ],
    [1, 3],
    {
      why: [
        "e^{z+c} = e^c·e^z라서 같은 수를 더하면 약분됩니다. 점수를 두 배로 하면 분포가 뾰족해질 뿐(온도 0.5와 같음) 확률이 두 배가 되지 않고, e^z > 0이라 0인 확률은 없습니다.",
        "e^{z+c} = e^c·e^z, so a common shift cancels. Doubling the scores sharpens the distribution (like temperature 0.5) rather than doubling it, and e^z > 0, so no probability is exactly 0.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  single(
    "ce-softmax-gradient",
    ["softmax", "cross-entropy", "bptt"],
    [
      "소프트맥스 + 교차 엔트로피에서 점수 z_t = V·h_t에 대한 손실의 기울기 ∂E_t/∂z_t는?",
      "With softmax and cross-entropy, what is the loss gradient with respect to the scores z_t = V·h_t, ∂E_t/∂z_t?",
    ],
    {
      right: ["ŷ_t − y_t", "ŷ_t − y_t"],
      wrong: [
        ["y_t / ŷ_t", "y_t / ŷ_t"],
        ["−log ŷ_t", "−log ŷ_t"],
        ["ŷ_t(1 − ŷ_t)", "ŷ_t(1 − ŷ_t)"],
      ],
      at: 3,
    },
    {
      why: [
        "강의의 유도: ∂E₃/∂V = (ŷ₃ − y₃) ⊗ h₃. 예측 확률에서 원-핫 정답을 뺀 것이 점수의 기울기입니다.",
        "The lecture's derivation: ∂E₃/∂V = (ŷ₃ − y₃) ⊗ h₃. The score gradient is the predicted distribution minus the one-hot target.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  numeric(
    "ce-gradient-value",
    ["softmax", "cross-entropy"],
    [
      "소프트맥스 출력 ŷ = [0.7, 0.2, 0.1], 정답은 두 번째 글자(y = [0, 1, 0])입니다. 두 번째 점수 z₂에 대한 기울기 ∂E/∂z₂는?",
      "The softmax output is ŷ = [0.7, 0.2, 0.1] and the right answer is the second character (y = [0, 1, 0]). What is the gradient ∂E/∂z₂ of the second score?",
    ],
    -0.8,
    0.01,
    {
      why: [
        "ŷ₂ − y₂ = 0.2 − 1 = −0.8. 음수이므로 경사 하강은 정답 글자의 점수를 올립니다.",
        "ŷ₂ − y₂ = 0.2 − 1 = −0.8. It is negative, so gradient descent raises the right character's score.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  // ── BPTT ──
  ordering(
    "bptt-steps",
    ["bptt"],
    ["한 번의 BPTT(시간에 따른 역전파) 학습 단계를 순서대로 놓으세요.", "Put one training step of backpropagation through time (BPTT) in order."],
    [
      [
        "펼친 네트워크를 시퀀스 끝까지 앞으로 계산하며 모든 h_t와 ŷ_t를 저장한다",
        "run the unrolled network forward to the end of the sequence, keeping every h_t and ŷ_t",
      ],
      ["각 스텝의 손실을 더해 전체 손실 E = Σ_t E_t를 구한다", "add up the per-step losses into the total loss E = Σ_t E_t"],
      [
        "마지막 스텝부터 첫 스텝까지 h_{t-1}을 따라 거꾸로 가며 공유 가중치의 기울기를 쌓는다",
        "go backwards from the last step to the first through h_{t-1}, accumulating the shared weights' gradients",
      ],
      ["쌓인 기울기로 공유 가중치를 한 번 갱신한다", "update the shared weights once with the accumulated gradients"],
    ],
    {
      why: [
        "앞 단계가 끝나야 다음 단계를 할 수 있습니다: 손실에는 모든 ŷ_t가, 역전파에는 손실이, 갱신에는 첫 스텝까지 쌓인 기울기가 필요합니다.",
        "Each phase needs the previous one finished: the loss needs every ŷ_t, backprop needs the loss, and the update needs the gradients accumulated down to the first step.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  single(
    "bptt-shared-gradient",
    ["bptt", "recurrence"],
    ["BPTT에서 공유 가중치 W_hh의 기울기는?", "In BPTT, what is the gradient of the shared weight W_hh?"],
    {
      right: ["모든 타임스텝에서 구한 기울기의 합", "the sum of its gradients at every time step"],
      wrong: [
        ["마지막 타임스텝에서 구한 기울기만", "only the gradient from the last time step"],
        ["첫 타임스텝에서 구한 기울기만", "only the gradient from the first time step"],
        ["스텝마다 따로 구해 따로 갱신한 값", "a separate gradient and update for each step"],
      ],
      at: 0,
    },
    {
      why: [
        "∂E₃/∂W = Σ_{k=0}^{3} (∂E₃/∂ŷ₃)(∂ŷ₃/∂h₃)(∂h₃/∂h_k)(∂h_k/∂W): W는 모든 스텝에서 쓰였으므로 모든 스텝의 기여를 더합니다.",
        "∂E₃/∂W = Σ_{k=0}^{3} (∂E₃/∂ŷ₃)(∂ŷ₃/∂h₃)(∂h₃/∂h_k)(∂h_k/∂W): W is used at every step, so every step's contribution is added.",
      ],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  trueFalse(
    "bptt-loss-sum",
    ["bptt", "cross-entropy"],
    ["RNN의 전체 손실은 각 타임스텝 손실의 곱 E = Π_t E_t이다.", "An RNN's total loss is the product of the per-step losses, E = Π_t E_t."],
    false,
    {
      why: ["거짓: 전체 손실은 합 E = Σ_t E_t = −Σ_t y_t·log ŷ_t입니다.", "False: the total loss is the sum E = Σ_t E_t = −Σ_t y_t·log ŷ_t."],
      from: [4, "RNNs - Backpropagation Through Time"],
    },
  ),
  trueFalse(
    "bptt-truncated",
    ["bptt", "training"],
    [
      "잘린 BPTT(truncated BPTT)는 최근 몇 스텝(시퀀스 길이)까지만 역전파한다.",
      "Truncated BPTT backpropagates through only a limited number of recent steps (the sequence length).",
    ],
    true,
    {
      why: [
        "참: 긴 텍스트를 시퀀스 길이(예: 40)씩 잘라 그 안에서만 역전파합니다. 메모리와 시간을 일정하게 묶어 두는 대신, 그보다 먼 의존성은 직접 배우지 못합니다.",
        "True: a long text is cut into windows of the sequence length (e.g. 40) and backprop stays inside each. It bounds memory and time, but dependencies further back are not learnt directly.",
      ],
      beyond: true,
    },
  ),
  single(
    "bptt-clipping",
    ["bptt", "training"],
    ["기울기 클리핑(gradient clipping)은 무엇을 막기 위한 것일까요?", "What does gradient clipping protect against?"],
    {
      right: ["기울기 폭주", "exploding gradients"],
      wrong: [
        ["기울기 소실", "vanishing gradients"],
        ["과적합", "overfitting"],
        ["학습률 감소", "learning-rate decay"],
      ],
      at: 2,
    },
    {
      why: [
        "기울기의 크기(노름)가 한계를 넘으면 줄여서 한 번의 큰 기울기가 가중치를 날려 버리지 않게 합니다. 작아지는 기울기(소실)는 키워 주지 못합니다.",
        "When the gradient's norm exceeds a limit it is scaled down, so one huge gradient cannot wreck the weights. It cannot enlarge shrinking (vanishing) gradients.",
      ],
      beyond: true,
    },
  ),
  numeric(
    "clip-norm",
    ["bptt", "training"],
    [
      "기울기 g = [6, 8]을 최대 노름 5로 클리핑합니다(g ← g · 5 / ‖g‖). 클리핑 후 첫 번째 성분은?",
      "The gradient g = [6, 8] is clipped to a maximum norm of 5 (g ← g · 5 / ‖g‖). What is its first component after clipping?",
    ],
    3,
    0.001,
    {
      why: [
        "‖g‖ = √(36 + 64) = 10 > 5이므로 g · 5/10 = [3, 4]. 방향은 그대로, 길이만 5가 됩니다.",
        "‖g‖ = √(36 + 64) = 10 > 5, so g · 5/10 = [3, 4]: same direction, length 5.",
      ],
      beyond: true,
    },
  ),
  single(
    "bptt-seq-length",
    ["bptt", "training"],
    [
      "char-RNN 학습의 '시퀀스 길이'(강의 05 실습과 이 앱의 기본값: 40)는 무엇을 뜻할까요?",
      "What does the 'sequence length' of char-RNN training (40 in lecture 05's exercise and in this app) mean?",
    ],
    {
      right: ["BPTT로 펼치는 타임스텝의 수", "how many time steps BPTT unrolls"],
      wrong: [
        ["LSTM 층 하나의 은닉 유닛 수", "the number of hidden units in one layer"],
        ["한 배치에 함께 넣는 문장의 수", "the number of sequences in one batch"],
        ["학습 데이터를 몇 번 반복해 볼지", "how many times to go over the whole text"],
      ],
      at: 1,
    },
    {
      why: [
        "40글자를 입력으로 펼쳐 놓고 그 안에서 역전파합니다. 은닉 유닛 128과 배치 128은 따로 정하는 값입니다.",
        "40 characters are unrolled as input and backprop runs inside them. The 128 hidden units and the batch of 128 are separate settings.",
      ],
      from: [5, "Text Generation (2/5)"],
    },
  ),
  // ── Vanishing and exploding gradients ──
  single(
    "vg-why",
    ["vanishing-gradient"],
    ["기본 RNN이 먼 과거의 정보를 잘 배우지 못하는 이유는?", "Why does a vanilla RNN struggle to learn long-range dependencies?"],
    {
      right: ["스텝마다 W_hh·tanh′가 곱해져 줄어서", "each step back multiplies in W_hh and tanh′"],
      wrong: [
        ["타임스텝마다 가중치가 달라 서로 섞여 버려서", "its weights differ per step and blur together"],
        ["소프트맥스가 먼 과거의 확률을 0으로 지워서", "softmax erases the far past's probabilities"],
        ["원-핫 벡터가 너무 길어 기울기가 흩어져서", "long one-hot vectors spread the gradient thin"],
      ],
      at: 2,
    },
    {
      why: [
        "h_0의 기울기를 구하려면 W와 tanh′가 여러 번 곱해집니다. 그 크기가 1보다 작으면 지수적으로 작아집니다(기울기 소실).",
        "The gradient of h_0 involves many factors of W and repeated tanh′; when they are smaller than 1 it shrinks exponentially (vanishing gradient).",
      ],
      from: [[1, 2], "Vanilla RNN Gradient Flow"],
    },
  ),
  trueFalse(
    "vanilla-grad-factors",
    ["vanishing-gradient"],
    [
      "기본 RNN에서 h_0에 대한 기울기를 구하면 W와 tanh′가 타임스텝 수만큼 거듭 곱해진다.",
      "In a vanilla RNN, the gradient with respect to h_0 multiplies in W and tanh′ once per time step.",
    ],
    true,
    {
      why: [
        '참: "Computing gradient of h_0 involves many factors of W (and repeated tanh)".',
        'True: "Computing gradient of h_0 involves many factors of W (and repeated tanh)".',
      ],
      from: [[1, 2], "Vanilla RNN Gradient Flow"],
    },
  ),
  single(
    "exploding-gradient",
    ["vanishing-gradient", "bptt"],
    [
      "역전파 때 스텝마다 곱해지는 값(W_hh와 tanh′의 곱)의 크기가 계속 1보다 크면, 먼 과거로 갈수록 기울기는?",
      "If the factor backprop multiplies in at each step (W_hh times tanh′) stays larger than 1 in size, what happens to the gradient further back?",
    ],
    {
      right: ["지수적으로 커진다 (폭주)", "it grows exponentially (explodes)"],
      wrong: [
        ["지수적으로 작아진다 (소실)", "it shrinks exponentially (vanishes)"],
        ["스텝과 상관없이 일정하다", "it stays the same at every step"],
        ["스텝 수에 비례해 커진다", "it grows in proportion to the steps"],
      ],
      at: 0,
    },
    {
      why: [
        "1보다 큰 수를 거듭 곱하면 지수적으로 커집니다(Pascanu 외, 2013). 1보다 작으면 소실됩니다. 폭주는 보통 클리핑으로, 소실은 LSTM/GRU로 다룹니다.",
        "Repeated factors above 1 grow exponentially (Pascanu et al., 2013); below 1 they vanish. Exploding is usually handled by clipping, vanishing by LSTM/GRU.",
      ],
      from: [[1, 2], "Vanilla RNN Gradient Flow"],
    },
  ),
  numeric(
    "vg-half-10",
    ["vanishing-gradient"],
    [
      "기울기가 과거로 한 스텝 갈 때마다 0.5가 곱해집니다. 10스텝 뒤에는 처음의 몇 배가 남을까요? (소수로)",
      "A gradient is multiplied by 0.5 at each step back in time. What fraction remains after 10 steps (as a decimal)?",
    ],
    0.0009765625,
    0.0001,
    {
      why: [
        "0.5¹⁰ = 1/1024 ≈ 0.001. 강의의 예: 0.5가 4개 층만 지나도 1/16.",
        "0.5¹⁰ = 1/1024 ≈ 0.001. The lecture's example: through only 4 layers, 0.5 becomes 1/16.",
      ],
      from: [3, "Vanishing Gradient"],
    },
  ),
  trueFalse(
    "vg-sigmoid-derivative",
    ["vanishing-gradient"],
    ["시그모이드 함수의 미분값은 x = 0에서 최댓값 1이 된다.", "The sigmoid's derivative reaches its maximum of 1 at x = 0."],
    false,
    {
      why: [
        "거짓: σ'(x) = σ(x)(1 − σ(x))의 최댓값은 x = 0에서 0.25입니다. 곱할수록 작아지는 이유입니다.",
        "False: σ'(x) = σ(x)(1 − σ(x)) peaks at 0.25, at x = 0; that is why repeated factors shrink.",
      ],
      from: [3, "Vanishing Gradient"],
    },
  ),
  single(
    "vg-relu",
    ["vanishing-gradient"],
    [
      "깊은 신경망에서 기울기 소실을 줄이려고 널리 쓰게 된 활성화 함수는?",
      "Which activation function became the usual way to reduce vanishing gradients in deep networks?",
    ],
    {
      right: ["ReLU", "ReLU"],
      wrong: [
        ["시그모이드", "sigmoid"],
        ["tanh", "tanh"],
        ["계단 함수", "step function"],
      ],
      at: 3,
    },
    {
      why: [
        "ReLU는 양수 구간에서 미분값이 1이고 출력에 상한이 없어, 층을 지나도 기울기가 줄지 않습니다.",
        "ReLU's derivative is 1 for positive inputs and its output has no upper bound, so gradients do not shrink layer after layer.",
      ],
      from: [3, "ReLU의 등장"],
    },
  ),
  // ── LSTM ──
  single(
    "lstm-forget",
    ["lstm-gates"],
    ["LSTM에서 셀 상태의 무엇을 지울지 정하는 게이트는?", "Which LSTM gate decides what to erase from the cell state?"],
    {
      right: ["망각(forget) 게이트 f", "the forget gate f"],
      wrong: [
        ["입력(input) 게이트 i", "the input gate i"],
        ["출력(output) 게이트 o", "the output gate o"],
        ["리셋(reset) 게이트 r", "the reset gate r"],
      ],
      at: 1,
    },
    {
      why: [
        "C_t = f_t * C_{t-1} + i_t * C̃_t: f_t가 0에 가까운 칸은 이전 기억을 지웁니다. 리셋 게이트는 GRU의 것입니다.",
        "C_t = f_t * C_{t-1} + i_t * C̃_t: where f_t is near 0 the old memory is erased. The reset gate belongs to the GRU.",
      ],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
  ),
  single(
    "lstm-input-gate",
    ["lstm-gates"],
    [
      "LSTM에서 새 후보 값 C̃_t(g) 중 얼마만큼을 셀 상태에 더할지 정하는 게이트는?",
      "Which LSTM gate decides how much of the new candidate C̃_t (g) is added to the cell state?",
    ],
    {
      right: ["입력(input) 게이트 i", "the input gate i"],
      wrong: [
        ["망각(forget) 게이트 f", "the forget gate f"],
        ["출력(output) 게이트 o", "the output gate o"],
        ["업데이트(update) 게이트 z", "the update gate z"],
      ],
      at: 2,
    },
    {
      why: [
        "i_t = σ(W_i·[h_{t-1}, x_t] + b_i)가 C̃_t에 곱해져 셀 상태에 더해집니다: C_t = f_t * C_{t-1} + i_t * C̃_t.",
        "i_t = σ(W_i·[h_{t-1}, x_t] + b_i) multiplies C̃_t before it is added: C_t = f_t * C_{t-1} + i_t * C̃_t.",
      ],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
  ),
  single(
    "lstm-output",
    ["lstm-gates"],
    ["셀 상태 중 얼마만큼을 은닉 상태 h_t로 내보낼지 정하는 게이트는?", "Which gate decides how much of the cell state becomes the hidden state h_t?"],
    {
      right: ["출력(output) 게이트 o", "the output gate o"],
      wrong: [
        ["망각(forget) 게이트 f", "the forget gate f"],
        ["입력(input) 게이트 i", "the input gate i"],
        ["업데이트(update) 게이트 z", "the update gate z"],
      ],
      at: 3,
    },
    {
      why: [
        "h_t = o_t * tanh(C_t): 메모리에서 꺼낼 때 출력 게이트를 한 번 더 거칩니다.",
        "h_t = o_t * tanh(C_t): reading out of the memory passes through the output gate once more.",
      ],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
  ),
  single(
    "lstm-h-output",
    ["lstm-gates"],
    ["LSTM의 은닉 상태 h_t는 어떻게 계산할까요?", "How does an LSTM compute its hidden state h_t?"],
    {
      right: ["h_t = o ⊙ tanh(c_t)", "h_t = o ⊙ tanh(c_t)"],
      wrong: [
        ["h_t = f ⊙ tanh(c_t)", "h_t = f ⊙ tanh(c_t)"],
        ["h_t = o ⊙ c_{t-1}", "h_t = o ⊙ c_{t-1}"],
        ["h_t = i ⊙ tanh(g)", "h_t = i ⊙ tanh(g)"],
      ],
      at: 0,
    },
    {
      why: [
        "새 셀 상태 c_t를 tanh로 −1~1에 넣고 출력 게이트 o로 얼마나 내보낼지 정합니다.",
        "The new cell state c_t is squashed by tanh into −1..1 and the output gate o decides how much goes out.",
      ],
      from: [[1, 2], "Long Short Term Memory (LSTM)"],
    },
  ),
  single(
    "lstm-additive",
    ["lstm-gates", "vanishing-gradient"],
    ["LSTM의 셀 상태가 기울기 소실을 줄이는 이유는?", "Why does the LSTM's cell state ease vanishing gradients?"],
    {
      right: ["c_t→c_{t-1} 역전파가 f와의 원소별 곱뿐이라서", "c_t→c_{t-1} backprop only multiplies by f, elementwise"],
      wrong: [
        ["셀 상태에는 tanh 대신 ReLU를 써서 기울기가 1이라서", "the cell state uses ReLU instead of tanh, so slopes are 1"],
        ["게이트가 모든 기울기를 항상 1로 고정하기 때문에", "its gates pin every gradient to exactly 1 at each step"],
        ["셀 상태는 역전파 계산에서 아예 빠지기 때문에", "the cell state is left out of backprop entirely"],
      ],
      at: 1,
    },
    {
      why: [
        "c_t = f⊙c_{t-1} + i⊙g는 덧셈이라 c_t에서 c_{t-1}로 가는 기울기는 f와의 원소별 곱뿐, W와의 행렬곱이 없습니다: 끊기지 않는 기울기 흐름.",
        "c_t = f⊙c_{t-1} + i⊙g is a sum, so the gradient from c_t to c_{t-1} is only an elementwise product with f, with no matrix multiply by W: uninterrupted gradient flow.",
      ],
      from: [4, "LSTM Gradient Flow"],
    },
  ),
  single(
    "lstm-why-sigmoid",
    ["lstm-gates"],
    ["입력 게이트와 망각 게이트에는 왜 (기울기가 작은) 시그모이드를 쓸까요?", "Why do the input and forget gates use the sigmoid, despite its small gradient?"],
    {
      right: ["0~1 값이 '통과시킬 비율'이 되어서", "its 0..1 output works as a pass-through share"],
      wrong: [
        ["미분값이 커서 기울기 소실을 막아 주어서", "its large derivative prevents vanishing gradients"],
        ["음수를 내보내 기억을 뺄 수 있어서", "it can output negatives to subtract memory"],
        ["ReLU보다 계산이 빨라 학습이 빨라서", "it is cheaper to compute than ReLU or tanh"],
      ],
      at: 3,
    },
    {
      why: [
        "게이트는 '얼마만큼 잊고 얼마만큼 받아들일지'를 0(막음)~1(통과) 비율로 정해 곱합니다. 시그모이드의 미분은 최대 0.25로 오히려 작습니다.",
        "A gate multiplies by a fraction from 0 (closed) to 1 (open): how much to forget, how much to let in. The sigmoid's derivative is small (at most 0.25), not large.",
      ],
      from: [3, "Input Gate와 Forget Gate"],
    },
  ),
  numeric(
    "lstm-running-average",
    ["lstm-gates"],
    [
      "강의 03의 평균 구하기: c_N = α·c_{N−1} + (1 − α)·x_N, α = (N − 1)/N. N = 4일 때 α는? (소수로)",
      "Lecture 03's running average: c_N = α·c_{N−1} + (1 − α)·x_N with α = (N − 1)/N. What is α for N = 4 (as a decimal)?",
    ],
    0.75,
    0.001,
    {
      why: [
        "α = 3/4 = 0.75: 이전 평균은 0.75만큼 남기고 새 값은 0.25만큼 받아들입니다. LSTM은 이 두 비율을 고정하지 않고 망각 게이트 f와 입력 게이트 i로 학습합니다.",
        "α = 3/4 = 0.75: keep 0.75 of the old average and take in 0.25 of the new value. The LSTM learns these two fractions as its forget gate f and input gate i.",
      ],
      from: [3, "평균을 구하는 또 다른 방법"],
    },
  ),
  ordering(
    "lstm-step-order",
    ["lstm-gates"],
    ["LSTM 한 타임스텝의 계산을 순서대로 놓으세요.", "Put the computations of one LSTM time step in order."],
    [
      ["[h_{t-1}, x_t]로 게이트 i, f, o와 후보 g를 계산한다", "compute the gates i, f, o and the candidate g from [h_{t-1}, x_t]"],
      ["셀 상태를 갱신한다: c_t = f⊙c_{t-1} + i⊙g", "update the cell state: c_t = f⊙c_{t-1} + i⊙g"],
      ["은닉 상태를 만든다: h_t = o⊙tanh(c_t)", "form the hidden state: h_t = o⊙tanh(c_t)"],
      ["h_t로 다음 글자의 점수와 소프트맥스 확률을 낸다", "turn h_t into next-character scores and softmax probabilities"],
    ],
    {
      why: [
        "c_t는 게이트가 있어야, h_t는 c_t가 있어야, 출력은 h_t가 있어야 계산할 수 있습니다.",
        "c_t needs the gates, h_t needs c_t, and the output needs h_t.",
      ],
      from: [[1, 2], "Long Short Term Memory (LSTM)"],
    },
  ),
  numeric(
    "lstm-params-128-65",
    ["lstm-gates"],
    [
      "LSTM 층: 은닉 크기 h = 128, 입력 크기 x = 65 (원-핫), 게이트마다 편향 벡터 하나. 파라미터 수는? 4·(h·(h + x) + h)",
      "An LSTM layer with hidden size h = 128 and input size x = 65 (one-hot), one bias vector per gate. How many parameters? 4·(h·(h + x) + h)",
    ],
    99328,
    0,
    { why: ["4·(128·193 + 128) = 4·24,832 = 99,328", "4·(128·193 + 128) = 4·24,832 = 99,328"], from: [4, "Long Short Term Memory(LSTM)"] },
    { time: 60, multiplier: 2 },
  ),
  numeric(
    "lstm-params-256-100",
    ["lstm-gates"],
    [
      "LSTM 층: h = 256, x = 100, 게이트마다 편향 벡터 하나(TensorFlow와 이 앱의 방식). 파라미터 수는?",
      "An LSTM layer with h = 256 and x = 100, one bias vector per gate (as in TensorFlow and this app). How many parameters?",
    ],
    365568,
    0,
    {
      why: [
        "4·(256·356 + 256) = 4·91,392 = 365,568. 게이트마다 편향을 두 개(b_ih, b_hh) 두는 PyTorch 방식이면 4·256개가 더해져 366,592입니다.",
        "4·(256·356 + 256) = 4·91,392 = 365,568. With two bias vectors per gate (b_ih and b_hh, PyTorch's convention) another 4·256 are added: 366,592.",
      ],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
    { time: 60 },
  ),
  multiple(
    "lstm-sigmoid-gates",
    ["lstm-gates"],
    ["LSTM에서 시그모이드(0~1 값)를 쓰는 것을 모두 고르세요.", "Select every part of an LSTM that uses a sigmoid (values from 0 to 1)."],
    [
      ["후보 값 g (C̃_t)", "the candidate g (C̃_t)"],
      ["망각 게이트 f", "the forget gate f"],
      ["출력 게이트 o", "the output gate o"],
      ["c_t를 h_t로 내보낼 때 누르는 함수", "the function squashing c_t into h_t"],
    ],
    [1, 2],
    {
      why: [
        "게이트 i, f, o는 시그모이드(0~1), 후보 값 g와 c_t를 내보낼 때는 tanh(−1~1)입니다.",
        "The gates i, f, o use the sigmoid (0..1); the candidate g and the read-out of c_t use tanh (−1..1).",
      ],
      from: [[1, 2], "Long Short Term Memory (LSTM)"],
    },
  ),
  text(
    "lstm-cell-state-name",
    ["lstm-gates"],
    [
      "LSTM 그림 위쪽을 가로지르며 원소별 연산만 거치는 장기 기억을 무엇이라고 할까요?",
      "What is the LSTM's long-term memory called that runs along the top of the diagram through elementwise operations only?",
    ],
    [
      "셀 상태",
      "셀 스테이트",
      "메모리 셀",
      "기억 셀",
      "셀 메모리",
      "cell state",
      "memory cell",
      "cell memory",
      "c_t",
      "ct",
      "c(t)",
      "cell state c_t",
      "셀 상태 c_t",
    ],
    {
      why: ["셀 상태 C_t (강의 04의 이름표로는 memory cell, 메모리 셀).", "The cell state C_t (labelled 'memory cell' in lecture 04)."],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
  ),
  trueFalse(
    "lstm-four-blocks",
    ["lstm-gates"],
    [
      "같은 은닉·입력 크기라면 LSTM 층의 파라미터는 기본 RNN 층의 약 2배이다.",
      "For the same hidden and input sizes, an LSTM layer has about twice the parameters of a vanilla RNN layer.",
    ],
    false,
    {
      why: [
        "거짓: i, f, o, g 네 블록이 각각 RNN 하나 분량의 W·[h_{t-1}, x_t]를 가지므로 약 4배입니다 (GRU는 3배).",
        "False: the four blocks i, f, o, g each hold one RNN's worth of W·[h_{t-1}, x_t], so about 4 times (a GRU: 3 times).",
      ],
      from: [[1, 2], "Long Short Term Memory (LSTM)"],
    },
  ),
  trueFalse(
    "lstm-forget-one",
    ["lstm-gates"],
    [
      "망각 게이트 f가 모두 1이고 입력 게이트 i가 모두 0이면, 셀 상태 c_t는 c_{t-1}과 같다.",
      "If the forget gate f is all ones and the input gate i all zeros, the cell state c_t equals c_{t-1}.",
    ],
    true,
    {
      why: [
        "참: c_t = 1⊙c_{t-1} + 0⊙g = c_{t-1}. 기억을 그대로 다음 스텝으로 넘기는 경우입니다.",
        "True: c_t = 1⊙c_{t-1} + 0⊙g = c_{t-1}: the memory is carried over unchanged.",
      ],
      from: [4, "Long Short Term Memory(LSTM)"],
    },
  ),
  // ── GRU ──
  single(
    "gru-gates",
    ["gru"],
    ["GRU가 가진 게이트 두 개는?", "Which two gates does a GRU have?"],
    {
      right: ["업데이트 게이트와 리셋 게이트", "the update and reset gates"],
      wrong: [
        ["망각 게이트와 출력 게이트", "the forget and output gates"],
        ["입력 게이트와 출력 게이트", "the input and output gates"],
        ["업데이트 게이트와 출력 게이트", "the update and output gates"],
      ],
      at: 0,
    },
    {
      why: [
        "update gate z_t와 reset gate r_t. 셀 상태가 없고 h_t 하나만 있습니다.",
        "The update gate z_t and the reset gate r_t; there is no cell state, only h_t.",
      ],
      from: [4, "Gated Recurrent Unit(GRU)"],
    },
  ),
  trueFalse("gru-no-cell", ["gru"], ["GRU는 h_t와 별도로 셀 상태 c_t를 가진다.", "A GRU keeps a cell state c_t separate from h_t."], false, {
    why: ["거짓: GRU는 셀 상태와 은닉 상태를 h_t 하나로 합쳤습니다.", "False: a GRU merges the cell state and the hidden state into h_t."],
    from: [4, "Gated Recurrent Unit(GRU)"],
  }),
  trueFalse(
    "gru-reset-role",
    ["gru"],
    [
      "GRU의 리셋 게이트 r_t가 0에 가까우면, 후보 h̃_t를 계산할 때 이전 상태 h_{t-1}을 거의 무시한다.",
      "When the GRU's reset gate r_t is near 0, computing the candidate h̃_t almost ignores the previous state h_{t-1}.",
    ],
    true,
    {
      why: [
        "참: h̃_t = tanh(W_hh·(r_t * h_{t-1}) + W_xh·x_t)에서 r_t ≈ 0이면 h_{t-1}이 지워집니다.",
        "True: in h̃_t = tanh(W_hh·(r_t * h_{t-1}) + W_xh·x_t), r_t ≈ 0 wipes out h_{t-1}.",
      ],
      from: [4, "Gated Recurrent Unit(GRU)"],
    },
  ),
  numeric(
    "gru-params-128-65",
    ["gru"],
    [
      "GRU 층: h = 128, x = 65, 게이트(z, r, h̃)마다 편향 벡터 하나. 파라미터 수는? 3·(h·(h + x) + h)",
      "A GRU layer with h = 128 and x = 65, one bias vector per block (z, r, h̃). How many parameters? 3·(h·(h + x) + h)",
    ],
    74496,
    0,
    {
      why: [
        "3·(128·193 + 128) = 3·24,832 = 74,496: 같은 크기 LSTM(99,328)의 3/4입니다.",
        "3·(128·193 + 128) = 3·24,832 = 74,496: three quarters of the same-size LSTM (99,328).",
      ],
      from: [4, "Gated Recurrent Unit(GRU)"],
    },
    { time: 60 },
  ),
  single(
    "gru-update-role",
    ["gru", "lstm-gates"],
    ["GRU의 업데이트 게이트 z_t는 LSTM의 어떤 게이트들의 역할을 함께 할까요?", "The GRU's update gate z_t does the job of which LSTM gates together?"],
    {
      right: ["망각 게이트와 입력 게이트", "the forget and input gates"],
      wrong: [
        ["출력 게이트와 입력 게이트", "the output and input gates"],
        ["출력 게이트와 망각 게이트", "the output and forget gates"],
        ["리셋 게이트와 출력 게이트", "the reset and output gates"],
      ],
      at: 2,
    },
    {
      why: [
        "z 하나가 옛 상태를 얼마나 남기고 새 후보를 얼마나 쓸지 함께 정합니다. 강의 01·02(와 이 앱의 엔진)는 h_t = z⊙h_{t-1} + (1 − z)⊙h̃_t(z = 남길 몫), 강의 04·05는 h_t = (1 − z)⊙h_{t-1} + z⊙h̃_t(z = 새로 쓸 몫)로 씁니다. 어느 쪽이든 같은 역할입니다.",
        "One z decides both how much of the old state to keep and how much of the new candidate to write. Lectures 01·02 (and this app's engine) write h_t = z⊙h_{t-1} + (1 − z)⊙h̃_t (z = the share kept); lectures 04·05 write h_t = (1 − z)⊙h_{t-1} + z⊙h̃_t (z = the share written). Either way it is the same job.",
      ],
      from: [[1, 2, 4, 5], "Other RNN Variants / Gated Recurrent Unit(GRU) / GRUCell"],
    },
  ),
  single(
    "gru-conventions",
    ["gru"],
    [
      "강의 01·02는 GRU를 h_t = z⊙h_{t-1} + (1 − z)⊙h̃_t로, 강의 04·05는 h_t = (1 − z)⊙h_{t-1} + z⊙h̃_t로 씁니다. 어느 쪽이 맞을까요?",
      "Lectures 01·02 write the GRU as h_t = z⊙h_{t-1} + (1 − z)⊙h̃_t; lectures 04·05 as h_t = (1 − z)⊙h_{t-1} + z⊙h̃_t. Which is right?",
    ],
    {
      right: ["둘 다: 한쪽의 z가 다른 쪽의 1 − z일 뿐", "both: one's z is the other's 1 − z"],
      wrong: [
        ["01·02만: 04·05식은 옛 상태를 버린다", "only 01·02: 04·05 drop the old state"],
        ["04·05만: 01·02식은 기울기가 사라진다", "only 04·05: 01·02 make gradients vanish"],
        ["둘 다 아님: 그 식들은 사실 LSTM의 것이다", "neither: those are really LSTM equations"],
      ],
      at: 1,
    },
    {
      why: [
        "두 식 모두 옛 상태와 새 후보를 z와 1 − z로 섞습니다. z를 '남길 몫'으로 부르느냐 '새로 쓸 몫'으로 부르느냐만 다르고, 학습하면 같은 셀이 됩니다.",
        "Both mix the old state and the new candidate with z and 1 − z; they differ only in whether z names the share kept or the share written, and train into the same cell.",
      ],
      from: [5, "GRUCell"],
    },
    { time: 40 },
  ),
  // ── Sampling and temperature ──
  single(
    "temp-low",
    ["sampling-temperature"],
    [
      "온도 T로 샘플링: 확률 ∝ exp(logit / T). T를 0에 가깝게 낮추면?",
      "Sampling with temperature T: probability ∝ exp(logit / T). What happens as T approaches 0?",
    ],
    {
      right: ["거의 늘 가장 확률 높은 글자를 고른다", "it almost always takes the top character"],
      wrong: [
        ["모든 글자를 거의 같은 확률로 고른다", "it picks every character about equally often"],
        ["확률이 가장 낮은 글자를 자주 고른다", "it often picks the least likely character"],
        ["T와 상관없이 확률이 그대로 유지된다", "the probabilities stay exactly as they are"],
      ],
      at: 2,
    },
    {
      why: [
        "logit / T에서 T가 작으면 점수 차이가 커져 분포가 가장 큰 점수 하나로 몰립니다(argmax에 가까워짐). 글이 안전하지만 반복적이 됩니다.",
        "Dividing the logits by a small T magnifies their differences, so the distribution collapses onto the top score (close to argmax): safe but repetitive text.",
      ],
      beyond: true,
    },
  ),
  single(
    "temp-high",
    ["sampling-temperature"],
    ["온도를 2.0처럼 높이면 생성되는 글은?", "With a high temperature such as 2.0, the generated text becomes…"],
    {
      right: ["더 엉뚱하고 철자 오류가 많아진다", "more surprising, with more misspellings"],
      wrong: [
        ["같은 구절을 더 자주 되풀이한다", "more repetitive, the same phrases again"],
        ["가장 흔한 글자들만 이어진다", "only the commonest letters strung together"],
        ["T = 1일 때와 똑같은 글이 나온다", "exactly the same as at T = 1"],
      ],
      at: 3,
    },
    {
      why: [
        "T가 크면 분포가 평평해져 확률이 낮은 글자도 자주 뽑힙니다. 되풀이는 온도가 낮을 때의 증상입니다.",
        "A large T flattens the distribution, so unlikely characters are drawn often. Repetition is the symptom of a low temperature.",
      ],
      beyond: true,
    },
  ),
  numeric(
    "temp-two-logits",
    ["sampling-temperature", "softmax"],
    [
      "두 글자의 logit이 [ln 4, 0]입니다. T = 2일 때 첫 글자의 확률은? (소수 둘째 자리까지)",
      "Two characters have logits [ln 4, 0]. At T = 2, what is the first character's probability (two decimals)?",
    ],
    0.67,
    0.01,
    {
      why: ["exp(ln 4 / 2) = 2, exp(0) = 1 → 2 / (2 + 1) ≈ 0.67 (T = 1이면 4/5 = 0.8).", "exp(ln 4 / 2) = 2, exp(0) = 1 → 2 / (2 + 1) ≈ 0.67 (0.8 at T = 1)."],
      beyond: true,
    },
  ),
  trueFalse(
    "temp-one",
    ["sampling-temperature"],
    ["온도 1로 샘플링하면 항상 가장 확률이 높은 글자만 고른다.", "Sampling at temperature 1 always picks the most likely character."],
    false,
    {
      why: [
        "거짓: logit / 1 = logit이므로 모델의 확률을 그대로 써서 뽑습니다. 항상 가장 높은 것만 고르는 것은 T → 0일 때(argmax)입니다.",
        "False: logit / 1 = logit, so it samples from the model's probabilities unchanged. Always taking the top one is the T → 0 limit (argmax).",
      ],
      beyond: true,
    },
  ),
  ordering(
    "generate-steps",
    ["text-generation", "autocomplete"],
    ["char-RNN으로 글을 생성하는 단계를 순서대로 놓으세요.", "Put the steps of generating text with a char-RNN in order."],
    [
      ["시작 글자를 원-핫으로 넣는다", "feed a seed character as a one-hot vector"],
      ["은닉 상태를 갱신하고 다음 글자의 점수를 계산한다", "update the hidden state and compute scores for the next character"],
      ["소프트맥스로 점수를 확률로 바꾼다", "turn the scores into probabilities with softmax"],
      ["확률에 따라 다음 글자를 뽑는다", "sample the next character from those probabilities"],
      ["뽑은 글자를 다음 입력으로 다시 넣는다", "feed the sampled character back in as the next input"],
    ],
    {
      why: [
        "강의 05 실습은 이 고리를 200번 돌려 200글자를 만들고, 생성된 글자를 다시 입력으로 씁니다.",
        "Lecture 05's exercise runs this loop 200 times to write 200 characters, feeding each generated character back in.",
      ],
      from: [5, "Text Generation (5/5)"],
    },
  ),
  // ── Machine-learning basics, overfitting and dropout ──
  single(
    "ml-types-reward",
    ["ml-basics"],
    ["정답 대신 보상(reward)이 주어지는 학습은?", "Which kind of learning is given a reward instead of the right answer?"],
    {
      right: ["강화 학습 (reinforcement)", "reinforcement learning"],
      wrong: [
        ["지도 학습 (supervised)", "supervised learning"],
        ["비지도 학습 (unsupervised)", "unsupervised learning"],
        ["자기 지도 학습 (self-supervised)", "self-supervised learning"],
      ],
      at: 0,
    },
    {
      why: [
        "지도 학습: 정답이 주어짐. 비지도 학습: 정답이 없음. 강화 학습: 정답이 아닌 보상이 주어짐 (알파고처럼).",
        "Supervised: the answers are given. Unsupervised: no answers. Reinforcement: not answers but rewards (as in AlphaGo).",
      ],
      from: [3, "머신러닝의 세가지 타입"],
    },
  ),
  trueFalse(
    "ml-unsupervised-labels",
    ["ml-basics"],
    ["비지도 학습에서는 입력마다 정답(레이블)이 함께 주어진다.", "In unsupervised learning every input comes with its right answer (label)."],
    false,
    {
      why: [
        "거짓: 정답이 주어지는 것은 지도 학습입니다. 비지도 학습은 정답 없이 풀어야 해서 기본적으로 어렵습니다.",
        "False: answers come with supervised learning. Unsupervised learning has no answers, which makes it hard in general.",
      ],
      from: [3, "머신러닝의 세가지 타입"],
    },
  ),
  trueFalse(
    "dl-many-params",
    ["ml-basics"],
    [
      "딥러닝 모델은 파라미터가 수백만 개에 이를 만큼 복잡해서 과적합이 일어나기 쉽다.",
      "Deep learning models are complex, with millions of parameters, so they overfit easily.",
    ],
    true,
    {
      why: [
        '참: 강의 03: "딥러닝은 모델이 엄청 복잡하다. 수백만 개의 파라미터… Overfitting이 일어나기 쉽다." 그래서 드롭아웃을 씁니다.',
        "True: lecture 03: deep models are very complex, with millions of parameters, and overfit easily; hence dropout.",
      ],
      from: [3, "Overfitting은 왜 생길까?"],
    },
  ),
  single(
    "ml-nonlinear",
    ["ml-basics"],
    ["신경망이 층을 쌓아 복잡한 함수를 만들 수 있는 이유는?", "Why can a neural network build a complicated function by stacking layers?"],
    {
      right: ["층마다 비선형 활성화 함수가 들어가서", "each layer applies a non-linear activation"],
      wrong: [
        ["층마다 입력을 원-핫으로 다시 바꿔서", "each layer re-encodes its input as one-hot"],
        ["선형 층은 쌓을수록 차수가 올라가서", "stacked linear layers raise the degree"],
        ["층마다 학습률을 따로 정할 수 있어서", "each layer gets its own learning rate"],
      ],
      at: 1,
    },
    {
      why: [
        "비선형 함수의 비선형 함수의 … 로 복잡한 함수를 만듭니다. 선형 층만 쌓으면 여전히 선형 함수 하나입니다. (은닉층이 2개 이상이면 딥러닝이라고 부릅니다.)",
        "Non-linear functions of non-linear functions build complicated ones; stacked linear layers are still one linear function. (Two or more hidden layers is called deep learning.)",
      ],
      from: [3, "다층 레이어 (Multiple Layer)"],
    },
  ),
  single(
    "dl-definition",
    ["ml-basics"],
    [
      "강의 03의 정의로, 은닉층(hidden layer)이 몇 개 이상인 신경망을 딥러닝이라고 부를까요?",
      "By lecture 03's definition, a neural network with at least how many hidden layers is called deep learning?",
    ],
    {
      right: ["2개 이상", "two or more"],
      wrong: [
        ["1개 이상", "one or more"],
        ["10개 이상", "ten or more"],
        ["100개 이상", "a hundred or more"],
      ],
      at: 2,
    },
    {
      why: [
        "Hidden layer가 2개 이상인 신경망을 딥러닝이라고 부릅니다. 층이 많을수록 복잡한 함수를 만들 수 있지만 과적합과 기울기 소실이 문제가 됩니다.",
        "A network with two or more hidden layers is called deep learning. More layers build more complex functions, but overfitting and vanishing gradients get in the way.",
      ],
      from: [3, "다층 레이어 (Multiple Layer)"],
    },
  ),
  single(
    "ablation-what",
    ["ml-basics", "training"],
    [
      "강의 01의 'Ablation study(없다면 어떻게 될까?)'는 어떤 실험일까요?",
      "What kind of experiment is lecture 01's 'ablation study' ('what if it were not there?')?",
    ],
    {
      right: ["구성 요소 하나를 빼고 결과 차이를 재는 실험", "remove one component and measure the difference"],
      wrong: [
        ["같은 모델을 여러 번 학습해 평균 내는 실험", "train the same model many times and average"],
        ["데이터를 늘려 가며 성능을 재는 실험", "measure performance as the data grows"],
        ["학습된 모델의 층을 모두 얼려 두는 실험", "freeze every layer of a trained model"],
      ],
      at: 3,
    },
    {
      why: [
        "부품 하나(예: LRN 층, 망각 게이트)를 없애거나 바꾸고 나머지는 그대로 두어, 그 부품이 성능에 얼마나 기여하는지 봅니다. 이 앱의 ablation 그룹이 하는 일입니다.",
        "Remove or change one part (e.g. the LRN layer, the forget gate), keep everything else, and see how much that part contributes. This app's ablation groups do exactly that.",
      ],
      from: [1, "Ablation study"],
    },
  ),
  single(
    "ablation-lrn",
    ["cnn-architectures", "training"],
    [
      "강의 01의 표: VGG-11의 top-5 오류는 10.4 %, LRN 층을 더한 VGG-11 (LRN)은 10.5 %입니다. 이 ablation의 결론은?",
      "Lecture 01's table: VGG-11 has a 10.4 % top-5 error, VGG-11 with an LRN layer 10.5 %. What does this ablation conclude?",
    ],
    {
      right: ["LRN은 도움이 되지 않았다", "LRN did not help"],
      wrong: [
        ["LRN이 오류를 크게 줄였다", "LRN cut the error a lot"],
        ["층이 깊을수록 오류가 커진다", "deeper nets always do worse"],
        ["LRN이 파라미터를 크게 늘렸다", "LRN added many parameters"],
      ],
      at: 1,
    },
    {
      why: [
        "10.4 %에서 10.5 %로 거의 같거나 약간 나빠졌고 파라미터는 133M 그대로입니다. 그래서 VGG는 LRN을 쓰지 않습니다(강의 04: No LRN).",
        "10.4 % to 10.5 %: about the same or slightly worse, with the parameters unchanged at 133M. So VGG drops LRN (lecture 04: no LRN).",
      ],
      from: [1, "Ablation study"],
    },
  ),
  trueFalse(
    "vgg19-vs-16",
    ["cnn-architectures"],
    [
      "강의 01의 표에서 더 깊은 VGG-19(9.0 %)가 VGG-16(8.8 %)보다 top-5 오류가 낮다.",
      "In lecture 01's table, the deeper VGG-19 (9.0 %) has a lower top-5 error than VGG-16 (8.8 %).",
    ],
    false,
    {
      why: [
        "거짓: 9.0 % > 8.8 %. 층을 더 쌓는다고 늘 좋아지지는 않습니다(파라미터는 144M vs 138M). ResNet이 이 문제를 건너뛰는 연결로 풉니다.",
        "False: 9.0 % > 8.8 %. More layers do not always help (144M vs 138M parameters); ResNet's skip connections address this.",
      ],
      from: [1, "Ablation study"],
    },
  ),
  single(
    "overfit-curves",
    ["overfitting"],
    [
      "학습 손실은 계속 내려가는데 검증 손실은 올라갑니다. 무슨 일일까요?",
      "The training loss keeps falling while the validation loss rises. What is happening?",
    ],
    {
      right: ["과적합", "overfitting"],
      wrong: [
        ["과소적합", "underfitting"],
        ["기울기 소실", "vanishing gradients"],
        ["학습률이 너무 작음", "too small a learning rate"],
      ],
      at: 3,
    },
    {
      why: [
        "연습문제(학습 데이터)는 잘 푸는데 시험(검증 데이터)만 보면 망하는 상태: 과적합입니다.",
        "Good at the exercises (training data), bad at the exam (validation data): overfitting.",
      ],
      from: [3, "Overfitting 이란?"],
    },
  ),
  single(
    "ml-underfit",
    ["overfitting", "ml-basics"],
    [
      "집 넓이와 집값의 관계가 곡선인데 θ₀ + θ₁x(직선)로 맞추면?",
      "House price follows a curve in house size, but we fit θ₀ + θ₁x (a straight line). What is that?",
    ],
    {
      right: ["과소적합 (high bias)", "underfitting (high bias)"],
      wrong: [
        ["과적합 (high variance)", "overfitting (high variance)"],
        ["딱 알맞음 (just right)", "just right"],
        ["기울기 소실 (vanishing)", "a vanishing gradient"],
      ],
      at: 0,
    },
    {
      why: [
        "직선은 곡선을 따라가지 못해 학습 데이터조차 틀립니다(과소적합). 2차식이 알맞고, 4차식은 과적합입니다.",
        "A line cannot follow the curve, so it misses even the training data (underfitting). A quadratic is just right; a quartic overfits.",
      ],
      from: [3, "Overfitting 이란?"],
    },
  ),
  multiple(
    "ml-overfit-causes",
    ["overfitting", "ml-basics"],
    ["강의가 꼽은 과적합의 원인을 모두 고르세요.", "Select every cause of overfitting the lecture names."],
    [
      ["모델보다 데이터가 훨씬 많을 때", "far more data than the model needs"],
      ["문제는 간단한데 모델이 너무 복잡할 때", "a simple problem but too complex a model"],
      ["학습률이 너무 작을 때", "too small a learning rate"],
      ["데이터는 적은데 모델이 너무 복잡할 때", "little data but too complex a model"],
    ],
    [1, 3],
    {
      why: [
        "(1) 풀 문제는 간단한데 모델이 너무 복잡할 때, (2) 데이터는 몇 개 없는데 모델이 너무 복잡할 때. 데이터가 많으면 오히려 과적합이 줄어듭니다.",
        "(1) A simple problem but too complex a model; (2) few data but too complex a model. More data reduces overfitting.",
      ],
      from: [3, "Overfitting은 왜 생길까?"],
    },
  ),
  multiple(
    "overfit-remedies",
    ["overfitting"],
    ["과적합을 줄이는 방법을 모두 고르세요.", "Select everything that helps against overfitting."],
    [
      ["드롭아웃", "dropout"],
      ["같은 데이터에 층을 더 쌓기", "more layers on the same data"],
      ["검증 손실이 오르기 시작하면 멈추기", "stopping once the validation loss starts to rise"],
      ["학습 손실이 0이 될 때까지 더 학습하기", "training until the training loss reaches 0"],
    ],
    [0, 2],
    {
      why: [
        "드롭아웃은 강의 03에 있습니다. 검증 손실이 오르면 멈추는 조기 종료(early stopping)는 강의에 없는 방법입니다. 층을 더 쌓거나 학습 손실을 0까지 내리면 과적합이 심해집니다.",
        "Dropout is in lecture 03; stopping when the validation loss rises (early stopping) is not in the lectures. More layers, or driving the training loss to 0, make overfitting worse.",
      ],
      beyond: true,
    },
  ),
  single(
    "early-stopping",
    ["overfitting", "training"],
    ["조기 종료(early stopping)는 어느 시점의 모델을 남길까요?", "Which model does early stopping keep?"],
    {
      right: ["검증 손실이 가장 낮았던 시점", "the one at the lowest validation loss"],
      wrong: [
        ["학습 손실이 가장 낮았던 시점", "the one at the lowest training loss"],
        ["시간 예산이 끝난 마지막 시점", "the last one, when time runs out"],
        ["학습 손실이 처음 오른 시점", "the one where training loss first rose"],
      ],
      at: 1,
    },
    {
      why: [
        "검증 손실이 더 내려가지 않으면 멈추고, 그중 가장 낮았던 체크포인트를 씁니다. 학습 손실은 과적합 중에도 계속 내려가므로 기준이 될 수 없습니다.",
        "Stop when the validation loss stops improving and keep the checkpoint where it was lowest. The training loss keeps falling while overfitting, so it cannot be the criterion.",
      ],
      beyond: true,
    },
  ),
  single(
    "dropout-what",
    ["overfitting"],
    ["keep_prob = 0.5인 드롭아웃은 학습 중에 무엇을 할까요?", "What does dropout with keep_prob = 0.5 do during training?"],
    {
      right: ["매 스텝 뉴런 절반쯤을 무작위로 끈다", "each step, it cuts a random half of the neurons"],
      wrong: [
        ["매 스텝 학습률을 절반으로 줄인다", "it halves the learning rate at every single step"],
        ["가중치의 절반을 영구히 지운다", "it deletes half of the weights permanently"],
        ["배치마다 데이터의 절반을 건너뛴다", "it skips half of every batch's training data"],
      ],
      at: 2,
    },
    {
      why: [
        "랜덤하게 뉴런을 끊어 모델을 단순하게 만듭니다. 다음 스텝에서는 다른 뉴런이 끊기고, 가중치는 지워지지 않습니다.",
        "Cutting neurons at random makes the model simpler; the next step cuts different ones, and no weight is deleted.",
      ],
      from: [3, "Dropout"],
    },
  ),
  trueFalse(
    "dropout-train-only",
    ["overfitting"],
    ["드롭아웃은 학습할 때만 쓰고, 글을 생성(예측)할 때는 끈다.", "Dropout is used while training and switched off when generating (predicting)."],
    true,
    {
      why: [
        "참: 예측할 때는 모든 뉴런을 씁니다(keep_prob = 1.0, DropoutWrapper의 기본값).",
        "True: prediction uses every neuron (keep_prob = 1.0, DropoutWrapper's default).",
      ],
      from: [5, "RNN Cell wrappers"],
    },
  ),
  trueFalse(
    "overfit-more-data",
    ["overfitting"],
    ["같은 모델에 학습 데이터를 더 많이 주면 과적합이 더 심해진다.", "Giving the same model more training data makes overfitting worse."],
    false,
    {
      why: [
        "거짓: 데이터는 몇 개 없는데 모델이 너무 복잡할 때 과적합이 생깁니다. 데이터가 많아질수록(빅데이터) 과적합은 줄어듭니다.",
        "False: overfitting comes from too complex a model for few data; more data (big data) reduces it.",
      ],
      from: [3, "Overfitting은 왜 생길까?"],
    },
  ),
  // ── CNN arithmetic (sizes are side lengths of square maps) ──
  numeric(
    "cnn-out-7-3-1",
    ["cnn-arithmetic"],
    ["입력 7×7, 필터 3×3, stride 1. 출력 한 변의 길이는? (N − F) / stride + 1", "Input 7×7, filter 3×3, stride 1. Output side length? (N − F) / stride + 1"],
    5,
    0,
    { why: ["(7 − 3) / 1 + 1 = 5: 출력은 5×5입니다.", "(7 − 3) / 1 + 1 = 5: the output is 5×5."], from: [4, "CNNs - Stride"] },
  ),
  numeric(
    "cnn-out-7-3-2",
    ["cnn-arithmetic"],
    ["입력 7×7, 필터 3×3, stride 2. 출력 한 변의 길이는?", "Input 7×7, filter 3×3, stride 2. Output side length?"],
    3,
    0,
    { why: ["(7 − 3) / 2 + 1 = 3: 출력은 3×3입니다.", "(7 − 3) / 2 + 1 = 3: the output is 3×3."], from: [4, "CNNs - Stride"] },
  ),
  trueFalse(
    "cnn-stride-3-fits",
    ["cnn-arithmetic"],
    ["입력 7×7에 3×3 필터를 stride 3으로 적용하면 딱 맞아떨어진다.", "A 3×3 filter with stride 3 fits a 7×7 input evenly."],
    false,
    {
      why: ["거짓: (7 − 3) / 3 + 1 = 2.33 — 정수가 아니라 맞지 않습니다.", "False: (7 − 3) / 3 + 1 = 2.33, not a whole number: it does not fit."],
      from: [4, "CNNs - Stride"],
    },
  ),
  trueFalse(
    "cnn-filter-depth",
    ["cnn-arithmetic"],
    [
      "32×32×3 영상에 쓰는 '5×5 필터'는 실제로 5×5×3 크기로 입력의 깊이 전체를 덮는다.",
      "A '5×5 filter' on a 32×32×3 image is really 5×5×3: it covers the input's full depth.",
    ],
    true,
    {
      why: [
        "참: Filters always extend the full depth of the input volume. 그래서 필터 하나의 가중치는 5·5·3 = 75개(+ 편향 1)입니다.",
        "True: filters always extend the full depth of the input volume, so one filter has 5·5·3 = 75 weights (+ 1 bias).",
      ],
      from: [4, "Convolution Layer"],
    },
  ),
  trueFalse(
    "cnn-pool-params",
    ["cnn-arithmetic", "cnn-architectures"],
    ["Max pooling 층에도 학습되는 가중치가 있어 파라미터 수에 더해진다.", "A max-pooling layer has learned weights that add to the parameter count."],
    false,
    {
      why: [
        "거짓: 풀링은 각 영역의 최댓값을 고를 뿐이라 VGG16 표에서도 POOL2의 params는 0입니다.",
        "False: pooling only picks each region's maximum; VGG16's table lists POOL2 with 0 params.",
      ],
      from: [4, "Case Study: VGGNet"],
    },
  ),
  numeric(
    "cnn-alexnet-conv1",
    ["cnn-arithmetic", "cnn-architectures"],
    [
      "AlexNet CONV1: 입력 227×227×3, 11×11 필터 96개, stride 4, 패딩 0. 출력 한 변의 길이는?",
      "AlexNet CONV1: input 227×227×3, 96 filters of 11×11, stride 4, no padding. Output side length?",
    ],
    55,
    0,
    { why: ["(227 − 11) / 4 + 1 = 55: 출력은 55×55×96입니다.", "(227 − 11) / 4 + 1 = 55: the output is 55×55×96."], from: [4, "Case Study: AlexNet"] },
  ),
  numeric(
    "cnn-out-32-5-1",
    ["cnn-arithmetic"],
    [
      "입력 32×32×3, 5×5×3 필터 하나, stride 1, 패딩 0. 출력(활성화 맵) 한 변의 길이는?",
      "Input 32×32×3, one 5×5×3 filter, stride 1, no padding. Side length of the output (activation map)?",
    ],
    28,
    0,
    {
      why: [
        "(32 − 5) / 1 + 1 = 28: 필터 하나는 28×28×1 활성화 맵 하나를 만듭니다(6개면 28×28×6).",
        "(32 − 5) / 1 + 1 = 28: one filter makes one 28×28×1 activation map (six make 28×28×6).",
      ],
      from: [4, "Convolution Layer"],
    },
  ),
  numeric(
    "cnn-out-pad",
    ["cnn-arithmetic"],
    [
      "입력 32×32, 3×3 필터, stride 1, 패딩 1. 출력 한 변의 길이는? (N − F + 2P) / stride + 1",
      "Input 32×32, 3×3 filter, stride 1, padding 1. Output side length? (N − F + 2P) / stride + 1",
    ],
    32,
    0,
    {
      why: [
        "(32 − 3 + 2) / 1 + 1 = 32: 패딩은 주로 출력 크기를 유지하려고 씁니다.",
        "(32 − 3 + 2) / 1 + 1 = 32: padding is mostly used to keep the output size.",
      ],
      from: [4, "CNNs - Padding"],
    },
  ),
  numeric(
    "cnn-maxpool-side",
    ["cnn-arithmetic", "cnn-architectures"],
    [
      "VGG의 POOL2: 224×224×64 입력에 2×2 max pool, stride 2. 출력 한 변의 길이는?",
      "VGG's POOL2: a 2×2 max pool with stride 2 on a 224×224×64 input. Output side length?",
    ],
    112,
    0,
    {
      why: [
        "(224 − 2) / 2 + 1 = 112: 출력은 112×112×64. 풀링은 가로·세로만 줄이고 채널 수는 그대로입니다.",
        "(224 − 2) / 2 + 1 = 112: the output is 112×112×64. Pooling shrinks width and height only; the channels stay.",
      ],
      from: [4, "Pooling layer"],
    },
  ),
  numeric(
    "cnn-params-6-5x5x3",
    ["cnn-arithmetic"],
    [
      "5×5×3 필터 6개로 된 합성곱 층의 파라미터 수는? (필터마다 편향 1개 포함)",
      "A convolution layer of six 5×5×3 filters: how many parameters, with one bias per filter?",
    ],
    456,
    0,
    { why: ["6 · (5·5·3 + 1) = 6 · 76 = 456", "6 · (5·5·3 + 1) = 6 · 76 = 456"], from: [4, "Convolution Layer"] },
  ),
  numeric(
    "cnn-vgg-conv3-64",
    ["cnn-arithmetic", "cnn-architectures"],
    [
      "VGG의 두 번째 CONV3-64: 입력 채널 64, 3×3 필터 64개. 편향을 빼면 파라미터 수는?",
      "VGG's second CONV3-64: 64 input channels, 64 filters of 3×3. Parameters without biases?",
    ],
    36864,
    0,
    {
      why: ["(3·3·64)·64 = 36,864: 필터는 입력의 깊이(64)까지 모두 덮습니다.", "(3·3·64)·64 = 36,864: every filter spans the input's full depth (64)."],
      from: [4, "Case Study: VGGNet"],
    },
  ),
  numeric(
    "cnn-vgg16-total",
    ["cnn-arithmetic", "cnn-architectures"],
    [
      "강의 04의 VGG16 표: 합성곱 13개와 FC 3개의 가중치(편향 제외)를 모두 더하면 약 몇 백만(M) 개일까요? (정수, 백만 단위)",
      "Lecture 04's VGG16 table: adding up the weights (no biases) of its 13 convolution and 3 FC layers gives about how many million? (whole millions)",
    ],
    138,
    1,
    {
      why: [
        "합성곱 약 14.7M + FC 약 123.6M(그중 첫 FC 7·7·512·4096 ≈ 102.8M) ≈ 138M. 파라미터 대부분이 FC 층에 있습니다.",
        "Convolutions ≈ 14.7M + FC ≈ 123.6M (the first FC alone, 7·7·512·4096, is ≈ 102.8M) ≈ 138M. Most parameters sit in the FC layers.",
      ],
      from: [4, "Case Study: VGGNet"],
    },
    { time: 30 },
  ),
  numeric(
    "cnn-inception-depth",
    ["cnn-arithmetic", "cnn-architectures"],
    [
      "나이브 Inception 모듈: 28×28×256 입력에 1×1 conv 128개, 3×3 conv 192개, 5×5 conv 96개, 3×3 max pool(깊이 그대로)을 나란히 적용해 이어 붙입니다(크기 유지). 출력 깊이(채널 수)는?",
      "A naive Inception module applies, side by side on a 28×28×256 input, 128 1×1 convs, 192 3×3 convs, 96 5×5 convs and a 3×3 max pool (depth kept), and concatenates them (size kept). Output depth (channels)?",
    ],
    672,
    0,
    {
      why: [
        "128 + 192 + 96 + 256 = 672: 출력은 28×28×672. 풀링 가지가 입력의 256채널을 그대로 넘겨 깊이가 계속 커집니다.",
        "128 + 192 + 96 + 256 = 672: the output is 28×28×672. The pooling branch passes all 256 input channels through, so depth keeps growing.",
      ],
      from: [4, "Case study - Naive Inception Module"],
    },
  ),
  numeric(
    "cnn-two-3x3-weights",
    ["cnn-arithmetic"],
    [
      "5×5 필터 하나는 채널당 25개 가중치. 같은 영역을 보는 3×3 필터 두 층은 채널당 몇 개일까요?",
      "One 5×5 filter has 25 weights per channel. Two stacked 3×3 layers see the same area: how many weights per channel?",
    ],
    18,
    0,
    { why: ["(3 × 3) × 2 = 18 < 25", "(3 × 3) × 2 = 18 < 25"], from: [4, "Case study - Filter 5x5 vs (3x3)x2"] },
  ),
  multiple(
    "cnn-two-3x3-why",
    ["cnn-architectures"],
    ["5×5 필터 하나 대신 3×3 필터 두 층을 쓰는 이유를 모두 고르세요.", "Select every reason to use two 3×3 layers instead of one 5×5 filter."],
    [
      ["같은 5×5 영역(수용 영역)을 본다", "they see the same 5×5 area (receptive field)"],
      ["채널당 가중치가 25개에서 18개로 준다", "weights per channel drop from 25 to 18"],
      ["출력 특징 맵이 더 커진다", "the output feature map gets larger"],
      ["활성화 함수가 하나 더 들어가 비선형성이 커진다", "one more activation adds non-linearity"],
    ],
    [0, 1, 3],
    {
      why: [
        "같은 영역, 더 적은 파라미터, 층 사이 ReLU로 더 많은 비선형성. 출력 크기는 패딩이 정하며 더 커지지 않습니다.",
        "The same area, fewer parameters, and a ReLU in between for more non-linearity. The output size is set by padding and does not grow.",
      ],
      from: [4, "Case study - Filter 5x5 vs (3x3)x2"],
    },
  ),
  trueFalse(
    "conv-associative",
    ["cnn-architectures"],
    [
      "(f*g)*h = f*(g*h)이므로, 영상 f에 3×3 필터 g와 h를 차례로 적용한 것은 5×5 필터 g*h 하나를 적용한 것과 같다.",
      "Since (f*g)*h = f*(g*h), applying the 3×3 filters g and then h to an image f equals applying the single 5×5 filter g*h.",
    ],
    true,
    {
      why: [
        "참: 합성곱은 결합법칙이 성립하고 3×3 * 3×3 = 5×5입니다. 그래서 작은 필터를 쌓아 큰 필터의 효과를 냅니다(층 사이 비선형 함수가 없을 때).",
        "True: convolution is associative and 3×3 * 3×3 = 5×5, which is how stacked small filters act as a large one (without a non-linearity in between).",
      ],
      from: [3, "Convolution 연산자의 특징"],
    },
  ),
  single(
    "conv-edge-filter",
    ["cnn-architectures"],
    ["3×3 필터 [−1 0 1; −1 0 1; −1 0 1]은 영상에서 무엇을 찾을까요?", "What does the 3×3 filter [−1 0 1; −1 0 1; −1 0 1] find in an image?"],
    {
      right: ["세로(수직) 경계", "vertical edges"],
      wrong: [
        ["가로(수평) 경계", "horizontal edges"],
        ["흐린(블러) 영역", "blurred regions"],
        ["밝은 점(하이라이트)", "bright spots"],
      ],
      at: 0,
    },
    {
      why: [
        "오른쪽 열에서 왼쪽 열을 빼므로 좌우로 밝기가 바뀌는 곳, 곧 세로 경계에서 값이 커집니다. 가로 경계 필터는 행 방향으로 [1 1 1; 0 0 0; −1 −1 −1]입니다.",
        "It subtracts the left column from the right one, so it responds where brightness changes left to right: vertical edges. The horizontal-edge filter is [1 1 1; 0 0 0; −1 −1 −1].",
      ],
      from: [3, "영상에서의 Convolution"],
    },
  ),
  numeric(
    "conv-edge-flat",
    ["cnn-arithmetic"],
    [
      "픽셀 값이 모두 5인 평평한 3×3 영역에 필터 [−1 0 1; −1 0 1; −1 0 1]을 적용한 값(원소별 곱의 합)은?",
      "The filter [−1 0 1; −1 0 1; −1 0 1] is applied to a flat 3×3 patch whose pixels are all 5. What is the value (the sum of elementwise products)?",
    ],
    0,
    0,
    {
      why: [
        "3·(−5) + 3·0 + 3·5 = 0: 밝기 변화가 없으면 경계 필터는 0을 냅니다.",
        "3·(−5) + 3·0 + 3·5 = 0: with no change in brightness an edge filter gives 0.",
      ],
      from: [3, "영상에서의 Convolution"],
    },
    { time: 30 },
  ),
  multiple(
    "cnn-multiscale",
    ["cnn-architectures"],
    [
      "서로 다른 크기의 영상 특징을 얻으려고 CNN이 함께 쓰는 두 방법을 모두 고르세요.",
      "Select both ways a CNN combines to get image features of different sizes.",
    ],
    [
      ["필터가 보는 크기를 점점 크게 한다(층 쌓기)", "make the filters' view grow (stack layers)"],
      ["채널 수를 점점 줄여 1로 만든다", "shrink the channels down to one"],
      ["영상 크기를 점점 작게 한다(풀링)", "make the image smaller (pooling)"],
      ["층마다 학습률을 점점 키운다", "raise the learning rate layer by layer"],
    ],
    [0, 2],
    {
      why: [
        "1. 필터 사이즈를 점점 크게(3×3을 쌓으면 5×5, 7×7), 2. 영상 사이즈를 점점 작게(max pooling). 이 두 가지를 모두 넣은 것이 CNN입니다.",
        "1. Let the filter size grow (stacked 3×3s act as 5×5, 7×7); 2. let the image size shrink (max pooling). A CNN does both.",
      ],
      from: [3, "서로 다른 크기의 영상 feature를 만드는 두가지 방법"],
    },
  ),
  // ── CNN layers and architectures ──
  multiple(
    "cnn-fc-drawbacks",
    ["cnn-architectures"],
    ["강의 04가 말하는 완전연결(FC) 층의 단점을 모두 고르세요.", "Select every drawback of fully connected (FC) layers that lecture 04 names."],
    [
      ["비선형 활성화 함수를 쓸 수 없다", "they cannot use a non-linear activation"],
      ["이미지의 공간적 구조를 무시한다", "they ignore the image's spatial structure"],
      ["학습해야 할 가중치가 너무 많다", "they have too many weights to learn"],
      ["모든 위치에서 같은 필터를 공유한다", "they share one filter across all positions"],
    ],
    [1, 2],
    {
      why: [
        "FC 층은 데이터의 형상을 무시하고(공간 정보 손실) 가중치가 많습니다. 위치마다 같은 필터를 공유하는 것은 합성곱 층의 장점입니다.",
        "FC layers ignore the data's shape (losing spatial information) and have many weights. Sharing one filter across positions is the convolution layer's strength.",
      ],
      from: [4, "Convolution Neural Networks"],
    },
  ),
  single(
    "cnn-pool-what",
    ["cnn-architectures"],
    ["Max pooling 층이 하는 일은?", "What does a max-pooling layer do?"],
    {
      right: ["각 활성화 맵을 따로 줄여 작게 만든다", "shrinks each activation map on its own"],
      wrong: [
        ["채널들을 하나로 합쳐 깊이를 1로 만든다", "merges all channels into a depth of 1"],
        ["학습되는 필터로 새 특징을 뽑는다", "extracts new features with learned filters"],
        ["가장자리를 0으로 채워 크기를 지킨다", "pads the border with zeros to keep the size"],
      ],
      at: 3,
    },
    {
      why: [
        "풀링은 표현을 작고 다루기 쉽게 만들며 활성화 맵마다 따로 동작합니다(2×2, stride 2면 가로·세로 절반). 학습되는 가중치가 없습니다.",
        "Pooling makes representations smaller and more manageable and works on each activation map independently (2×2 at stride 2 halves width and height). It has no learned weights.",
      ],
      from: [4, "Pooling layer"],
    },
  ),
  single(
    "cnn-lenet-activation",
    ["cnn-architectures"],
    ["CNN의 시초가 된 LeNet-5(1998)가 쓴 활성화 함수는?", "Which activation did LeNet-5 (1998), the first CNN, use?"],
    {
      right: ["시그모이드", "sigmoid"],
      wrong: [
        ["ReLU", "ReLU"],
        ["Leaky ReLU", "Leaky ReLU"],
        ["소프트플러스", "softplus"],
      ],
      at: 2,
    },
    {
      why: [
        "LeNet-5는 시그모이드 계열을 썼습니다. 강의가 꼽는 ReLU의 첫 사용(first use of ReLU)은 2012년 AlexNet입니다.",
        "LeNet-5 used sigmoid-type activations; the lecture credits AlexNet (2012) with the first use of ReLU.",
      ],
      from: [4, "Case Study - LeNet-5"],
    },
  ),
  multiple(
    "cnn-alexnet-facts",
    ["cnn-architectures"],
    ["강의 04가 말하는 AlexNet(2012)의 특징을 모두 고르세요.", "Select everything lecture 04 says about AlexNet (2012)."],
    [
      ["ReLU를 처음 썼다", "first use of ReLU"],
      ["3×3 합성곱만 썼다", "only 3×3 convolutions"],
      ["층을 건너뛰는 연결을 썼다", "connections that skip layers"],
      ["드롭아웃 0.5를 썼다", "dropout 0.5"],
    ],
    [0, 3],
    {
      why: [
        "AlexNet: ReLU, 드롭아웃 0.5, GPU 계산, 배치 128, SGD 모멘텀 0.9. 3×3만 쓰는 것은 VGG, 건너뛰는 연결은 ResNet입니다.",
        "AlexNet: ReLU, dropout 0.5, GPU computation, batch 128, SGD momentum 0.9. Only-3×3 is VGG; skip connections are ResNet.",
      ],
      from: [4, "Case Study: AlexNet"],
    },
  ),
  single(
    "cnn-1x1-conv",
    ["cnn-architectures"],
    ["GoogLeNet이 3×3, 5×5 합성곱 앞에 1×1 합성곱을 넣는 이유는?", "Why does GoogLeNet put 1×1 convolutions before its 3×3 and 5×5 convolutions?"],
    {
      right: ["채널 수를 줄여 연산량을 줄이려고", "to cut channels, and so computation"],
      wrong: [
        ["가로·세로 크기를 절반으로 줄이려고", "to halve the width and the height"],
        ["수용 영역을 5×5보다 넓히려고", "to widen the receptive field past 5×5"],
        ["패딩 없이 크기를 유지하려고", "to keep the size without any padding"],
      ],
      at: 0,
    },
    {
      why: [
        "1×1 합성곱으로 차원(채널)을 줄이면 같은 모듈의 연산이 854M에서 358M으로 줄어듭니다. 가로·세로는 그대로입니다.",
        "Reducing the depth (channels) with 1×1 convolutions cuts the module from 854M to 358M operations; width and height are unchanged.",
      ],
      from: [4, "Case study - Naive Inception Module"],
    },
  ),
  single(
    "cnn-resnet-skip",
    ["cnn-architectures", "vanishing-gradient"],
    ["ResNet의 층을 건너뛰는 연결(skip connection)이 깊은 망의 학습을 돕는 이유는?", "Why do ResNet's skip connections help very deep networks train?"],
    {
      right: ["역전파 때 기울기가 건너서 그대로 전해져서", "gradients pass straight through them in backprop"],
      wrong: [
        ["건너뛴 만큼 파라미터 수가 절반이 되어서", "skipping halves the number of parameters"],
        ["건너뛴 층은 학습에서 빠져 과적합이 줄어서", "skipped layers stop training, so less overfitting"],
        ["건너뛴 출력이 드롭아웃처럼 무작위로 꺼져서", "skipped outputs drop out at random like dropout"],
      ],
      at: 1,
    },
    {
      why: [
        "건너뛰는 연결로 역전파 때 기울기가 그대로 전달되어 기울기 소실이 줄고, 152층 이상도 학습됩니다. LSTM 셀 상태의 덧셈 경로와 같은 생각입니다.",
        "The skip connection hands the gradient back unchanged, which reduces vanishing gradients and lets 152+ layers train: the same idea as the LSTM cell state's additive path.",
      ],
      from: [4, "Case study - ResNet"],
    },
  ),
  // ── Word embedding ──
  single(
    "we-distributional",
    ["word-embedding"],
    ["분포 가설(distributional hypothesis)이 말하는 것은?", "What does the distributional hypothesis say?"],
    {
      right: ["단어의 뜻은 주변 단어(맥락)가 만든다", "a word's meaning comes from its neighbours"],
      wrong: [
        ["단어의 의미는 그 철자(글자)가 정한다", "a word's meaning is fixed by its spelling"],
        ["뜻이 비슷한 단어는 길이도 비슷하다", "words alike in meaning are alike in length"],
        ["사람이 만든 사전이 단어 뜻을 정한다", "a hand-made thesaurus fixes every meaning"],
      ],
      at: 0,
    },
    {
      why: [
        "단어의 의미는 주변 단어에 의해 형성됩니다. 그래서 맥락(context)으로 단어를 벡터로 나타냅니다.",
        "A word's meaning is formed by the words around it, so words are represented as vectors from their context.",
      ],
      from: [4, "NLP - distributional hypothesis"],
    },
  ),
  numeric(
    "we-cooccurrence",
    ["word-embedding"],
    [
      "문장 'You say goodbye and I say hello.'에서 앞뒤 한 단어(윈도 크기 1)로 동시발생 행렬을 만듭니다. 'say' 행의 값을 모두 더하면?",
      "Build a co-occurrence matrix from 'You say goodbye and I say hello.' with a window of one word on each side. What is the sum of the 'say' row?",
    ],
    4,
    0,
    {
      why: [
        "say는 두 번 나오고 그 양옆은 you, goodbye, I, hello: 1 + 1 + 1 + 1 = 4.",
        "'say' appears twice; its neighbours are you, goodbye, I and hello: 1 + 1 + 1 + 1 = 4.",
      ],
      from: [4, "NLP - co-occurrence matrix (동시발생행렬)"],
    },
  ),
  multiple(
    "we-thesaurus",
    ["word-embedding"],
    [
      "시소러스(사람이 만든 유의어 사전)의 문제점으로 강의가 꼽은 것을 모두 고르세요.",
      "Select every problem of a thesaurus (a hand-made synonym dictionary) that the lecture names.",
    ],
    [
      ["시대에 따라 바뀌는 뜻을 따라가기 어렵다", "it hardly keeps up as meanings change"],
      ["컴퓨터가 읽을 수 없는 형식이다", "computers cannot read its format"],
      ["사람이 직접 만들어야 한다", "people have to build it by hand"],
      ["단어의 미묘한 차이를 구분하지 못한다", "it cannot tell subtle differences apart"],
    ],
    [0, 2, 3],
    {
      why: [
        "시대 변화에 대응하기 힘들고, 사람이 만들어야 하고, 미묘한 차이를 구분할 수 없습니다. 형식은 문제가 아닙니다(WordNet은 프로그램에서 씁니다).",
        "It is hard to keep current, people must make it, and it misses subtle differences. Its format is not the problem (WordNet is used from programs).",
      ],
      from: [4, "NLP - thesaurus"],
    },
  ),
  single(
    "we-cbow-vs-skipgram",
    ["word-embedding"],
    ["Word2Vec의 CBOW와 skip-gram은 무엇이 다를까요?", "How do Word2Vec's CBOW and skip-gram differ?"],
    {
      right: ["CBOW는 맥락→단어, skip-gram은 단어→맥락을 예측", "CBOW predicts context→word; skip-gram word→context"],
      wrong: [
        ["CBOW는 단어→맥락, skip-gram은 맥락→단어를 예측", "CBOW predicts word→context; skip-gram context→word"],
        ["CBOW는 글자 단위, skip-gram은 단어 단위로 학습", "CBOW learns characters; skip-gram learns words"],
        ["CBOW는 동시발생 행렬을 세고 skip-gram만 학습", "CBOW counts co-occurrences; only skip-gram learns"],
      ],
      at: 2,
    },
    {
      why: [
        "CBOW: 문맥으로부터 단어 예측(소규모 데이터에 유리). Skip-gram: 단어로부터 문맥 예측(대규모 데이터에 유리). 둘 다 추론 기반 기법입니다.",
        "CBOW predicts the word from its context (better on small data); skip-gram predicts the context from the word (better on large data). Both are inference-based.",
      ],
      from: [5, "분산 표현 (Distributed Representation)"],
    },
    { time: 40 },
  ),
  trueFalse(
    "we-skipgram-large",
    ["word-embedding"],
    ["강의 05에 따르면 대규모 데이터셋에서는 CBOW가 skip-gram보다 유리하다.", "According to lecture 05, CBOW does better than skip-gram on large datasets."],
    false,
    {
      why: ["거짓: 대규모 데이터셋에 유리한 것은 skip-gram, 소규모에 유리한 것은 CBOW입니다.", "False: skip-gram suits large datasets, CBOW small ones."],
      from: [5, "분산 표현 (Distributed Representation)"],
    },
  ),
  trueFalse(
    "we-similar-vectors",
    ["word-embedding"],
    [
      "잘 학습된 임베딩에서는 비슷한 맥락에 나오는 단어들의 벡터가 서로 가깝다.",
      "In a well-trained embedding, words that appear in similar contexts have vectors close to each other.",
    ],
    true,
    {
      why: [
        "참: 분포 가설대로 맥락으로 학습하므로 비슷한 맥락의 단어는 비슷한 벡터가 됩니다. 원-핫 벡터끼리는 내적이 늘 0이라 이런 비슷함이 없습니다.",
        "True: learnt from context, as the distributional hypothesis says, words in similar contexts get similar vectors; one-hot vectors always have dot product 0 and carry no such similarity.",
      ],
      from: [4, "NLP - Word Embedding"],
    },
  ),
  text(
    "we-cbow-name",
    ["word-embedding"],
    [
      "주변 단어(맥락)로 가운데 단어를 예측하는 Word2Vec 방식의 이름은?",
      "What is the Word2Vec method called that predicts the middle word from the surrounding words (the context)?",
    ],
    ["CBOW", "C-BOW", "continuous bag of words", "continuous bag-of-words", "씨보우", "시보우"],
    {
      why: [
        "CBOW(continuous bag of words). 반대로 단어로 맥락을 예측하는 것이 skip-gram입니다.",
        "CBOW (continuous bag of words); predicting the context from the word is skip-gram.",
      ],
      from: [4, "NLP - Word2Vec - CBOW"],
    },
  ),
  single(
    "we-embedding-lookup",
    ["word-embedding", "one-hot"],
    [
      "원-핫 벡터(1×1,000,000)에 임베딩 행렬 W(1,000,000×100)를 곱하면 실제로 일어나는 일은?",
      "What actually happens when a one-hot vector (1×1,000,000) is multiplied by the embedding matrix W (1,000,000×100)?",
    ],
    {
      right: ["W에서 그 단어의 행 하나를 꺼낸다", "it picks out that word's row of W"],
      wrong: [
        ["W에서 그 단어의 열 하나를 꺼낸다", "it picks out that word's column of W"],
        ["W의 모든 행을 더해 평균을 낸다", "it averages all the rows of W"],
        ["W와 같은 크기의 새 행렬이 나온다", "it yields a new matrix the size of W"],
      ],
      at: 1,
    },
    {
      why: [
        "1이 있는 자리의 행만 남으므로 결과 h(1×100)는 W의 한 행입니다. 그래서 임베딩은 곱셈 대신 행 조회(lookup)로 구현합니다.",
        "Only the row at the 1 survives, so the result h (1×100) is one row of W; embeddings are therefore implemented as a row lookup, not a multiplication.",
      ],
      from: [4, "NLP - Word Embedding"],
    },
  ),
  single(
    "we-king-queen",
    ["word-embedding"],
    ["잘 학습된 단어 벡터에서 king − man + woman과 가장 가까운 단어는?", "In well-trained word vectors, which word is closest to king − man + woman?"],
    {
      right: ["queen", "queen"],
      wrong: [
        ["prince", "prince"],
        ["woman", "woman"],
        ["kingdom", "kingdom"],
      ],
      at: 3,
    },
    {
      why: [
        "벡터의 차이 man→woman이 king→queen과 비슷하게 학습되어, 의미의 관계가 벡터 덧셈·뺄셈으로 나타납니다.",
        "The offset man→woman is learnt close to king→queen, so relations between meanings show up as vector arithmetic.",
      ],
      from: [4, "NLP - Word Embedding"],
    },
  ),
  // ── Attention and the Transformer ──
  single(
    "attn-formula",
    ["attention"],
    ["트랜스포머의 (scaled dot-product) 어텐션 식은?", "What is the Transformer's (scaled dot-product) attention?"],
    {
      right: ["softmax(QKᵀ / √d_k) · V", "softmax(QKᵀ / √d_k) · V"],
      wrong: [
        ["softmax(QVᵀ / √d_k) · K", "softmax(QVᵀ / √d_k) · K"],
        ["softmax(Q + K) · V / d_k", "softmax(Q + K) · V / d_k"],
        ["QKᵀ · softmax(V / √d_k)", "QKᵀ · softmax(V / √d_k)"],
      ],
      at: 2,
    },
    {
      why: [
        "Query와 Key의 내적으로 어텐션 점수를 얻고, 소프트맥스로 가중치를 만들어 Value들을 선형 결합합니다.",
        "Query·Key dot products give attention scores; softmax turns them into weights that combine the Values linearly.",
      ],
      from: [4, "3.2 Multi-Head Attention"],
    },
  ),
  single(
    "attn-scale",
    ["attention"],
    ["어텐션 점수 QKᵀ를 √d_k로 나누는 이유는?", "Why are the attention scores QKᵀ divided by √d_k?"],
    {
      right: ["헤드 차원과 상관없이 내적을 안정시키려고", "to keep dot products stable for any d_k"],
      wrong: [
        ["확률의 합이 1이 되도록 맞추려고", "to make the attention weights sum to 1"],
        ["Q와 K의 벡터 길이를 같게 맞추려고", "to make the Q and K vectors equally long"],
        ["디코더가 미래 토큰을 못 보게 하려고", "to stop the decoder seeing future tokens"],
      ],
      at: 0,
    },
    {
      why: [
        "d_k가 크면 내적이 커져 소프트맥스가 한쪽으로 쏠립니다. √d_k로 나누면 헤드 차원과 관계없이 안정됩니다. 합이 1인 것은 소프트맥스, 미래를 가리는 것은 마스크의 일입니다.",
        "With a large d_k dot products grow and softmax saturates; dividing by √d_k keeps them stable whatever the head size. Summing to 1 is softmax's job; hiding the future is the mask's.",
      ],
      from: [4, "3.2 Multi-Head Attention"],
    },
  ),
  single(
    "attn-positional",
    ["attention"],
    [
      "트랜스포머가 입력 임베딩에 위치 인코딩(positional encoding)을 더하는 이유는?",
      "Why does the Transformer add a positional encoding to the input embeddings?",
    ],
    {
      right: ["어텐션만으로는 순서를 알 수 없어서", "attention alone cannot see token order"],
      wrong: [
        ["단어 임베딩 벡터의 차원을 줄이려고", "to reduce the embeddings' dimension"],
        ["디코더가 미래 토큰을 못 보게 하려고", "to hide future tokens from the decoder"],
        ["어휘에 없는 단어를 처리하려고", "to handle words outside the vocabulary"],
      ],
      at: 3,
    },
    {
      why: [
        "어텐션 레이어는 CNN, RNN과 달리 위치 정보가 출력에 반영되지 않으므로 sin·cos로 만든 위치 값을 임베딩에 더합니다.",
        "Unlike a CNN or an RNN, an attention layer does not reflect positions in its output, so position values made of sin and cos are added to the embeddings.",
      ],
      from: [4, "3.1.1 Transformer – Encoder"],
    },
  ),
  trueFalse(
    "attn-masked",
    ["attention"],
    [
      "트랜스포머 디코더의 Masked Multi-Head Attention은 현재보다 과거의 정보만 참조하도록 마스크를 쓴다.",
      "The Transformer decoder's masked multi-head attention uses a mask so that it refers only to information before the current position.",
    ],
    true,
    {
      why: [
        "참: 다음 토큰을 예측할 때 아직 생성하지 않은 미래 토큰을 보면 안 되기 때문입니다.",
        "True: when predicting the next token it must not see future tokens it has not generated yet.",
      ],
      from: [4, "3.1.2 Transformer – Decoder"],
    },
  ),
  trueFalse(
    "attn-encoder-decoder",
    ["attention", "rnn-architectures"],
    ["트랜스포머는 인코더 없이 디코더만으로 된 구조라서 seq2seq 모델이 아니다.", "The Transformer is a decoder with no encoder, so it is not a seq2seq model."],
    false,
    {
      why: [
        "거짓: 입력을 인코딩하는 Encoder와 출력을 디코딩하는 Decoder로 구성된 seq2seq 구조이며, 디코더가 어텐션으로 인코더의 정보를 가져옵니다.",
        "False: it is a seq2seq model made of an Encoder for the inputs and a Decoder for the outputs, and the decoder fetches the encoder's information through attention.",
      ],
      from: [4, "3.1 Transformer"],
    },
  ),
  // ── TensorFlow's RNN API (lecture 05) ──
  single(
    "tf-basicrnncell-units",
    ["tensorflow-api"],
    ["BasicRNNCell(num_units)의 num_units는 무엇일까요?", "What is num_units in BasicRNNCell(num_units)?"],
    {
      right: ["셀의 은닉 노드(유닛) 수", "the number of hidden nodes in the cell"],
      wrong: [
        ["입력 시퀀스의 타임스텝 수", "the number of time steps in the input"],
        ["층으로 쌓을 RNN 셀의 수", "the number of RNN cells stacked as layers"],
        ["어휘(글자 종류)의 크기", "the size of the vocabulary"],
      ],
      at: 1,
    },
    {
      why: [
        "RNN cell의 hidden node의 수입니다. 타임스텝 수는 입력이, 층 수는 MultiRNNCell이 정합니다.",
        "It is the number of hidden nodes of the RNN cell. The input sets the time steps; MultiRNNCell sets the layers.",
      ],
      from: [5, "BasicRNNCell"],
    },
  ),
  single(
    "tf-forget-bias",
    ["tensorflow-api", "lstm-gates"],
    [
      "BasicLSTMCell(num_units, forget_bias=1.0)에서 forget_bias=1.0이 하는 일은?",
      "In BasicLSTMCell(num_units, forget_bias=1.0), what does forget_bias=1.0 do?",
    ],
    {
      right: ["망각 편향을 1로 시작해 처음엔 기억을 남긴다", "starts the forget bias at 1 so memory is kept at first"],
      wrong: [
        ["망각 게이트를 항상 1로 고정해 아무것도 잊지 않는다", "pins the forget gate at 1 so it never forgets anything"],
        ["셀 상태에 매 스텝 1을 더해 기억을 키운다", "adds 1 to the cell state at every single step"],
        ["망각 게이트의 학습률을 1.0으로 정한다", "sets the forget gate's learning rate to 1.0"],
      ],
      at: 2,
    },
    {
      why: [
        "Forget gate의 bias 초기값입니다. f = σ(W·[h, x] + b_f)에서 b_f = 1이면 처음부터 σ(1) ≈ 0.73으로 기억을 대부분 남기고, 이후 학습으로 바뀝니다.",
        "It is the forget gate's initial bias. With b_f = 1 in f = σ(W·[h, x] + b_f), f starts near σ(1) ≈ 0.73, keeping most of the memory, and training changes it afterwards.",
      ],
      from: [5, "BasicLSTMCell"],
    },
    { time: 40 },
  ),
  trueFalse(
    "tf-rnncell-parent",
    ["tensorflow-api"],
    [
      "tf.contrib.rnn.RNNCell은 RNN, LSTM, GRU 셀들의 부모 클래스(기본 인터페이스)이다.",
      "tf.contrib.rnn.RNNCell is the parent class (base interface) of the RNN, LSTM and GRU cells.",
    ],
    true,
    {
      why: [
        "참: BasicRNNCell, BasicLSTMCell, GRUCell, LSTMCell 모두 RNNCell을 구현하므로 dynamic_rnn에 똑같이 넣을 수 있습니다.",
        "True: BasicRNNCell, BasicLSTMCell, GRUCell and LSTMCell all implement RNNCell, so dynamic_rnn accepts any of them.",
      ],
      from: [5, "RNN Cell"],
    },
  ),
  trueFalse(
    "tf-rnn-activation",
    ["tensorflow-api"],
    ["BasicRNNCell의 activation 인자의 기본값은 ReLU이다.", "BasicRNNCell's activation argument defaults to ReLU."],
    false,
    {
      why: [
        "거짓: BasicRNNCell(num_units, input_size=None, activation=tanh): 기본값은 tanh로, 강의의 h_t = tanh(W_hh·h_{t-1} + W_xh·x_t)와 같습니다.",
        "False: BasicRNNCell(num_units, input_size=None, activation=tanh) defaults to tanh, matching the lectures' h_t = tanh(W_hh·h_{t-1} + W_xh·x_t).",
      ],
      from: [5, "BasicRNNCell"],
    },
  ),
  multiple(
    "tf-gru-not-lstm",
    ["tensorflow-api", "gru"],
    ["강의 05의 셀 목록에서 LSTM 계열이 아닌 것을 모두 고르세요.", "From lecture 05's list of cells, select every one that is not an LSTM."],
    [
      ["BasicLSTMCell", "BasicLSTMCell"],
      ["LSTMCell", "LSTMCell"],
      ["GRUCell", "GRUCell"],
      ["LayerNormBasicLSTMCell", "LayerNormBasicLSTMCell"],
    ],
    [2],
    {
      why: [
        "GRUCell만 GRU입니다: LSTM보다 간단한 구조(게이트 z, r, 셀 상태 없음). 나머지 셋은 모두 LSTM 셀입니다.",
        "Only GRUCell is a GRU: a simpler structure than the LSTM (gates z and r, no cell state). The other three are LSTM cells.",
      ],
      from: [5, "Default RNN Cells in Tensorflow"],
    },
  ),
  single(
    "tf-multirnncell",
    ["tensorflow-api"],
    ["MultiRNNCell([cell] * num_layers)은 무엇을 만들까요?", "What does MultiRNNCell([cell] * num_layers) build?"],
    {
      right: ["셀을 층으로 쌓은 깊은 RNN", "a deep RNN with the cells stacked as layers"],
      wrong: [
        ["같은 셀을 타임스텝 수만큼 펼친 RNN", "the same cell unrolled over the time steps"],
        ["여러 셀의 출력을 평균 내는 앙상블", "an ensemble averaging several cells' outputs"],
        ["셀마다 다른 입력을 받는 병렬 RNN", "parallel RNNs, each given different inputs"],
      ],
      at: 3,
    },
    {
      why: [
        "RNN 셀의 리스트를 넘기면 층으로 쌓습니다: 아래 층의 출력 h가 위 층의 입력이 됩니다. 시간 방향으로 펼치는 것은 dynamic_rnn입니다.",
        "Given a list of cells it stacks them as layers: each layer's output h is the next layer's input. Unrolling over time is dynamic_rnn's job.",
      ],
      from: [5, "Multi RNN"],
    },
  ),
  text(
    "tf-multirnn-name",
    ["tensorflow-api"],
    [
      "강의 05에서 RNN 셀 여러 개를 층으로 쌓아 주는 래퍼 클래스의 이름은?",
      "In lecture 05, what is the wrapper class called that stacks several RNN cells as layers?",
    ],
    [
      "MultiRNNCell",
      "tf.contrib.rnn.MultiRNNCell",
      "contrib.rnn.MultiRNNCell",
      "rnn.MultiRNNCell",
      "tf.nn.rnn_cell.MultiRNNCell",
      "rnn_cell.MultiRNNCell",
      "Multi RNN Cell",
      "멀티 RNN 셀",
    ],
    {
      why: [
        "MultiRNNCell(cells): 셀 리스트를 층으로 쌓습니다. 층 사이 드롭아웃은 DropoutWrapper로 넣습니다.",
        "MultiRNNCell(cells) stacks a list of cells as layers; dropout between the layers comes from DropoutWrapper.",
      ],
      from: [5, "Multi RNN"],
    },
  ),
  single(
    "tf-dropoutwrapper",
    ["tensorflow-api", "overfitting"],
    [
      "각 셀을 DropoutWrapper(cell, output_keep_prob=0.5)로 감싸 MultiRNNCell로 쌓으면?",
      "Each cell is wrapped in DropoutWrapper(cell, output_keep_prob=0.5) and stacked with MultiRNNCell. What happens?",
    ],
    {
      right: ["층 사이 출력의 절반쯤이 학습 중 꺼진다", "in training, about half of the layer outputs drop out"],
      wrong: [
        ["셀 상태의 절반이 매 스텝 0으로 바뀐다", "half of the cell state is set to 0 at every single step"],
        ["입력 글자의 절반이 데이터에서 빠진다", "half of the input characters are removed from the data"],
        ["학습 중에 층 수가 절반으로 줄어든다", "the number of layers is halved while training"],
      ],
      at: 0,
    },
    {
      why: [
        "DropoutWrapper로 layer 간에 dropout을 적용합니다: 각 층의 출력을 keep 확률 0.5로 남깁니다. 셀 상태나 데이터는 그대로입니다.",
        "DropoutWrapper applies dropout between layers: each layer's outputs are kept with probability 0.5. The cell state and the data are untouched.",
      ],
      from: [5, "Multi RNN"],
    },
    { time: 40 },
  ),
  multiple(
    "tf-dynamic-rnn",
    ["tensorflow-api"],
    [
      "outputs, states = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)에 대해 옳은 것을 모두 고르세요.",
      "Select everything true of outputs, states = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32).",
    ],
    [
      ["initial_state를 반드시 넘겨야 한다", "initial_state must always be passed"],
      ["outputs에는 모든 타임스텝의 출력이 들어 있다", "outputs holds the output of every time step"],
      ["states는 마지막 타임스텝의 셀 상태이다", "states is the cell's state after the last step"],
      ["cell은 RNNCell의 인스턴스이다", "cell is an instance of RNNCell"],
    ],
    [1, 2, 3],
    {
      why: [
        "dynamic_rnn은 셀을 시간 방향으로 펼쳐 (모든 스텝의 출력, 마지막 상태)를 돌려줍니다. initial_state는 선택이며, 없으면 dtype을 주고 0으로 시작합니다.",
        "dynamic_rnn unrolls the cell over time and returns (every step's output, the final state). initial_state is optional; without it, pass dtype and the state starts at zeros.",
      ],
      from: [5, "RNN Constructing Module"],
    },
  ),
  // ── Lecture 05's text generation exercise ──
  numeric(
    "textgen-lstm-params",
    ["text-generation", "lstm-gates"],
    [
      "강의 05 실습: 글자 59종을 원-핫으로 넣는 LSTM 1층, 은닉 유닛 128, 게이트마다 편향 하나. LSTM 층의 파라미터 수는?",
      "Lecture 05's exercise: a one-layer LSTM over 59 one-hot characters with 128 hidden units and one bias per gate. How many parameters does the LSTM layer have?",
    ],
    96256,
    0,
    { why: ["4·(128·(128 + 59) + 128) = 4·24,064 = 96,256", "4·(128·(128 + 59) + 128) = 4·24,064 = 96,256"], from: [5, "Text Generation (4/5)"] },
    { time: 60 },
  ),
  numeric(
    "textgen-windows",
    ["text-generation"],
    [
      "글자 10,000개짜리 텍스트에서 40글자 입력과 그다음 1글자 정답을 1글자씩 옮겨 가며 만들면 (입력, 정답) 예제는 몇 개일까요?",
      "From a 10,000-character text, windows of 40 input characters plus the next character as target are taken, moving one character at a time. How many (input, target) examples?",
    ],
    9960,
    0,
    {
      why: ["시작 위치 i는 i + 40 ≤ 9,999여야 하므로 0…9,959: N − 40 = 9,960개.", "The start i needs i + 40 ≤ 9,999, so 0…9,959: N − 40 = 9,960 examples."],
      from: [5, "Text Generation (3/5)"],
    },
  ),
  numeric(
    "textgen-batch-numbers",
    ["text-generation", "one-hot"],
    [
      "강의 05 실습의 한 배치 원-핫 입력(배치 128, 40스텝, 글자 59종)에는 숫자가 몇 개 들어 있을까요?",
      "How many numbers are in one batch of lecture 05's one-hot input (batch 128, 40 steps, 59 characters)?",
    ],
    302080,
    0,
    {
      why: ["128 × 40 × 59 = 302,080 (그중 1은 128 × 40 = 5,120개뿐).", "128 × 40 × 59 = 302,080 (only 128 × 40 = 5,120 of them are 1s)."],
      from: [5, "Text Generation (4/5)"],
    },
  ),
  multiple(
    "textgen-settings",
    ["text-generation", "training"],
    ["강의 05 실습의 학습 설정을 모두 고르세요.", "Select every training setting of lecture 05's exercise."],
    [
      ["SGD, 학습률 1.0", "SGD, learning rate 1.0"],
      ["Adam, 학습률 0.01", "Adam, learning rate 0.01"],
      ["LSTM 2층, 은닉 512", "2 LSTM layers of 512"],
      ["배치 크기 128", "batch size 128"],
    ],
    [1, 3],
    {
      why: [
        "Adam optimizer, learning rate 0.01, batch size 128, LSTM hidden 128개의 1층 LSTM입니다.",
        "Adam optimizer, learning rate 0.01, batch size 128, and one LSTM layer of 128 hidden units.",
      ],
      from: [5, "Text Generation (4/5)"],
    },
  ),
  single(
    "textgen-feedback",
    ["text-generation"],
    [
      "강의 05 실습에서 글을 생성할 때 매 스텝 다음 입력으로 넣는 것은?",
      "When lecture 05's exercise generates text, what is fed in as the next input at each step?",
    ],
    {
      right: ["방금 모델이 생성한 글자", "the character the model just generated"],
      wrong: [
        ["원문에서 그다음에 오는 글자", "the next character of the original text"],
        ["매번 처음의 시작 글자", "the seed character, every time"],
        ["확률이 가장 낮았던 글자", "the least likely character"],
      ],
      at: 2,
    },
    {
      why: [
        "생성되는 character를 다시 input으로 사용합니다(1000 iteration마다 200글자). 원문의 다음 글자는 학습할 때의 정답이지, 생성할 때는 없습니다.",
        "Each generated character is used as the next input (200 characters every 1000 iterations). The original text's next character is the target while training; there is none when generating.",
      ],
      from: [5, "Text Generation (5/5)"],
    },
  ),
  trueFalse(
    "charrnn-any-text",
    ["text-generation"],
    [
      "같은 char-RNN을 LaTeX 수학 문서나 리눅스 C 코드로 학습시키면, 괄호와 문법 같은 형식까지 그럴듯하게 흉내 낸 글을 만든다.",
      "Trained on LaTeX maths or Linux C code, the same char-RNN writes text that imitates the format, brackets and syntax included.",
    ],
    true,
    {
      why: [
        "참: 글자 단위 모델은 어떤 텍스트든 배웁니다. 강의의 생성된 C 코드는 문법은 그럴듯하지만 뜻은 없습니다.",
        "True: a character-level model learns any text. The lecture's generated C code looks syntactically right but means nothing.",
      ],
      from: [[1, 2], "Generated C code"],
    },
  ),
  trueFalse(
    "textgen-char-level",
    ["text-generation"],
    ["강의 05 실습의 LSTM은 단어 단위로 입력을 받아 다음 단어를 예측한다.", "Lecture 05's exercise LSTM takes words as input and predicts the next word."],
    false,
    {
      why: [
        "거짓: word 단위가 아닌 character 단위로, 글자 59종을 인덱스로 바꿔 40글자 다음의 글자 하나를 예측합니다.",
        "False: it works on characters, not words: the 59 characters become indices and it predicts the one character after 40.",
      ],
      from: [5, "실습: Text Generation(1/5)"],
    },
  ),
  ordering(
    "samples-progress",
    ["text-generation", "training"],
    [
      "char-RNN을 학습할수록 샘플은 어떻게 변할까요? 이른 것부터 순서대로 놓으세요.",
      "How do a char-RNN's samples change as it trains? Put them in order, earliest first.",
    ],
    [
      ["무작위 글자 나열: tyntd-iafhatawiaoahrdemot", "random letters: tyntd-iafhatawiaoahrdemot"],
      ['단어 비슷한 덩어리와 따옴표: "Tmont thithey"', 'word-like chunks and quotes: "Tmont thithey"'],
      ["진짜 단어, 어색한 문장: Aftair fall unsuch that the hall", "real words, odd sentences: Aftair fall unsuch that the hall"],
      ["그럴듯한 문장과 이름: replied Natasha", "plausible sentences and names: replied Natasha"],
    ],
    {
      why: [
        "모델은 먼저 글자 빈도와 공백을, 다음에 단어 모양을, 그다음에 문법과 긴 구조를 배웁니다 (train more ↓).",
        "The model learns letter frequencies and spaces first, then word shapes, then grammar and longer structure (train more ↓).",
      ],
      from: [1, "RNN으로 소설쓰기"],
    },
  ),
  // ── The autocomplete example ──
  single(
    "auto-next",
    ["autocomplete"],
    [
      "'기억 속으로'로 학습한 자동완성 모델에 '기'를 넣으면 다음에 나와야 할 글자는?",
      "An autocomplete model trained on '기억 속으로' is given '기'. Which character should come next?",
    ],
    {
      right: ["억", "억"],
      wrong: [
        ["속", "속"],
        ["로", "로"],
        ["' ' (공백)", "' ' (a space)"],
      ],
      at: 0,
    },
    {
      why: [
        "학습 쌍 기→억: '기'의 원-핫을 넣으면 '억'의 확률이 가장 높게 나오도록 학습합니다.",
        "The training pair 기→억: given the one-hot of '기', the model learns to give '억' the highest probability.",
      ],
      from: [[1, 2], "자동완성 예시"],
    },
  ),
  numeric(
    "auto-pairs",
    ["autocomplete"],
    [
      "'기억 속으로'(공백 포함 6글자)로 다음 글자 예측을 학습하면 (입력, 정답) 쌍은 몇 개일까요?",
      "Training next-character prediction on '기억 속으로' (6 characters, space included): how many (input, target) pairs?",
    ],
    5,
    0,
    {
      why: [
        "기→억, 억→' ', ' '→속, 속→으, 으→로: 6 − 1 = 5쌍. 마지막 글자 '로' 뒤에는 정답이 없습니다.",
        "기→억, 억→' ', ' '→속, 속→으, 으→로: 6 − 1 = 5 pairs; the last character '로' has no target.",
      ],
      from: [[1, 2], "자동완성 예시"],
    },
  ),
  text(
    "auto-complete-word",
    ["autocomplete"],
    ["'기억 속'까지 입력했을 때 학습된 모델이 완성할 나머지 두 글자는?", "Given '기억 속', which two characters does the trained model complete?"],
    [
      "으로",
      "'으로'",
      '"으로"',
      "‘으로’",
      "“으로”",
      "「으로」",
      "으, 로",
      "으 로",
      "속으로",
      "기억 속으로",
      "'기억 속으로'",
      '"기억 속으로"',
      "‘기억 속으로’",
      "“기억 속으로”",
    ],
    {
      why: ["속→으, 으→로를 차례로 예측해 '기억 속으로'를 완성합니다.", "It predicts 속→으 and then 으→로, completing '기억 속으로'."],
      from: [[1, 2], "자동완성 예시"],
    },
  ),
];

/** The built-in questions carrying `tag` (the "new quiz from a built-in topic" action). */
export function builtinByTag(tag: QuizTag): BuiltinQuestion[] {
  return BUILTIN_QUESTIONS.filter((b) => (b.question.tags ?? []).includes(tag));
}
