"""Writes large.jsonl: python3 gen.py > large.jsonl"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from solution import Solution  # noqa: E402

MASK = (1 << 64) - 1


class XorShift64:
    """Tiny deterministic PRNG (xorshift64), so large.jsonl never changes."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        s = self.s
        s ^= (s << 13) & MASK
        s ^= s >> 7
        s ^= (s << 17) & MASK
        self.s = s
        return s

    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)


def emit(inp, expected):
    line = {"input": inp, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":")))


def main():
    rng = XorShift64(0x5EED0704)
    n = 10**4
    values = list(range(-9999, 10**4))
    for i in range(len(values) - 1, 0, -1):
        j = rng.randint(0, i)
        values[i], values[j] = values[j], values[i]
    nums = sorted(values[:n])
    present = set(nums)
    # Last element, a missing value near the top, and the first element.
    emit({"nums": nums, "target": nums[-1]}, Solution().search(nums, nums[-1]))
    target = next(v for v in range(nums[-1] - 1, nums[0], -1) if v not in present)
    emit({"nums": nums, "target": target}, Solution().search(nums, target))
    emit({"nums": nums, "target": nums[0]}, Solution().search(nums, nums[0]))


main()
