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

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]


N = 50_000


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    # The absent value sits near the top of 0..n and the list is shuffled, so checking the
    # candidates 0, 1, 2, ... one by one with a linear search costs about n^2 / 2 comparisons.
    missing = N - 1 - rng.below(20)
    nums = [v for v in range(N + 1) if v != missing]
    rng.shuffle(nums)
    expected = sol.missingNumber(list(nums))
    line = {"input": {"nums": nums}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
