"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000
LIMIT = 10_000


def main():
    rng = XorShift64(0x1157A11D5EC0FFEE)
    sol = Solution()
    # 1. Uniformly random values: the answer is a few hundred, and a pairwise DP must compare
    #    every pair of positions.
    uniform = [rng.randint(-LIMIT, LIMIT) for _ in range(N)]
    # 2. A rising trend with noise and many repeats: a long answer (thousands) in which equal
    #    values must not be counted twice.
    trend = [min(LIMIT, max(-LIMIT, -LIMIT + (2 * LIMIT * i) // N + rng.randint(-40, 40))) for i in range(N)]
    for nums in (uniform, trend):
        emit({"nums": nums}, sol.lengthOfLIS(list(nums)))


def small(rng):
    """1 to 8 values in -3..3 (sometimes all equal or already sorted), so ties come up often."""
    n = rng.randint(1, 8)
    nums = [rng.randint(-3, 3) for _ in range(n)]
    kind = rng.below(6)
    if kind == 0:
        nums = [nums[0]] * n
    elif kind == 1:
        nums.sort()
    elif kind == 2:
        nums.sort(reverse=True)
    return {"nums": nums}


if __name__ == "__main__":
    main()
