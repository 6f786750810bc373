"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def main():
    rng = XorShift64(0x5851F42D4C957F2D)
    # All values except the last two are multiples of 3, so any pair among them sums to a
    # multiple of 3. The last two values are 1 more than a multiple of 3: their sum leaves
    # remainder 2, a mixed pair leaves remainder 1. The target leaves remainder 2, so the only
    # valid pair is the final two positions, and a double loop must try almost every pair.
    nums = [3 * (rng.below(666_667) - 333_333) for _ in range(N - 2)]
    a = 3 * (rng.below(666_667) - 333_333) + 1
    b = 3 * (rng.below(666_667) - 333_333) + 1
    nums += [a, b]
    target = a + b
    emit({"nums": nums, "target": target}, Solution().twoSum(list(nums), target))


def small(rng):
    """A small random input with exactly one pair of positions summing to the target."""
    while True:
        n = rng.randint(2, 7)
        nums = [rng.randint(-4, 4) for _ in range(n)]
        i, j = sorted(rng.shuffled(range(n))[:2])
        target = nums[i] + nums[j]
        pairs = sum(1 for a in range(n) for b in range(a + 1, n) if nums[a] + nums[b] == target)
        if pairs == 1:
            return {"nums": nums, "target": target}


if __name__ == "__main__":
    main()
