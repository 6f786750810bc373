"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


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
    expected = Solution().longestPalindrome(s)
    row = {"input": {"s": s}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0xFACADE01)
    n = 4000
    # 1. random letters a-d (natural palindromes stay short) with a 61-character palindrome
    #    planted just before the end, so scanning from the left cannot stop early
    s = [ALNUM[rng.below(4)] for _ in range(n)]
    half = [ALNUM[rng.below(4)] for _ in range(30)]
    planted = half + [ALNUM[rng.below(4)]] + half[::-1]
    s[n - 10 - len(planted):n - 10] = planted
    emit("".join(s))
    # 2. random letters and digits with an even-length palindrome of 1200 characters at the very end
    s = [ALNUM[rng.below(len(ALNUM))] for _ in range(n - 1200)]
    half = [ALNUM[rng.below(len(ALNUM))] for _ in range(600)]
    emit("".join(s + half + half[::-1]))


main()
