"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000
LO, HI = -10_000, 10_000
BLOCK = 12_000


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    sol = Solution()
    # 12000 copies of one value V sit among 18000 values spread over the whole range, above and
    # below V in equal numbers, and k points into the middle of the copies of V. Removing the
    # maximum k times, or ranking every value against all others, costs about n^2 / 2 steps;
    # quickselect with a two-way partition degrades to n^2 on the block of equal values.
    v = rng.randint(-100, 100)
    below = [rng.randint(LO, v - 1) for _ in range((N - BLOCK) // 2 - 1)] + [LO]
    above = [rng.randint(v + 1, HI) for _ in range((N - BLOCK) // 2 - 1)] + [HI]
    nums = below + above + [v] * BLOCK
    rng.shuffle(nums)
    k = len(above) + BLOCK // 2 + 7
    emit({"nums": nums, "k": k}, sol.findKthLargest(list(nums), k))
    # Already sorted ascending, values spread over the whole range (about 1.5 copies of each): a
    # quickselect that always takes the first or last element as pivot peels off one value per
    # round, about n^2 / 2 steps.
    nums = sorted(rng.randint(LO, HI) for _ in range(N - 2)) + [HI, HI]
    nums[0] = LO
    k = N - N // 3 - 11
    emit({"nums": nums, "k": k}, sol.findKthLargest(list(nums), k))


def small(rng):
    """One to eight values in -3..3 (duplicates, zeros and negatives are common), any k."""
    nums = [rng.randint(-3, 3) for _ in range(rng.randint(1, 8))]
    return {"nums": nums, "k": rng.randint(1, len(nums))}


if __name__ == "__main__":
    main()
