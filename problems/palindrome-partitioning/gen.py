"""Small random inputs for `codify problems check` (no large.jsonl: the number of answers is
exponential by nature, so the tests keep LeetCode's short strings)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """A string of 1 to 9 letters over a 1, 2 or 3 letter alphabet, so that long palindromes,
    nested ones and runs of one letter come up often."""
    alphabet = ["a", "ab", "abc"][rng.below(3)]
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 9)))}
