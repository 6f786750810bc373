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
    rng = XorShift64(0x5EED0033)
    n = 5000
    values = list(range(-10**4, 10**4 + 1))
    for i in range(len(values) - 1, 0, -1):
        j = rng.randint(0, i)
        values[i], values[j] = values[j], values[i]
    base = sorted(values[:n])
    present = set(base)
    # Target in the last position.
    nums = base[1234:] + base[:1234]
    emit({"nums": nums, "target": nums[-1]}, Solution().search(nums, nums[-1]))
    # Target absent: a value between two neighbours of the sorted list.
    nums = base[3777:] + base[:3777]
    target = next(v for v in range(base[-2] - 1, base[0], -1) if v not in present)
    emit({"nums": nums, "target": target}, Solution().search(nums, target))
    # Target right before the rotation point.
    k = 2500
    nums = base[k:] + base[:k]
    target = nums[n - k - 1]
    emit({"nums": nums, "target": target}, Solution().search(nums, target))


main()
