"""A function's time over repeated calls (median, min, max), for the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Timing:
    median_ms: float
    min_ms: float
    max_ms: float

    def text(self) -> str:
        return f"{self.median_ms:8.1f} ({self.min_ms:.1f}-{self.max_ms:.1f})"


def time_calls(fn: Callable[[], object], repeats: int) -> Timing:
    """Warm-up once, then ``repeats`` timed runs."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return Timing(statistics.median(times), min(times), max(times))
