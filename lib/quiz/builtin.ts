/**
 * The built-in question bank, written from the five Korean lecture decks the course is built on
 * (RNN novel writing overview, hands-on RNN/LSTM, intro to CNN/RNN, TensorFlow CNN/RNN/NLP,
 * TensorFlow RNN cells and text generation): RNN recurrence
 * and weight sharing, one-hot and cross-entropy, BPTT and vanishing gradients, LSTM gates and
 * the cell state's additive path, GRU, temperature sampling, overfitting and dropout, CNN
 * arithmetic and the '기억 속으로' autocomplete example. Every numeric answer is recomputed from
 * its formula in lib/quiz/builtin.test.ts. Ids are stable: instructors copy by id.
 */
import type { QuestionDraftInput } from "./questions";
import type { QuizTag } from "./tags";

export interface BuiltinQuestion {
  id: string;
  question: QuestionDraftInput;
}

type Pair = [ko: string, en: string];
const t = ([ko, en]: Pair) => ({ ko, en });
interface Extra {
  explain?: Pair;
  time?: number;
  multiplier?: number;
}
const extra = (x: Extra = {}) => ({
  explanation: x.explain ? t(x.explain) : null,
  timeLimitSec: x.time ?? 20,
  pointsMultiplier: x.multiplier ?? 1,
});

function single(id: string, tags: QuizTag[], prompt: Pair, options: Pair[], correct: number, x?: Extra): BuiltinQuestion {
  return { id, question: { type: "single", prompt: t(prompt), options: options.map(t), correct, tags, ...extra(x) } };
}
function multiple(id: string, tags: QuizTag[], prompt: Pair, options: Pair[], correct: number[], x?: Extra): BuiltinQuestion {
  return { id, question: { type: "multiple", prompt: t(prompt), options: options.map(t), correct, tags, ...extra({ time: 30, ...x }) } };
}
function trueFalse(id: string, tags: QuizTag[], prompt: Pair, correct: boolean, x?: Extra): BuiltinQuestion {
  return { id, question: { type: "truefalse", prompt: t(prompt), correct, tags, ...extra({ time: 15, ...x }) } };
}
function numeric(id: string, tags: QuizTag[], prompt: Pair, answer: number, tolerance: number, x?: Extra): BuiltinQuestion {
  return { id, question: { type: "numeric", prompt: t(prompt), answer, tolerance, tags, ...extra({ time: 45, ...x }) } };
}
function text(id: string, tags: QuizTag[], prompt: Pair, accepted: string[], x?: Extra): BuiltinQuestion {
  return { id, question: { type: "text", prompt: t(prompt), accepted, tags, ...extra({ time: 30, ...x }) } };
}
function ordering(id: string, tags: QuizTag[], prompt: Pair, items: Pair[], x?: Extra): BuiltinQuestion {
  return { id, question: { type: "ordering", prompt: t(prompt), items: items.map(t), tags, ...extra({ time: 40, ...x }) } };
}

