"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1
OPEN = "([{"
CLOSE = {"(": ")", "[": "]", "{": "}"}


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


def deep(rng, n):
    """n // 2 random openers followed by their closers: nesting depth n / 2."""
    opens = [OPEN[rng.below(3)] for _ in range(n // 2)]
    return "".join(opens) + "".join(CLOSE[c] for c in reversed(opens))


def walk(rng, n):
    """A random balanced string of length n whose depth wanders up and down."""
    out, stack = [], []
    while len(out) < n:
        left = n - len(out)
        if stack and (len(stack) == left or rng.below(100) < 45):
            out.append(CLOSE[stack.pop()])
        else:
            c = OPEN[rng.below(3)]
            stack.append(c)
            out.append(c)
    return "".join(out)


def emit(s):
    expected = Solution().isValid(s)
    row = {"input": {"s": s}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(row))


def main():
    rng = Rng(0xB4ACE75)
    n = 100000
    emit(deep(rng, n))                       # balanced, very deep nesting
    s = deep(rng, n)
    last = s[-1]
    wrong = ")" if last != ")" else "]"
    emit(s[:-1] + wrong)                     # only the very last bracket is wrong
    emit(walk(rng, n))                       # balanced, random shape


main()
