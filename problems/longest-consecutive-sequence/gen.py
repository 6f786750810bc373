"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1


class Rng:
    """64-bit xorshift, so the output never depends on Python's random module."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        self.s = x
        return x

    def below(self, n):
        return self.next() % n


def shuffle(rng, a):
    for i in range(len(a) - 1, 0, -1):
        j = rng.below(i + 1)
        a[i], a[j] = a[j], a[i]


def emit(nums):
    expected = Solution().longestConsecutive(list(nums))
    row = {"input": {"nums": nums}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row, separators=(",", ":")))


def main():
    rng = Rng(0x51C0FFEE1234)
    n = 50000
    nums = list(range(-30000, -30000 + 15000))   # a long run of 15000
    nums += list(range(10000, 10000 + 15001))    # the longest run: 15001 values
    # scattered values with gaps of at least 2 between them, in a band that touches no run
    nums += [40002 + 2 * rng.below(9000) for _ in range(12000)]
    while len(nums) < n:                         # duplicates of values already present
        nums.append(nums[rng.below(len(nums))])
    shuffle(rng, nums)
    emit(nums)


main()
