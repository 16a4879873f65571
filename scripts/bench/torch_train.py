"""PyTorch CPU reference for `npm run bench:train`: the headline model trained the usual PyTorch way.

    python3 scripts/bench/torch_train.py <train.txt> [threads] [--interleaved]

One-hot characters -> nn.LSTM(V, 128) -> nn.Linear(128, V), cross-entropy, Adam 0.01, gradient
clipping at norm 5; random windows of 40 + 1 characters, batch 128 (the engine's headline run).
Prints one JSON line: {"torch": version, "threads": n, "charsPerSec": B*T / median step, "blas": ..., ...}.
"blas" is openblas_get_config() of the libblas.so.3 torch loaded (Debian's torch uses whatever BLAS
the alternatives system selects; the netlib reference BLAS is several times slower), else "reference
or unknown BLAS (…)" and a warning on stderr. Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS before running.

With --interleaved, after the warm-up it prints {"ready": true} and then takes one training step for
every line "step" on stdin, printing {"ms": …} after each (bench:train alternates these with the
engine's steps, so both are timed in the same moments); the summary line follows stdin's end.
"""
import json
import random
import statistics
import sys
import time

import torch

from torch_blas import loaded_blas


SEQ, BATCH, HIDDEN, LR, CLIP = 40, 128, 128, 0.01, 5.0
WARMUP, TIMED = 3, 15

text = open(sys.argv[1], encoding="utf-8").read()
if len(sys.argv) > 2 and sys.argv[2].isdigit():
    torch.set_num_threads(int(sys.argv[2]))
chars = sorted(set(text))
index = {c: i for i, c in enumerate(chars)}
ids = torch.tensor([index[c] for c in text], dtype=torch.long)
V = len(chars)
torch.manual_seed(1)
rng = random.Random(1)


class CharLSTM(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(V, HIDDEN, batch_first=True)
        self.out = torch.nn.Linear(HIDDEN, V)

    def forward(self, x):
        h, _ = self.lstm(torch.nn.functional.one_hot(x, V).float())
        return self.out(h)


model = CharLSTM()
optimizer = torch.optim.Adam(model.parameters(), lr=LR)


def batch():
    starts = [rng.randrange(len(ids) - SEQ - 1) for _ in range(BATCH)]
    windows = torch.stack([ids[s : s + SEQ + 1] for s in starts])
    return windows[:, :-1], windows[:, 1:]


def step():
    x, y = batch()
    started = time.perf_counter()
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    return time.perf_counter() - started, loss.item()


for _ in range(WARMUP):
    step()
if "--interleaved" in sys.argv:
    print(json.dumps({"ready": True}), flush=True)
    timed = []
    for line in sys.stdin:
        if line.strip() != "step":
            break
        timed.append(step())
        print(json.dumps({"ms": round(timed[-1][0] * 1000, 3)}), flush=True)
else:
    timed = [step() for _ in range(TIMED)]
median = statistics.median(t for t, _ in timed)
blas = loaded_blas()
if "openblas" not in blas.lower():
    print(f"WARNING: torch runs on {blas}: expect several times slower than with OpenBLAS", file=sys.stderr)
print(json.dumps({
    "torch": torch.__version__,
    "blas": blas,
    "threads": torch.get_num_threads(),
    "charsPerSec": round(BATCH * SEQ / median),
    "msPerStep": round(median * 1000, 1),
    "lastLoss": round(timed[-1][1], 3),
}))
