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
    rng = XorShift64(0x5EED0011)
    n = 5 * 10**4
    # Short walls near both ends and taller ones towards the middle, so the best
    # pair is found well inside the list.
    height = []
    for i in range(n):
        edge = min(i, n - 1 - i)
        cap = min(10**4, 500 + (edge * 10**4) // (n // 3))
        height.append(rng.randint(0, cap))
    emit({"height": height}, Solution().maxArea(height))


main()
