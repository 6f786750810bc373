"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


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


def emit(s, k):
    expected = Solution().characterReplacement(s, k)
    row = {"input": {"s": s, "k": k}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0xC0DE1234)
    n = 100000
    # 1. random letters, then near the end a stretch that is 75% Q: the best window sits there
    s = [LETTERS[rng.below(26)] for _ in range(n)]
    for i in range(n - 3000, n - 200):
        if rng.below(4):
            s[i] = "Q"
    emit("".join(s), 700)
    # 2. two letters, A slightly more common, and a large k: windows are tens of thousands long
    s = ["A" if rng.below(100) < 52 else "B" for _ in range(n)]
    emit("".join(s), 30000)


main()
