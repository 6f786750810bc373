"""No large.jsonl: reversing 32 bits takes 32 steps for any allowed n, so there is no slower
class of solution for a large test to reject. gen.py only draws small inputs for
`codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401

TOP = 2**32 - 1


def small(rng):
    """n in 0..2^32 - 1: small values, single bits (the top one too), runs of ones, random bits."""
    kind = rng.below(6)
    if kind == 0:
        n = rng.randint(0, 16)
    elif kind == 1:
        n = 1 << rng.randint(0, 31)
    elif kind == 2:
        n = (1 << rng.randint(1, 32)) - 1
    elif kind == 3:
        n = TOP - rng.randint(0, 3)
    else:
        n = rng.randint(0, TOP)
    return {"n": n}
