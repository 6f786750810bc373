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


main()
