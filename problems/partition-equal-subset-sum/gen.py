"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100


def main():
    rng = XorShift64(0x9A27171035EEDBAD)
    sol = Solution()
    cases = []
    # 1. Every element even, total = 2 (mod 4): the total is even but its half is odd, and no
    #    sum of even numbers is odd. False, and only after the whole table has been filled.
    while True:
        nums = [2 * rng.randint(25, 50) for _ in range(N)]
        if sum(nums) % 4 == 2:
            break
    cases.append(nums)
    # 2. Multiples of 3 and a single element that leaves remainder 1: every subset sum leaves
    #    remainder 0 or 1 when divided by 3, but with an even total the half leaves remainder 2.
    #    False again, with odd values present.
    while True:
        nums = [3 * rng.randint(10, 33) for _ in range(N - 1)]
        nums.insert(rng.below(N), 3 * rng.randint(0, 33) + 1)
        if sum(nums) % 2 == 0:
            break
    cases.append(nums)
    # 3. Random values near the top with an even total: True.
    while True:
        nums = [rng.randint(80, 100) for _ in range(N)]
        if sum(nums) % 2 == 0:
            break
    cases.append(nums)
    for nums in cases:
        emit({"nums": nums}, sol.canPartition(list(nums)))


def small(rng):
    """1 to 8 values in 1..6 (sometimes all equal), so ties and odd totals come up often."""
    n = rng.randint(1, 8)
    nums = [rng.randint(1, 6) for _ in range(n)]
    if rng.below(6) == 0:
        nums = [nums[0]] * n
    return {"nums": nums}


if __name__ == "__main__":
    main()
