"""small(rng) for `codify problems check`. Exponential problem: no large.jsonl (LeetCode-sized inputs)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """1 to 8 distinct values, mostly from -5..5 (sometimes the full -10..10)."""
    n = rng.randint(1, 8)
    r = 5 if rng.below(3) else 10
    return {"nums": rng.shuffled(range(-r, r + 1))[:n]}
