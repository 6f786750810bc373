"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100


def main():
    rng = XorShift64(0xB0A5711B0011005E)
    sol = Solution()
    # 1. Random values with zeros among them: every order of bursting is a candidate, so any
    #    search over orders (or over sets of burst balloons) explodes.
    nums = [rng.randint(0, 100) if rng.below(8) else 0 for _ in range(N)]
    emit({"nums": nums}, sol.maxCoins(nums))
    # 2. Every value at the top: the largest possible answer.
    nums = [100] * N
    emit({"nums": nums}, sol.maxCoins(nums))
    # 3. Mostly small values with a few big ones scattered, the biggest one last.
    nums = [rng.randint(1, 9) for _ in range(N)]
    for _ in range(8):
        nums[rng.below(N)] = rng.randint(50, 99)
    nums[-1] = 100
    emit({"nums": nums}, sol.maxCoins(nums))


def small(rng):
    """1..7 balloons with values 0..5: zeros, ties and single balloons come up often."""
    return {"nums": [rng.randint(0, 5) for _ in range(rng.randint(1, 7))]}


if __name__ == "__main__":
    main()
