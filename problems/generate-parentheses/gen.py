"""Small random inputs for `codify problems check` (no large.jsonl: the number of answers grows
exponentially by nature, so the tests keep LeetCode's n <= 8)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """n from 1 to 8, every value the constraints allow (n = 8 gives 1430 strings)."""
    return {"n": rng.randint(1, 8)}
