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
    rng = XorShift64(0x5EED0042)
    n = 2 * 10**4
    # A hilly random walk: many basins of different depths.
    height = []
    h = 50000
    for _ in range(n):
        h = max(0, min(10**5, h + rng.randint(-3000, 3000)))
        height.append(h)
    emit({"height": height}, Solution().trap(height))
    # Two tall walls at the very ends over a noisy floor: nearly everything fills.
    height = [rng.randint(0, 60000) for _ in range(n)]
    height[0] = 10**5
    height[-1] = 99999
    emit({"height": height}, Solution().trap(height))


main()
