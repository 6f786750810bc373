"""Small random inputs for `codify problems check` (no large.jsonl: every input has at most 10 digits)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401

LO, HI = -(2**31), 2**31 - 1


def small(rng):
    """One x in the signed 32-bit range: short numbers with zeros, any 32-bit value, or one whose
    reversal lands just inside or just outside the range."""
    kind = rng.below(5)
    if kind == 4:
        x = rng.randint(-12, 12)
    elif kind == 0:
        x = rng.randint(-1000, 1000)
        if rng.below(2):
            x *= 10 ** rng.randint(1, 6)  # trailing zeros
    elif kind == 1:
        x = rng.randint(LO, HI)
    else:
        while True:
            # aim the reversed value at the limit for the sign, give or take a few hundred
            r = 2**31 - 1 + rng.randint(-300, 300) if kind == 2 else 2**31 + rng.randint(-300, 300)
            x = int(str(r)[::-1])
            if kind == 3:
                x = -x
            if LO <= x <= HI:
                break
    return {"x": x}
