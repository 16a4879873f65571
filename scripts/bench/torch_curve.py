"""PyTorch reference for `npm run bench:curve` (CURVE_TORCH=1): validation loss at checkpoints.

    python3 scripts/bench/torch_curve.py <corpus.txt> 100,250,500 [unigram [k]] [--seed N]

The protocol of scripts/bench-curve.ts: one-hot characters -> nn.LSTM(V, 128) -> nn.Linear(128, V),
cross-entropy, Adam 0.01, gradient clipping at norm 5, random windows of 40 + 1 characters, batch 128,
from the text's first 90 %; validation over the first 20,000 characters of the last 10 % as 500 windows
of 40, each from a zero state. PyTorch's default initialisation; with "unigram", the output bias starts
at k (default 1) times the training text's add-one log character frequencies instead, as the engine's
does (its unigramStartBias without the unknown token, which this vocabulary does not have).
--seed N seeds torch (initialisation) and the window sampler (default 1).
Prints one JSON line {step: nats}.
"""
import json
import random
import sys

import torch

SEQ, BATCH, HIDDEN, LR, CLIP, VALIDATION = 40, 128, 128, 0.01, 5.0, 20_000

seed = 1
if "--seed" in sys.argv:
    at = sys.argv.index("--seed")
    seed = int(sys.argv[at + 1])
    del sys.argv[at : at + 2]
text = open(sys.argv[1], encoding="utf-8").read()
checkpoints = [int(s) for s in sys.argv[2].split(",")]
unigram_bias = len(sys.argv) > 3 and sys.argv[3] == "unigram"
unigram_exponent = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
torch.set_num_threads(1)
cut = int(len(text) * 0.9)
chars = sorted(set(text))
index = {c: i for i, c in enumerate(chars)}
V = len(chars)
train = torch.tensor([index[c] for c in text[:cut]], dtype=torch.long)
val = torch.tensor([index[c] for c in text[cut : cut + VALIDATION + 1]], dtype=torch.long)
torch.manual_seed(seed)
rng = random.Random(seed)

lstm = torch.nn.LSTM(V, HIDDEN, batch_first=True)
out = torch.nn.Linear(HIDDEN, V)
if unigram_bias:
    counts = torch.bincount(train, minlength=V).double() + 1
    with torch.no_grad():
        out.bias.copy_(((counts / counts.sum()).log() * unigram_exponent).float())
params = list(lstm.parameters()) + list(out.parameters())
optimizer = torch.optim.Adam(params, lr=LR)


def logits(x):
    h, _ = lstm(torch.nn.functional.one_hot(x, V).float())
    return out(h)


def validation():
    windows = VALIDATION // SEQ
    x = val[: windows * SEQ].reshape(windows, SEQ)
    y = val[1 : windows * SEQ + 1].reshape(windows, SEQ)
    with torch.no_grad():
        return torch.nn.functional.cross_entropy(logits(x).reshape(-1, V), y.reshape(-1)).item()


curve = {}
for step in range(1, max(checkpoints) + 1):
    starts = [rng.randrange(len(train) - SEQ - 1) for _ in range(BATCH)]
    windows = torch.stack([train[s : s + SEQ + 1] for s in starts])
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(logits(windows[:, :-1]).reshape(-1, V), windows[:, 1:].reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, CLIP)
    optimizer.step()
    if step in checkpoints:
        curve[step] = round(validation(), 3)
        print(f"step {step}: {curve[step]}", file=sys.stderr)
print(json.dumps(curve))
