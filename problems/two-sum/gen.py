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
    rng = XorShift64(0x5851F42D4C957F2D)
    sol = Solution()
    # All values except the last two are multiples of 3, so any pair among them sums to a
    # multiple of 3. The last two values are 1 more than a multiple of 3: their sum leaves
    # remainder 2, a mixed pair leaves remainder 1. The target leaves remainder 2, so the only
    # valid pair is the final two positions, and a double loop must try almost every pair.
    nums = [3 * (rng.below(666_667) - 333_333) for _ in range(N - 2)]
    a = 3 * (rng.below(666_667) - 333_333) + 1
    b = 3 * (rng.below(666_667) - 333_333) + 1
    nums += [a, b]
    target = a + b
    expected = sol.twoSum(list(nums), target)
    line = {"input": {"nums": nums, "target": target}, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    main()
