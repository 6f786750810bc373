"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small random input: 1..8 values in -3..3 (sometimes all negative)."""
    n = rng.randint(1, 8)
    if rng.below(5) == 0:
        return {"nums": [rng.randint(-4, -1) for _ in range(n)]}
    return {"nums": [rng.randint(-3, 3) for _ in range(n)]}


def main():
    rng = XorShift64(0x5EED0053)
    n = 5 * 10**4
    # Noise with a slight negative bias, plus a long stretch with a positive bias
    # near the end, so the best subarray is long and ends late.
    nums = []
    for i in range(n):
        if 3 * n // 5 <= i < n - 1000:
            nums.append(rng.randint(-9800, 10**4))
        else:
            nums.append(rng.randint(-10**4, 9900))
    emit({"nums": nums}, Solution().maxSubArray(nums))


if __name__ == "__main__":
    main()
