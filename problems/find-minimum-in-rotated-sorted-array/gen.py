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
    rng = XorShift64(0x5EED0153)
    n = 5000
    # n distinct values from [-5000, 5000]: skip 5001 of the 10001 candidates.
    values = list(range(-5000, 5001))
    for i in range(len(values) - 1, 0, -1):
        j = rng.randint(0, i)
        values[i], values[j] = values[j], values[i]
    base = sorted(values[:n])
    # Minimum at the last index, at index 1, and somewhere in the middle.
    for k in (n - 1, 1, rng.randint(n // 3, 2 * n // 3)):
        nums = base[k:] + base[:k]
        emit({"nums": nums}, Solution().findMin(nums))


main()
