"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def reachable(nums):
    farthest = 0
    for i, step in enumerate(nums):
        if i > farthest:
            return False
        farthest = max(farthest, i + step)
    return True


def small(rng):
    """1..8 jump lengths, mostly 0..3 (zeros often), sometimes a long one; the end is reachable."""
    while True:
        n = rng.randint(1, 8)
        nums = [rng.randint(0, 3) if rng.below(4) else 0 for _ in range(n)]
        if rng.below(5) == 0:
            nums[rng.below(n)] = rng.randint(4, 1000)
        if reachable(nums):
            return {"nums": nums}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    # 1) long jumps everywhere (600..1000): a DP that relaxes every landing spot of every index
    #    does about n * 800 steps.
    a = [600 + rng.below(401) for _ in range(N)]
    # 2) short jumps (1..3, a few zeros that can be jumped over): the answer is about n / 2, so
    #    "walk back from the end, each time finding the leftmost index that reaches it" is quadratic.
    b = [1 + rng.below(3) for _ in range(N)]
    for i in range(1, N - 1):
        if b[i - 1] >= 2 and rng.below(10) == 0:
            b[i] = 0
    assert reachable(b)
    for nums in (a, b):
        emit({"nums": nums}, sol.jump(list(nums)))


if __name__ == "__main__":
    main()
