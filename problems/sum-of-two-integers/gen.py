"""No large.jsonl: with |a|, |b| <= 1000 the carry loop runs at most 32 times, so there is no
slower class of solution for a large test to reject. gen.py only draws small inputs for
`codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401

LIMIT = 1000


def _value(rng):
    kind = rng.below(4)
    if kind == 0:
        return rng.randint(-4, 4)
    if kind == 1:
        return (LIMIT - rng.randint(0, 2)) * (1 if rng.below(2) else -1)
    return rng.randint(-LIMIT, LIMIT)


def small(rng):
    """a and b in -1000..1000: tiny values (zeros and sign changes), values at the ends, any value."""
    return {"a": _value(rng), "b": _value(rng)}
