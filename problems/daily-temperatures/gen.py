"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def cooling_then_hot(rng):
    # A slow, non-increasing slide from 99 down to 30 (with long runs of equal values), then a single
    # 100 on the very last day: every day's first warmer day is the last one, so scanning forward
    # from each day walks to the end of the list, about n^2 / 2 steps in all.
    temps = []
    for i in range(N - 1):
        temps.append(99 - (i * 70) // (N - 1))
    temps.append(100)
    return temps


def small(rng):
    """1 to 8 days with temperatures in 30..34, so equal temperatures and long waits are common."""
    n = rng.randint(1, 8)
    hi = 30 + rng.randint(0, 4)
    return {"temperatures": [rng.randint(30, hi) for _ in range(n)]}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    temps = cooling_then_hot(rng)
    emit({"temperatures": temps}, sol.dailyTemperatures(list(temps)))


if __name__ == "__main__":
    main()
