"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x51C0FFEE1234)
    n = 50000
    nums = list(range(-30000, -30000 + 15000))   # a long run of 15000
    nums += list(range(10000, 10000 + 15001))    # the longest run: 15001 values
    # scattered values with gaps of at least 2 between them, in a band that touches no run
    nums += [40002 + 2 * rng.below(9000) for _ in range(12000)]
    while len(nums) < n:                         # duplicates of values already present
        nums.append(nums[rng.below(len(nums))])
    rng.shuffle(nums)
    emit({"nums": nums}, Solution().longestConsecutive(list(nums)))


def small(rng):
    """0-8 values in a narrow band (so runs, gaps and repeats are common); sometimes a wider band."""
    n = rng.randint(0, 8)
    lo = rng.randint(-6, 2)
    width = rng.randint(0, 3) if rng.below(3) == 0 else rng.randint(4, 10)
    return {"nums": [rng.randint(lo, lo + width) for _ in range(n)]}


if __name__ == "__main__":
    main()
