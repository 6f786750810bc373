"""small(rng) for `codify problems check`. Exponential problem: no large.jsonl (LeetCode-sized inputs)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """1 to 8 values from a narrow range (-2..2, sometimes -10..10), so repeats are common."""
    n = rng.randint(1, 8)
    r = 2 if rng.below(3) else 10
    if rng.below(8) == 0:
        return {"nums": [rng.randint(-r, r)] * n}
    return {"nums": [rng.randint(-r, r) for _ in range(n)]}
