"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def wall(rng, wall_at):
    # Every index before `wall_at` can jump at most up to `wall_at` (and index 0 reaches it
    # exactly), while nums[wall_at] == 0. Jumps look long, but nobody gets past the wall, so a
    # search that tries every jump length from every index does about n^2 / 2 steps.
    nums = [0] * N
    for i in range(wall_at):
        nums[i] = max(1, wall_at - i - (rng.below(3) if i else 0))
    nums[wall_at] = 0
    for i in range(wall_at + 1, N):
        nums[i] = 1 + rng.below(9)
    return nums


def small(rng):
    """One small random input: 1..8 jump lengths, mostly 0..3 (zeros often), sometimes a huge one."""
    n = rng.randint(1, 8)
    nums = [rng.randint(0, 3) if rng.below(3) else 0 for _ in range(n)]
    if rng.below(6) == 0:
        nums[rng.below(n)] = 10**5
    return {"nums": nums}


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    sol = Solution()
    # 1) wall two cells before the end: answer false.
    a = wall(rng, N - 2)
    # 2) same shape, but one early index can leap straight over the wall: answer true.
    b = wall(rng, N - 2)
    b[7] = 100_000
    for nums in (a, b):
        emit({"nums": nums}, sol.canJump(list(nums)))


if __name__ == "__main__":
    main()
