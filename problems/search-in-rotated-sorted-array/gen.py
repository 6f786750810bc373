"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small random input: 1..8 distinct values in -5..5, sorted, rotated; target in -6..6."""
    n = rng.randint(1, 8)
    base = sorted(rng.shuffled(range(-5, 6))[:n])
    k = rng.below(n)
    nums = base[k:] + base[:k]
    if rng.below(2):
        target = nums[rng.below(n)]
    else:
        target = rng.randint(-6, 6)
    return {"nums": nums, "target": target}


def main():
    rng = XorShift64(0x5EED0033)
    n = 5000
    values = list(range(-10**4, 10**4 + 1))
    rng.shuffle(values)
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


if __name__ == "__main__":
    main()
