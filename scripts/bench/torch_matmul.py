"""The matrix products of one engine training step, timed with torch.mm on one thread.

    python3 scripts/bench/torch_matmul.py '<json>'

<json> is a list of {"m": M, "k": K, "n": N, "count": c}: c products [M, K]·[K, N] per training
step (scripts/bench-profile.ts collects them from tf.profile of a real step). Every product is run
`count` times per repetition, like the step runs them; the median of REPS repetitions is printed as
one JSON line {"torch": version, "threads": 1, "blas": ..., "msPerStep": ..., "macsPerStep": ...,
"gmacPerSec": ...}. One thread (torch.set_num_threads(1); set OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS to 1 before starting, as scripts/bench-profile.ts does).
"""
import json
import statistics
import sys
import time

import torch

from torch_blas import loaded_blas

WARMUP, REPS = 3, 15

torch.set_num_threads(1)
torch.manual_seed(1)
shapes = json.loads(sys.argv[1])
operands = [(torch.rand(s["m"], s["k"]), torch.rand(s["k"], s["n"]), s["count"]) for s in shapes]
macs = sum(s["m"] * s["k"] * s["n"] * s["count"] for s in shapes)


def one_step():
    started = time.perf_counter()
    for a, b, count in operands:
        for _ in range(count):
            torch.mm(a, b)
    return time.perf_counter() - started


for _ in range(WARMUP):
    one_step()
median = statistics.median(one_step() for _ in range(REPS))
print(json.dumps({
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "blas": loaded_blas(),
    "msPerStep": round(median * 1000, 2),
    "macsPerStep": macs,
    "gmacPerSec": round(macs / median / 1e9, 2),
}))
