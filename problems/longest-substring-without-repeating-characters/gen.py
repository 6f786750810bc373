"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
PRINTABLE = [chr(c) for c in range(32, 127)]  # 95 characters, space included


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


def shuffle(rng, a):
    for i in range(len(a) - 1, 0, -1):
        j = rng.below(i + 1)
        a[i], a[j] = a[j], a[i]


def emit(s):
    expected = Solution().lengthOfLongestSubstring(s)
    row = {"input": {"s": s}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0x5EED0F5)
    n = 100000
    # 1. one permutation of 94 characters repeated over and over: every window of 94 is repeat-free,
    #    and the only window of 95 ends at the very last character, the one left out until then
    chars = PRINTABLE[:]
    shuffle(rng, chars)
    missing, perm = chars[0], chars[1:]
    body = (perm * (n // len(perm) + 1))[: n - 1]
    emit("".join(body) + missing)
    # 2. uniformly random printable characters: many short windows, the left edge jumps often
    emit("".join(PRINTABLE[rng.below(95)] for _ in range(n)))


main()
