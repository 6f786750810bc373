"""small(rng) for `codify problems check`. Exponential problem: no large.jsonl (LeetCode-sized inputs)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """1 to 8 values in 1..6 (sometimes 1..50), so repeats are common; target 1..15 (sometimes 1..30)."""
    n = rng.randint(1, 8)
    hi = 6 if rng.below(3) else 50
    candidates = [rng.randint(1, hi) for _ in range(n)]
    target = rng.randint(1, 15) if rng.below(3) else rng.randint(1, 30)
    return {"candidates": candidates, "target": target}
