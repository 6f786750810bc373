"""Small random inputs for `codify problems check` (no large.jsonl: n has at most 10 digits, and after
one step every value is below 1000, so no slower approach can be told apart by time)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """One n in 1..2^31-1: mostly below 200 (happy and unhappy both common), sometimes any size."""
    kind = rng.below(4)
    if kind == 0:
        n = rng.randint(1, 2**31 - 1)
    elif kind == 1:
        n = rng.randint(1, 9) * 10 ** rng.randint(0, 9)  # one digit and zeros
        if n > 2**31 - 1:
            n = 10**9
    else:
        n = rng.randint(1, 200)
    return {"n": n}
