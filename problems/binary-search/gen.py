"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small random input: 1..8 sorted distinct values in -6..6, target in -7..7."""
    n = rng.randint(1, 8)
    nums = sorted(rng.shuffled(range(-6, 7))[:n])
    if rng.below(2):
        target = nums[rng.below(n)]
    else:
        target = rng.randint(-7, 7)
    return {"nums": nums, "target": target}


def main():
    rng = XorShift64(0x5EED0704)
    n = 10**4
    values = list(range(-9999, 10**4))
    rng.shuffle(values)
    nums = sorted(values[:n])
    present = set(nums)
    # Last element, a missing value near the top, and the first element.
    emit({"nums": nums, "target": nums[-1]}, Solution().search(nums, nums[-1]))
    target = next(v for v in range(nums[-1] - 1, nums[0], -1) if v not in present)
    emit({"nums": nums, "target": target}, Solution().search(nums, target))
    emit({"nums": nums, "target": nums[0]}, Solution().search(nums, nums[0]))


if __name__ == "__main__":
    main()
