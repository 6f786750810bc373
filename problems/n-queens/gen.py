"""Small random inputs for `codify problems check` (no large.jsonl: the search is exponential by
nature, so the tests keep LeetCode's n <= 9)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """n from 1 to 8 (2 and 3 have no placement; 8 has 92)."""
    return {"n": rng.randint(1, 8)}
