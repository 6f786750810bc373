"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100_000


def main():
    # The top of the constraints: every answer must be computed, there is nothing to skip.
    emit({"n": N}, Solution().countBits(N))


def small(rng):
    """n from 0 (a list of one count) up to 40, mostly small."""
    if rng.below(4) == 0:
        return {"n": rng.randint(0, 40)}
    return {"n": rng.randint(0, 9)}


if __name__ == "__main__":
    main()
