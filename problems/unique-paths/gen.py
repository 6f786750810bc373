"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """m and n in 1..8 (each 1 a quarter of the time, so thin grids come up often)."""
    m = 1 if rng.below(4) == 0 else rng.randint(1, 8)
    n = 1 if rng.below(4) == 0 else rng.randint(1, 8)
    return {"m": m, "n": n}


def main():
    sol = Solution()
    # The largest answers the 2 * 10^9 cap allows: about 1.2 * 10^9 and 1.6 * 10^9 routes, so counting
    # them one by one (plain recursion without memory) cannot finish; the last two reach m = 100 and
    # n = 100, the top of the constraints.
    for m, n in ((17, 18), (100, 7), (7, 100)):
        emit({"m": m, "n": n}, sol.uniquePaths(m, n))


if __name__ == "__main__":
    main()
