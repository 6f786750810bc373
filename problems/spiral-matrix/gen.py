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


def grid(rng, rows, cols):
    return [[rng.below(201) - 100 for _ in range(cols)] for _ in range(rows)]


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    # The largest square grid, and a tall grid with an odd, smaller width.
    for rows, cols in ((100, 100), (100, 37)):
        matrix = grid(rng, rows, cols)
        expected = sol.spiralOrder([row[:] for row in matrix])
        line = {"input": {"matrix": matrix}, "expected": expected, "hidden": True, "edge": "large"}
        print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
