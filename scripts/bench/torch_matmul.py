"""The matrix products of one engine training step, timed with torch.mm on one thread.

    python3 scripts/bench/torch_matmul.py '<json>'

<json> is a list of {"m": M, "k": K, "n": N, "count": c}: c products [M, K]·[K, N] per training
step (scripts/bench-profile.ts collects them from tf.profile of a real step). Every product is run
`count` times per repetition, like the step runs them; the median of REPS repetitions is printed as
one JSON line {"torch": version, "threads": 1, "blas": ..., "msPerStep": ..., "msPerShape": [...], "macsPerStep": ...,
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
    """Seconds per shape."""
    times = []
    for a, b, count in operands:
        started = time.perf_counter()
        for _ in range(count):
            torch.mm(a, b)
        times.append(time.perf_counter() - started)
    return times


for _ in range(WARMUP):
    one_step()
runs = [one_step() for _ in range(REPS)]
median = statistics.median(sum(run) for run in runs)
per_shape = [statistics.median(run[i] for run in runs) for i in range(len(operands))]
print(json.dumps({
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "blas": loaded_blas(),
    "msPerStep": round(median * 1000, 2),
    "msPerShape": [round(t * 1000, 2) for t in per_shape],
    "macsPerStep": macs,
    "gmacPerSec": round(macs / median / 1e9, 2),
}))
