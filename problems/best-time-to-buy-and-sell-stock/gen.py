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
    rng = XorShift64(0x5EED0121)
    n = 5 * 10**4
    # A falling trend with noise: early highs cannot be sold later at a profit,
    # so the best trade comes from a late dip followed by a rebound.
    prices = []
    for i in range(n):
        base = 9000 - (8000 * i) // n
        prices.append(max(0, min(10**4, base + rng.randint(-900, 900))))
    prices[n - 40] = 150
    prices[n - 2] = 2600
    emit({"prices": prices}, Solution().maxProfit(prices))


main()
