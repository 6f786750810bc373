"""No large.jsonl: the answer takes at most 31 steps for any allowed n, so there is no slower
class of solution for a large test to reject. gen.py only draws small inputs for
`codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401

TOP = 2**31 - 1


def small(rng):
    """n in 1..2^31 - 1: small values, powers of two, runs of ones, the top value, random bits."""
    kind = rng.below(6)
    if kind == 0:
        n = rng.randint(1, 16)
    elif kind == 1:
        n = 1 << rng.randint(0, 30)
    elif kind == 2:
        n = (1 << rng.randint(1, 31)) - 1
    elif kind == 3:
        n = TOP - rng.randint(0, 3)
    else:
        n = rng.randint(1, TOP)
    return {"n": n}
