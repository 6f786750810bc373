"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def with_pair(rng, lo, hi, a, b):
    # Every filler value is a multiple of 3 in lo..hi, so two fillers sum to a multiple of 3 and a filler
    # plus a or b leaves remainder 1. a and b each leave remainder 1 and appear once, so their sum
    # (remainder 2) is the target and they are the only pair, among thousands of repeated values.
    assert a % 3 == 1 and b % 3 == 1
    nums = [3 * rng.randint(-(-lo // 3), hi // 3) for _ in range(N - 2)] + [a, b]
    nums.sort()
    return nums, a + b


def small(rng):
    """2 to 8 sorted values in -4..4 with exactly one pair of positions summing to the target."""
    while True:
        n = rng.randint(2, 8)
        nums = sorted(rng.randint(-4, 4) for _ in range(n))
        i = rng.below(n - 1)
        j = rng.randint(i + 1, n - 1)
        target = nums[i] + nums[j]
        pairs = sum(1 for x in range(n) for y in range(x + 1, n) if nums[x] + nums[y] == target)
        if pairs == 1:
            return {"numbers": nums, "target": target}


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    sol = Solution()
    # The pair is the two largest values: a double loop over positions reaches it last.
    # Then a pair far inside the list, with fillers reaching -999 and 999 on both sides.
    for lo, hi, a, b in ((-1000, 495, 496, 499), (-1000, 1000, -500, 700)):
        numbers, target = with_pair(rng, lo, hi, a, b)
        emit({"numbers": numbers, "target": target}, sol.twoSum(list(numbers), target))


if __name__ == "__main__":
    main()
