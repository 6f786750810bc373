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
    rng = XorShift64(0x5EED0152)
    n = 2 * 10**4
    # No zeros, so no subarray can be skipped; mostly +-1 with 28 factors of +-2
    # and one +-3, keeping every subarray product below 2^31.
    nums = [1 if rng.randint(0, 1) else -1 for _ in range(n)]
    positions = set()
    while len(positions) < 29:
        positions.add(rng.randint(0, n - 1))
    for k, pos in enumerate(sorted(positions)):
        mag = 3 if k == 14 else 2
        nums[pos] = mag if rng.randint(0, 1) else -mag
    emit({"nums": nums}, Solution().maxProduct(nums))


main()