export const BUILTIN_QUESTIONS: readonly BuiltinQuestion[] = [
  // ── Recurrence and weight sharing ──
  single(
    "rnn-inputs",
    ["recurrence"],
    ["RNN은 새 은닉 상태 h_t를 무엇으로 계산할까요?", "What does an RNN compute its new hidden state h_t from?"],
    [["x_t만", "x_t only"], ["이전 은닉 상태 h_{t-1}과 현재 입력 x_t", "the previous hidden state h_{t-1} and the input x_t"], ["h_{t-1}만", "h_{t-1} only"], ["이전 출력 y_{t-1}만", "the previous output y_{t-1} only"]],
    1,
    { explain: ["h_t = f_W(h_{t-1}, x_t) — 예: h_t = tanh(W_hh·h_{t-1} + W_xh·x_t)", "h_t = f_W(h_{t-1}, x_t), e.g. h_t = tanh(W_hh·h_{t-1} + W_xh·x_t)"] },
  ),
  trueFalse(
    "rnn-shared-weights",
    ["recurrence"],
    ["RNN은 모든 타임스텝에서 같은 W_hh, W_xh, W_hy를 사용한다.", "An RNN uses the same W_hh, W_xh and W_hy at every time step."],
    true,
    { explain: ["f_W는 하나입니다: 데이터만 바뀌고 가중치는 공유됩니다.", "There is one f_W: only the data changes, the weights are shared."] },
  ),
  single(
    "rnn-any-length",
    ["recurrence"],
    ["RNN이 고정된 수의 파라미터로 어떤 길이의 문장이든 처리할 수 있는 이유는?", "Why can an RNN process a sequence of any length with a fixed number of parameters?"],
    [["모든 타임스텝이 같은 가중치를 공유하므로", "every time step shares the same weights"], ["입력을 모두 따로 저장하므로", "it stores every input separately"], ["타임스텝마다 다른 층을 쓰므로", "it uses a different layer per time step"], ["순서를 무시하므로", "it ignores the order"]],
    0,
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
    { explain: ["W_xh 2×3 = 6, W_hh 2×2 = 4, W_hy 3×2 = 6 → 16", "W_xh 2×3 = 6, W_hh 2×2 = 4, W_hy 3×2 = 6 → 16"] },
  ),
  multiple(
    "rnn-sequence-data",
    ["recurrence"],
    ["RNN이 잘 맞는 순서(시퀀스) 데이터를 모두 고르세요.", "Select every kind of sequence data an RNN suits."],
    [["문장 속 글자들", "the characters of a sentence"], ["주가 시계열", "a stock price time series"], ["음성 신호", "a speech signal"], ["순서 없이 섞은 사진 한 장 한 장", "unrelated photos in no order"]],
    [0, 1, 2],
  ),
  // ── One-hot ──
  numeric(
    "onehot-length",
    ["one-hot", "autocomplete"],
    ["글자 보관함이 [' ', '기', '억', '속', '으', '로']일 때 원-핫 벡터의 길이는?", "With the vocabulary [' ', '기', '억', '속', '으', '로'], how long is a one-hot vector?"],
    6,
    0,
    { time: 20 },
  ),
  single(
    "onehot-eok",
    ["one-hot", "autocomplete"],
    ["글자 보관함 [' ', '기', '억', '속', '으', '로']에서 '억'의 원-핫 벡터는?", "In the vocabulary [' ', '기', '억', '속', '으', '로'], which is the one-hot vector of '억'?"],
    [["0 0 1 0 0 0", "0 0 1 0 0 0"], ["0 1 0 0 0 0", "0 1 0 0 0 0"], ["0 0 0 1 0 0", "0 0 0 1 0 0"], ["1 1 1 0 0 0", "1 1 1 0 0 0"]],
    0,
    { explain: ["'억'은 보관함의 세 번째(인덱스 2) 글자입니다.", "'억' is the third character (index 2) of the vocabulary."] },
  ),
  trueFalse("onehot-single-one", ["one-hot"], ["원-핫 벡터는 정확히 한 자리만 1이고 나머지는 모두 0이다.", "A one-hot vector has exactly one entry equal to 1 and all others 0."], true),
  numeric(
    "onehot-dot",
    ["one-hot"],
    ["서로 다른 두 글자의 원-핫 벡터를 내적하면 얼마일까요?", "What is the dot product of the one-hot vectors of two different characters?"],
    0,
    0,
    { time: 20 },
  ),
  // ── Softmax and cross-entropy ──
  single(
    "ce-which-loss",
    ["cross-entropy"],
    ["다음 글자 예측(분류)에 쓰는 손실 함수는?", "Which loss does next-character prediction (a classification) use?"],
    [["교차 엔트로피", "cross-entropy"], ["평균 제곱 오차", "mean squared error"], ["힌지 손실", "hinge loss"], ["L1 손실", "L1 loss"]],
    0,
  ),
  numeric(
    "ce-bits-quarter",
    ["cross-entropy"],
    ["모델이 정답 글자에 확률 0.25를 주었습니다. 교차 엔트로피 손실은 몇 비트일까요? (log₂)", "The model gives the correct next character probability 0.25. What is the cross-entropy loss in bits (log₂)?"],
    2,
    0.01,
    { explain: ["−log₂ 0.25 = 2", "−log₂ 0.25 = 2"] },
  ),
  numeric(
    "ce-uniform-64",
    ["cross-entropy"],
    ["글자 64개에 모두 같은 확률을 주는 모델의 글자당 손실은 몇 비트일까요?", "A model that gives all 64 characters the same probability: what is its loss in bits per character?"],
    6,
    0.01,
    { explain: ["−log₂(1/64) = log₂ 64 = 6", "−log₂(1/64) = log₂ 64 = 6"] },
  ),
  trueFalse("ce-perfect", ["cross-entropy"], ["정답 글자에 확률 1을 주면 교차 엔트로피 손실은 0이다.", "If the model gives the correct character probability 1, the cross-entropy loss is 0."], true),
  single(
    "softmax-what",
    ["softmax"],
    ["소프트맥스는 점수(logit)를 무엇으로 바꿀까요?", "What does softmax turn scores (logits) into?"],
    [["합이 1인 확률", "probabilities that sum to 1"], ["원-핫 벡터", "a one-hot vector"], ["기울기", "gradients"], ["정수", "integers"]],
    0,
  ),
  numeric(
    "softmax-equal-4",
    ["softmax"],
    ["점수 [2, 2, 2, 2]에 소프트맥스를 적용하면 각 확률은? (소수로)", "Softmax of the scores [2, 2, 2, 2]: what is each probability (as a decimal)?"],
    0.25,
    0.001,
  ),
  multiple(
    "softmax-properties",
    ["softmax"],
    ["소프트맥스 출력에 대해 옳은 것을 모두 고르세요.", "Select everything that is true of a softmax output."],
    [["모든 값이 0과 1 사이", "every entry is between 0 and 1"], ["값의 합이 1", "the entries sum to 1"], ["가장 큰 점수가 가장 큰 확률", "the largest score gets the largest probability"], ["음수가 나올 수 있다", "entries can be negative"]],
    [0, 1, 2],
  ),
  // ── BPTT ──
  ordering(
    "bptt-steps",
    ["bptt"],
    ["BPTT(시간에 따른 역전파)의 단계를 순서대로 놓으세요.", "Put the steps of backpropagation through time (BPTT) in order."],
    [
      ["모든 타임스텝을 앞으로 계산하며 h_t를 구한다", "run forward through every time step, computing h_t"],
      ["각 타임스텝의 손실을 구해 더한다", "compute the loss at each step and add them up"],
      ["마지막 스텝부터 h_{t-1}을 따라 거꾸로 기울기를 전파한다", "propagate gradients backwards from the last step through h_{t-1}"],
      ["공유 가중치의 기울기를 모든 스텝에 걸쳐 더한다", "sum the shared weights' gradients over all steps"],
      ["가중치를 갱신한다", "update the weights"],
    ],
  ),
  single(
    "bptt-shared-gradient",
    ["bptt", "recurrence"],
    ["BPTT에서 공유 가중치 W_hh의 기울기는?", "In BPTT, what is the gradient of the shared weight W_hh?"],
    [["모든 타임스텝에서의 기울기의 합", "the sum of its gradients at every time step"], ["마지막 스텝의 기울기만", "only the last step's gradient"], ["입력의 평균", "the average of the inputs"], ["항상 0", "always zero"]],
    0,
  ),
  trueFalse(
    "bptt-truncated",
    ["bptt", "training"],
    ["잘린 BPTT(truncated BPTT)는 최근 몇 스텝(시퀀스 길이)까지만 역전파한다.", "Truncated BPTT backpropagates through only a limited number of recent steps (the sequence length)."],
    true,
  ),
  single(
    "bptt-clipping",
    ["bptt", "training"],
    ["기울기 클리핑(gradient clipping)은 무엇을 막기 위한 것일까요?", "What does gradient clipping protect against?"],
    [["기울기 폭주", "exploding gradients"], ["기울기 소실", "vanishing gradients"], ["과적합", "overfitting"], ["너무 작은 어휘", "a vocabulary that is too small"]],
    0,
  ),
  single(
    "bptt-seq-length",
    ["bptt", "training"],
    ["char-RNN 학습의 '시퀀스 길이'(예: 100)는 무엇을 뜻할까요?", "What does the 'sequence length' (e.g. 100) of char-RNN training mean?"],
    [["BPTT로 펼쳐서 학습하는 타임스텝 수", "the number of time steps unrolled for BPTT"], ["은닉 유닛 수", "the number of hidden units"], ["어휘 크기", "the vocabulary size"], ["에폭 수", "the number of epochs"]],
    0,
  ),
  // ── Vanishing gradient ──
  single(
    "vg-why",
    ["vanishing-gradient"],
    ["기본 RNN이 먼 과거의 정보를 잘 배우지 못하는 이유는?", "Why does a vanilla RNN struggle to learn long-range dependencies?"],
    [["역전파 때 스텝마다 W_hh와 tanh'가 곱해져 기울기가 지수적으로 작아지므로", "backwards, each step multiplies by W_hh and tanh', so gradients shrink exponentially"], ["파라미터가 너무 많아서", "it has too many parameters"], ["소프트맥스 때문에", "because of softmax"], ["원-핫 벡터가 너무 길어서", "one-hot vectors are too long"]],
    0,
  ),
  numeric(
    "vg-half-10",
    ["vanishing-gradient"],
    ["기울기가 과거로 한 스텝 갈 때마다 0.5가 곱해집니다. 10스텝 뒤에는 처음의 몇 배가 남을까요? (소수로)", "A gradient is multiplied by 0.5 at each step back in time. What fraction remains after 10 steps (as a decimal)?"],
    0.0009765625,
    0.0001,
    { explain: ["0.5¹⁰ = 1/1024 ≈ 0.001", "0.5¹⁰ = 1/1024 ≈ 0.001"] },
  ),
  trueFalse("vg-sigmoid-derivative", ["vanishing-gradient"], ["시그모이드 함수의 미분값은 최대 0.25이다.", "The derivative of the sigmoid is at most 0.25."], true, {
    explain: ["σ'(x) = σ(x)(1 − σ(x)) ≤ 0.25 (x = 0일 때)", "σ'(x) = σ(x)(1 − σ(x)) ≤ 0.25, at x = 0"],
  }),
  single(
    "vg-relu",
    ["vanishing-gradient"],
    ["깊은 신경망에서 기울기 소실을 줄이려고 널리 쓰게 된 활성화 함수는?", "Which activation function became the usual way to reduce vanishing gradients in deep networks?"],
    [["ReLU", "ReLU"], ["시그모이드", "sigmoid"], ["계단 함수", "step function"], ["소프트맥스", "softmax"]],
    0,
  ),
  // ── LSTM ──
  single(
    "lstm-forget",
    ["lstm-gates"],
    ["LSTM에서 셀 상태의 무엇을 지울지 정하는 게이트는?", "Which LSTM gate decides what to erase from the cell state?"],
    [["망각(forget) 게이트", "the forget gate"], ["입력(input) 게이트", "the input gate"], ["출력(output) 게이트", "the output gate"], ["리셋(reset) 게이트", "the reset gate"]],
    0,
  ),
  single(
    "lstm-output",
    ["lstm-gates"],
    ["셀 상태 중 얼마만큼을 은닉 상태 h_t로 내보낼지 정하는 게이트는?", "Which gate decides how much of the cell state becomes the hidden state h_t?"],
    [["출력(output) 게이트", "the output gate"], ["망각(forget) 게이트", "the forget gate"], ["입력(input) 게이트", "the input gate"], ["업데이트(update) 게이트", "the update gate"]],
    0,
  ),
  single(
    "lstm-additive",
    ["lstm-gates", "vanishing-gradient"],
    ["LSTM의 셀 상태가 기울기 소실을 줄이는 이유는?", "Why does the LSTM's cell state ease vanishing gradients?"],
    [
      ["c_t = f⊙c_{t-1} + i⊙g: c_t에서 c_{t-1}로의 역전파는 f와의 원소별 곱뿐, W와의 행렬곱이 없다", "c_t = f⊙c_{t-1} + i⊙g: backprop from c_t to c_{t-1} is only an elementwise multiply by f, no matrix multiply by W"],
      ["ReLU를 쓰기 때문에", "it uses ReLU"],
      ["가중치가 없기 때문에", "it has no weights"],
      ["타임스텝을 건너뛰기 때문에", "it skips time steps"],
    ],
    0,
  ),
  numeric(
    "lstm-params-128-65",
    ["lstm-gates"],
    ["LSTM 층: 은닉 크기 h = 128, 입력 크기 x = 65 (원-핫). 편향 포함 파라미터 수는? 4·(h·(h + x) + h)", "An LSTM layer with hidden size h = 128 and input size x = 65 (one-hot). How many parameters, biases included? 4·(h·(h + x) + h)"],
    99328,
    0,
    { time: 60, multiplier: 2, explain: ["4·(128·193 + 128) = 4·24832 = 99328", "4·(128·193 + 128) = 4·24832 = 99328"] },
  ),
  numeric(
    "lstm-params-256-100",
    ["lstm-gates"],
    ["LSTM 층: h = 256, x = 100. 편향 포함 파라미터 수는?", "An LSTM layer with h = 256 and x = 100: how many parameters, biases included?"],
    365568,
    0,
    { time: 60, explain: ["4·(256·356 + 256) = 4·91392 = 365568", "4·(256·356 + 256) = 4·91392 = 365568"] },
  ),
  multiple(
    "lstm-sigmoid-gates",
    ["lstm-gates"],
    ["LSTM에서 시그모이드(0~1 값)를 쓰는 것을 모두 고르세요.", "Select every part of an LSTM that uses a sigmoid (values from 0 to 1)."],
    [["망각 게이트 f", "forget gate f"], ["입력 게이트 i", "input gate i"], ["출력 게이트 o", "output gate o"], ["후보 값 g", "candidate g"]],
    [0, 1, 2],
    { explain: ["게이트는 0~1(시그모이드), 후보 값 g는 −1~1(tanh)입니다.", "Gates are 0..1 (sigmoid); the candidate g is −1..1 (tanh)."] },
  ),
  text(
    "lstm-cell-state-name",
    ["lstm-gates"],
    ["LSTM 그림 위쪽을 가로지르며 원소별 연산만 거치는 장기 기억을 무엇이라고 할까요?", "What is the LSTM's long-term memory called that runs along the top of the diagram through elementwise operations only?"],
    ["셀 상태", "셀스테이트", "cell state", "c_t", "ct"],
  ),
  trueFalse(
    "lstm-four-blocks",
    ["lstm-gates"],
    ["같은 크기라면 LSTM 층의 파라미터는 기본 RNN 층의 약 4배이다.", "For the same sizes, an LSTM layer has about 4 times the parameters of a vanilla RNN layer."],
    true,
    { explain: ["f, i, g, o 네 블록이 각각 RNN 하나 분량의 가중치를 가집니다.", "The four blocks f, i, g, o each hold one RNN's worth of weights."] },
  ),
  // ── GRU ──
  single(
    "gru-gates",
    ["gru"],
    ["GRU가 가진 게이트 두 개는?", "Which two gates does a GRU have?"],
    [["업데이트 게이트와 리셋 게이트", "update and reset gates"], ["망각 게이트와 출력 게이트", "forget and output gates"], ["입력 게이트와 출력 게이트", "input and output gates"], ["어텐션 게이트와 리셋 게이트", "attention and reset gates"]],
    0,
  ),
  trueFalse("gru-no-cell", ["gru"], ["GRU는 h_t와 별도로 셀 상태 c_t를 가진다.", "A GRU keeps a cell state c_t separate from h_t."], false, {
    explain: ["GRU는 셀 상태와 은닉 상태를 h_t 하나로 합쳤습니다.", "A GRU merges the cell and hidden state into h_t."],
  }),
  numeric(
    "gru-params-128-65",
    ["gru"],
    ["GRU 층: h = 128, x = 65. 편향 포함 파라미터 수는? 3·(h·(h + x) + h)", "A GRU layer with h = 128 and x = 65: how many parameters, biases included? 3·(h·(h + x) + h)"],
    74496,
    0,
    { time: 60 },
  ),
  single(
    "gru-update-role",
    ["gru", "lstm-gates"],
    ["GRU의 업데이트 게이트 z_t는 LSTM의 어떤 게이트들의 역할을 함께 할까요?", "The GRU's update gate z_t does the job of which LSTM gates together?"],
    [["망각 게이트와 입력 게이트", "the forget and input gates"], ["출력 게이트만", "the output gate only"], ["아무 게이트도 아님", "none of them"], ["리셋 게이트", "the reset gate"]],
    0,
    { explain: ["h_t = (1 − z)⊙h_{t-1} + z⊙h̃: 얼마나 잊고 얼마나 새로 쓸지 z 하나로 정합니다.", "h_t = (1 − z)⊙h_{t-1} + z⊙h̃: one z decides how much to forget and how much to write."] },
  ),
  // ── Sampling and temperature ──
  single(
    "temp-low",
    ["sampling-temperature"],
    ["온도 T로 샘플링: 확률 ∝ exp(logit / T). T를 0에 가깝게 낮추면?", "Sampling with temperature T: probability ∝ exp(logit / T). What happens as T approaches 0?"],
    [["거의 항상 가장 확률이 높은 글자를 고른다", "it almost always picks the most likely character"], ["완전히 무작위(균등)가 된다", "it becomes uniformly random"], ["아무 변화가 없다", "nothing changes"], ["확률 순서가 뒤집힌다", "the order of probabilities reverses"]],
    0,
  ),
  single(
    "temp-high",
    ["sampling-temperature"],
    ["온도를 2.0처럼 높이면 생성되는 글은?", "With a high temperature such as 2.0, the generated text becomes…"],
    [["더 엉뚱하고 철자 오류가 많아진다", "more surprising, with more misspellings"], ["더 반복적이 된다", "more repetitive"], ["T = 1일 때와 똑같다", "identical to T = 1"], ["더 짧아진다", "shorter"]],
    0,
  ),
  numeric(
    "temp-two-logits",
    ["sampling-temperature", "softmax"],
    ["두 글자의 logit이 [ln 4, 0]입니다. T = 2일 때 첫 글자의 확률은? (소수 둘째 자리까지)", "Two characters have logits [ln 4, 0]. At T = 2, what is the first character's probability (two decimals)?"],
    0.67,
    0.01,
    { explain: ["exp(ln4 / 2) = 2 → 2 / (2 + 1) ≈ 0.67 (T = 1이면 0.8)", "exp(ln4 / 2) = 2 → 2 / (2 + 1) ≈ 0.67 (0.8 at T = 1)"] },
  ),
  trueFalse("temp-one", ["sampling-temperature"], ["온도 1로 샘플링하면 모델의 확률을 그대로 쓴다.", "Sampling at temperature 1 uses the model's probabilities unchanged."], true),
  ordering(
    "generate-steps",
    ["sampling-temperature", "autocomplete"],
    ["char-RNN으로 글을 생성하는 단계를 순서대로 놓으세요.", "Put the steps of generating text with a char-RNN in order."],
    [
      ["시작 글자를 원-핫으로 넣는다", "feed a seed character as a one-hot vector"],
      ["은닉 상태를 갱신하고 다음 글자의 점수를 계산한다", "update the hidden state and compute scores for the next character"],
      ["소프트맥스(온도 적용)로 확률을 만든다", "turn the scores into probabilities with softmax (and temperature)"],
      ["확률에 따라 다음 글자를 뽑는다", "sample the next character from those probabilities"],
      ["뽑은 글자를 다음 입력으로 다시 넣는다", "feed the sampled character back in as the next input"],
    ],
  ),
  // ── Overfitting and dropout ──
  single(
    "overfit-curves",
    ["overfitting"],
    ["학습 손실은 계속 내려가는데 검증 손실은 올라갑니다. 무슨 일일까요?", "The training loss keeps falling while the validation loss rises. What is happening?"],
    [["과적합", "overfitting"], ["과소적합", "underfitting"], ["기울기 소실", "vanishing gradients"], ["소프트맥스 버그", "a softmax bug"]],
    0,
  ),
  multiple(
    "overfit-remedies",
    ["overfitting"],
    ["과적합을 줄이는 방법을 모두 고르세요.", "Select everything that helps against overfitting."],
    [["드롭아웃", "dropout"], ["학습 데이터 늘리기", "more training data"], ["검증 손실이 오르면 학습 멈추기(early stopping)", "stopping when the validation loss rises (early stopping)"], ["같은 데이터로 은닉 유닛을 훨씬 많이 늘리기", "many more hidden units on the same data"]],
    [0, 1, 2],
  ),
  single(
    "dropout-what",
    ["overfitting"],
    ["keep_prob = 0.5인 드롭아웃은 학습 중에 무엇을 할까요?", "What does dropout with keep_prob = 0.5 do during training?"],
    [["매 스텝 유닛의 약 절반을 무작위로 0으로 만든다", "it zeroes about half of the units at random at each step"], ["학습률을 절반으로 줄인다", "it halves the learning rate"], ["데이터의 절반을 버린다", "it drops half of the data"], ["에폭 수를 절반으로 줄인다", "it halves the number of epochs"]],
    0,
  ),
  trueFalse("dropout-train-only", ["overfitting"], ["드롭아웃은 학습할 때만 쓰고, 글을 생성(예측)할 때는 끈다.", "Dropout is used while training and switched off when generating (predicting)."], true),
  // ── CNN arithmetic ──
  numeric(
    "cnn-out-7-3-1",
    ["cnn-arithmetic"],
    ["입력 7×7, 필터 3×3, stride 1. 출력 크기는? (N − F) / stride + 1", "Input 7×7, filter 3×3, stride 1. Output size? (N − F) / stride + 1"],
    5,
    0,
  ),
  numeric("cnn-out-7-3-2", ["cnn-arithmetic"], ["입력 7×7, 필터 3×3, stride 2. 출력 크기는?", "Input 7×7, filter 3×3, stride 2. Output size?"], 3, 0),
  trueFalse(
    "cnn-stride-3-fits",
    ["cnn-arithmetic"],
    ["입력 7×7에 3×3 필터를 stride 3으로 적용하면 딱 맞아떨어진다.", "A 3×3 filter with stride 3 fits a 7×7 input evenly."],
    false,
    { explain: ["(7 − 3) / 3 + 1 = 2.33: 맞지 않습니다.", "(7 − 3) / 3 + 1 = 2.33: it does not fit."] },
  ),
  numeric(
    "cnn-alexnet-conv1",
    ["cnn-arithmetic"],
    ["AlexNet CONV1: 입력 227×227, 11×11 필터, stride 4, 패딩 0. 출력 크기는?", "AlexNet CONV1: input 227×227, 11×11 filters, stride 4, no padding. Output size?"],
    55,
    0,
    { time: 45 },
  ),
  numeric("cnn-out-32-5-1", ["cnn-arithmetic"], ["입력 32×32×3, 5×5×3 필터, stride 1, 패딩 0. 출력 크기는?", "Input 32×32×3, a 5×5×3 filter, stride 1, no padding. Output size?"], 28, 0),
  numeric(
    "cnn-out-pad",
    ["cnn-arithmetic"],
    ["입력 32×32, 3×3 필터, stride 1, 패딩 1. 출력 크기는? (N − F + 2P) / stride + 1", "Input 32×32, 3×3 filter, stride 1, padding 1. Output size? (N − F + 2P) / stride + 1"],
    32,
    0,
  ),
  numeric(
    "cnn-params-6-5x5x3",
    ["cnn-arithmetic"],
    ["5×5×3 필터 6개로 된 합성곱 층의 파라미터 수는? (편향 포함)", "A convolution layer of six 5×5×3 filters: how many parameters, biases included?"],
    456,
    0,
    { time: 45, explain: ["6 · (5·5·3 + 1) = 6 · 76 = 456", "6 · (5·5·3 + 1) = 6 · 76 = 456"] },
  ),
  numeric(
    "cnn-vgg-conv3-64",
    ["cnn-arithmetic"],
    ["VGG의 두 번째 CONV3-64: 입력 채널 64, 3×3 필터 64개. 편향을 빼면 파라미터 수는?", "VGG's second CONV3-64: 64 input channels, 64 filters of 3×3. Parameters without biases?"],
    36864,
    0,
    { time: 45, explain: ["(3·3·64)·64 = 36864", "(3·3·64)·64 = 36864"] },
  ),
  numeric(
    "cnn-two-3x3-weights",
    ["cnn-arithmetic"],
    ["5×5 필터 하나는 채널당 25개 가중치. 같은 영역을 보는 3×3 필터 두 층은 채널당 몇 개일까요?", "One 5×5 filter has 25 weights per channel. Two stacked 3×3 layers see the same area: how many weights per channel?"],
    18,
    0,
    { explain: ["(3 × 3) × 2 = 18 < 25", "(3 × 3) × 2 = 18 < 25"] },
  ),
  multiple(
    "cnn-two-3x3-why",
    ["cnn-arithmetic"],
    ["5×5 필터 하나 대신 3×3 필터 두 층을 쓰는 이유를 모두 고르세요.", "Select every reason to use two 3×3 layers instead of one 5×5 filter."],
    [["같은 영역(수용 영역)을 본다", "they cover the same area (receptive field)"], ["파라미터가 더 적다", "fewer parameters"], ["활성화 함수가 하나 더 들어가 비선형성이 커진다", "one more activation adds non-linearity"], ["출력이 더 커진다", "a larger output"]],
    [0, 1, 2],
  ),
  // ── The autocomplete example ──
  single(
    "auto-next",
    ["autocomplete"],
    ["'기억 속으로'로 학습한 자동완성 모델에 '기'를 넣으면 다음에 나와야 할 글자는?", "An autocomplete model trained on '기억 속으로' is given '기'. Which character should come next?"],
    [["억", "억"], ["속", "속"], ["로", "로"], ["공백", "a space"]],
    0,
  ),
  numeric(
    "auto-pairs",
    ["autocomplete", "bptt"],
    ["'기억 속으로'(공백 포함 6글자)로 다음 글자 예측을 학습하면 (입력, 정답) 쌍은 몇 개일까요?", "Training next-character prediction on '기억 속으로' (6 characters, space included): how many (input, target) pairs?"],
    5,
    0,
    { explain: ["기→억, 억→' ', ' '→속, 속→으, 으→로: 5쌍", "기→억, 억→' ', ' '→속, 속→으, 으→로: 5 pairs"] },
  ),
  text(
    "auto-complete-word",
    ["autocomplete"],
    ["'기억 속'까지 입력했을 때 학습된 모델이 완성할 나머지 두 글자는?", "Given '기억 속', which two characters does the trained model complete?"],
    ["으로"],
  ),
];

/** The built-in questions carrying `tag` (the "new quiz from a built-in topic" action). */
export function builtinByTag(tag: QuizTag): BuiltinQuestion[] {
  return BUILTIN_QUESTIONS.filter((b) => (b.question.tags ?? []).includes(tag));
}
