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


def grid(rng, n):
    return [[rng.below(2001) - 1000 for _ in range(n)] for _ in range(n)]


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    # The largest allowed grid, and the largest odd one (which has a fixed centre cell).
    for n in (100, 99):
        matrix = grid(rng, n)
        rotated = [row[:] for row in matrix]
        sol.rotate(rotated)
        line = {"input": {"matrix": matrix}, "expected": rotated, "hidden": True, "edge": "large"}
        print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
