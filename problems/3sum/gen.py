"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x5EED0015)
    n = 3000
    # Values that are 1 mod 4 can never form a zero-sum triplet on their own;
    # every 100th value is 2 mod 4, so each answer uses exactly one of those.
    # This keeps the answer list small while about half the values are negative.
    nums = []
    for i in range(n):
        q = rng.randint(-25000, 24999)
        nums.append(4 * q + (2 if i % 100 == 37 else 1))
    emit({"nums": nums}, Solution().threeSum(nums))
    # Heavy duplication: 3000 values from a narrow range.
    nums = [rng.randint(-40, 40) for _ in range(n)]
    emit({"nums": nums}, Solution().threeSum(nums))


def small(rng):
    """3 to 8 values in -3..3 (sometimes -6..6), so zeros, repeats and repeated triplets are common."""
    n = rng.randint(3, 8)
    r = 3 if rng.below(3) else 6
    return {"nums": [rng.randint(-r, r) for _ in range(n)]}


if __name__ == "__main__":
    main()
