"""Small random inputs for `codify problems check` (no large.jsonl: the answer has up to 4^4
strings by nature, so the tests keep LeetCode's short inputs)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """0 to 4 digits from 2..9, often repeating one digit, and often using 7 and 9 (four letters)."""
    pool = ["23456789", "79", "2", "27"][rng.below(4)]
    return {"digits": "".join(pool[rng.below(len(pool))] for _ in range(rng.randint(0, 4)))}
