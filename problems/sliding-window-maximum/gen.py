"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def small(rng):
    """1..8 values in -3..3 (ties, zeros and negatives common) and any k from 1 to len(nums)."""
    n = rng.randint(1, 8)
    nums = [rng.randint(-3, 3) for _ in range(n)]
    k = rng.randint(1, n)
    return {"nums": nums, "k": k}


def main():
    rng = XorShift64(0x5717D0DE)
    # 1) random values with k = n / 2: taking max() of every window costs (n / 2)^2 steps.
    nums = [rng.randint(-10_000, 10_000) for _ in range(N)]
    k = N // 2
    emit({"nums": nums, "k": k}, Solution().maxSlidingWindow(nums, k))
    # 2) a decreasing list (each value repeated once or twice): the maximum leaves every window, so
    #    "remember the max and rescan only when it leaves" rescans k values every step.
    nums = [10_000 - (2 * i) // 3 for i in range(N)]
    k = N // 2
    emit({"nums": nums, "k": k}, Solution().maxSlidingWindow(nums, k))


if __name__ == "__main__":
    main()
