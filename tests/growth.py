"""Growth ratios, never wall-clock limits: how much longer a step takes on more input.

Four times the input costs about four times as long when the step is linear
and sixteen times when it is quadratic; tests assert a ratio under
:data:`MAX_RATIO`. A ratio holds on a slow machine as on a fast one, if the
measuring is careful on a shared one:

- processor time, not wall time: the wall clock also counts the waits for a
  free core (beside a test running Typst's threads, it tripled);
- the sizes take turns, round after round, so a busy spell slows them alike,
  and the best of the rounds is kept;
- the garbage collector is paused while timing: its passes over a heap that
  grows with the input add a superlinear term of CPython's own (a ratio of
  5.5 where the code is linear);
- a ratio that still looks too steep is measured once more (a quadratic step
  fails both times).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence

#: Four times the input may cost at most this many times as long (quadratic: 16).
MAX_RATIO = 8.0
ROUNDS = 3


def best_times(run: Callable[[int], object], sizes: Sequence[int]) -> list[float]:
    """The best processor time of ``run(size)`` for each size (from n up to 4n)."""
    run(sizes[0])  # warm up: imports, compiled regexes, caches
    best = [float("inf")] * len(sizes)
    for _attempt in range(2):
        for _ in range(ROUNDS):
            gc.collect()
            gc.disable()
            try:
                for i, size in enumerate(sizes):
                    start = time.process_time()
                    run(size)
                    best[i] = min(best[i], time.process_time() - start)
            finally:
                gc.enable()
        if best[-1] / best[0] < MAX_RATIO:
            break
    return best


def growth(run: Callable[[int], object], n: int) -> float:
    """time(4n) / time(n): about 4 when `run` is linear in its size, 16 when quadratic."""
    small, large = best_times(run, (n, 4 * n))
    return large / small
