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


N = 30_000


def main():
    rng = XorShift64(0x1405_7B7E_F767_814F)
    sol = Solution()
    # Every value is different, so the answer is false and no approach can stop early:
    # a pairwise comparison has to look at all n * (n - 1) / 2 pairs.
    used = set()
    nums = []
    while len(nums) < N:
        v = rng.below(2_000_001) - 1_000_000
        if v not in used:
            used.add(v)
            nums.append(v)
    expected = sol.containsDuplicate(list(nums))
    line = {"input": {"nums": nums}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
