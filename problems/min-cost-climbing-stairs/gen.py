"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 1000


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    # 1) random prices over the whole range: the cheapest route mixes 1- and 2-steps.
    a = [rng.randint(0, 999) for _ in range(N)]
    # 2) cheap and expensive stairs alternating with noise, the last stair expensive, so the
    #    route must decide at every step and finish with a 2-step from stair N - 2.
    b = [rng.randint(0, 20) if i % 2 == 0 else rng.randint(900, 999) for i in range(N)]
    b[-1] = 999
    # Trying both moves from every stair without remembering results takes about 1.6^1000
    # calls; a linear pass takes 1000 steps.
    for cost in (a, b):
        emit({"cost": cost}, sol.minCostClimbingStairs(list(cost)))


def small(rng):
    """2..8 prices, usually 0..5 (ties and zeros), sometimes up to 999."""
    n = rng.randint(2, 8)
    hi = 999 if rng.below(5) == 0 else 5
    return {"cost": [rng.randint(0, hi) for _ in range(n)]}


if __name__ == "__main__":
    main()
