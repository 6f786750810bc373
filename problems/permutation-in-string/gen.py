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


def shuffled(rng, a):
    a = list(a)
    for i in range(len(a) - 1, 0, -1):
        j = rng.below(i + 1)
        a[i], a[j] = a[j], a[i]
    return a


def emit(s1, s2):
    expected = Solution().checkInclusion(s1, s2)
    row = {"input": {"s1": s1, "s2": s2}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0xD1CE5EED)
    m, n = 50000, 100000
    # 1. s1 never uses z; s2 is random letters a-y in which every 997th letter is a z,
    #    and ends with a rearrangement of s1: the only matching window is the last one
    s1 = [LOWER[rng.below(25)] for _ in range(m)]
    head = [LOWER[rng.below(25)] for _ in range(n - m)]
    for i in range(0, n - m, 997):
        head[i] = "z"
    emit("".join(s1), "".join(head + shuffled(rng, s1)))
    # 2. s2 is twice the same rearrangement of s1 with one letter turned into a z (s1 has none):
    #    every window of length len(s1) misses the match by exactly one letter
    s1 = [LOWER[rng.below(25)] for _ in range(m)]
    block = shuffled(rng, s1)
    block[rng.below(m)] = "z"
    emit("".join(s1), "".join(block + block))


main()
