"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1


class XorShift64:
    """Tiny deterministic PRNG (xorshift64), so large.jsonl never changes."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        s = self.s
        s ^= (s << 13) & MASK
        s ^= s >> 7
        s ^= (s << 17) & MASK
        self.s = s
        return s

    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)


def emit(inp, expected):
    line = {"input": inp, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


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


main()
