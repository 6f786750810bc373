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
    rng = XorShift64(0x5EED0238)
    n = 5 * 10**4
    # Mostly 1 and -1 so that every prefix/suffix product stays within 32 bits,
    # with a few larger factors spread out (one of them in the last position).
    nums = [1 if rng.randint(0, 1) else -1 for _ in range(n)]
    for pos, val in ((rng.randint(0, n // 3), -3), (rng.randint(n // 3, 2 * n // 3), 5), (n - 1, -2)):
        nums[pos] = val
    emit({"nums": nums}, Solution().productExceptSelf(nums))


main()
