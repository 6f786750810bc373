"""Regenerate large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402


class XorShift64:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        self.s = x
        return x

    def below(self, n):
        return self.next() % n


N = 100_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    sol = Solution()
    # s is random; t holds the same letters grouped from 'z' down to 'a'. The answer is true,
    # so nothing can stop early, and matching each letter of s by searching t scans far every
    # time because the letters of s are spread over the alphabet while t puts 'a' last.
    s = "".join(LETTERS[rng.below(26)] for _ in range(N))
    t = "".join(sorted(s, reverse=True))
    expected = sol.isAnagram(s, t)
    line = {"input": {"s": s, "t": t}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
