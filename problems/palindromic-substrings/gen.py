"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
LOWER = "abcdefghijklmnopqrstuvwxyz"


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


def emit(s):
    expected = Solution().countSubstrings(s)
    row = {"input": {"s": s}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0x9A11D50)
    n = 4000
    # 1. random letters a-c: many short palindromes everywhere
    emit("".join(LOWER[rng.below(3)] for _ in range(n)))
    # 2. runs of one repeated letter (lengths 1-40) with the odd mirrored stretch: many longer palindromes
    s = []
    while len(s) < n:
        if rng.below(8) == 0 and len(s) >= 30:
            s += s[-30:][::-1]
        else:
            s += LOWER[rng.below(26)] * (1 + rng.below(40))
    emit("".join(s[:n]))


main()
