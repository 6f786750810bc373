"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
OTHER = " ,.;:!?'\"-_()[]{}@#$%^&*/\\|~`+=<>"


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


def dress(rng, core):
    """Randomly upper-case letters and sprinkle punctuation between the characters."""
    out = []
    for ch in core:
        while rng.below(3) == 0:
            out.append(OTHER[rng.below(len(OTHER))])
        out.append(ch.upper() if rng.below(2) else ch)
    return out


def build(rng, n, break_middle):
    # the cleaned text is half + mirror(half); dressing adds about 50% punctuation
    half = [ALNUM[rng.below(len(ALNUM))] for _ in range(n // 3)]
    core = half + half[::-1]
    if break_middle:
        mid = len(half)
        # change one of the two middle characters so the only mismatch is at the very centre
        core[mid] = "x" if core[mid - 1] != "x" else "y"
    s = dress(rng, core)
    while len(s) < n:  # pad with punctuation at both ends to reach exactly n
        s.insert(0 if rng.below(2) else len(s), OTHER[rng.below(len(OTHER))])
    return "".join(s[:n]) if len(s) <= n else None


def emit(s):
    expected = Solution().isPalindrome(s)
    row = {"input": {"s": s}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0xA11CE5EED)
    n = 100000
    for break_middle in (False, True):
        s = None
        while s is None:
            s = build(rng, n, break_middle)
        emit(s)


main()
