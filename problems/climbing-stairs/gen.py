"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    sol = Solution()
    # The top of the constraints. A recursion that tries both moves at every step without
    # remembering results makes about 2.4 * 10^9 calls for n = 45 (and 3.5 * 10^8 for n = 41),
    # while a memoised or bottom-up solution does n steps.
    for n in (45, 41):
        emit({"n": n}, sol.climbStairs(n))


def small(rng):
    """One random n: mostly 1..12, sometimes anywhere up to the top of the constraints."""
    if rng.below(4) == 0:
        return {"n": rng.randint(13, 45)}
    return {"n": rng.randint(1, 12)}


if __name__ == "__main__":
    main()
