"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def good_starts(gas, cost):
    n = len(gas)
    out = []
    for s in range(n):
        tank = 0
        for k in range(n):
            i = (s + k) % n
            tank += gas[i] - cost[i]
            if tank < 0:
                break
        else:
            out.append(s)
    return out


def small(rng):
    """1..7 stations, fuel and costs 0..4 (ties and zeros common); at most one working start."""
    while True:
        n = rng.randint(1, 7)
        gas = [rng.randint(0, 4) for _ in range(n)]
        cost = [rng.randint(0, 4) for _ in range(n)]
        if len(good_starts(gas, cost)) <= 1:
            return {"gas": gas, "cost": cost}


def level(rng, n):
    """n stations where fuel equals cost (random 0..99 each): driving through them changes nothing."""
    gas = [rng.below(100) for _ in range(n)]
    return gas, list(gas)


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    sol = Solution()
    # 1) every station but the last two is level; station n-2 costs 10^4 more than it gives and
    #    station n-1 gives 10^4 more than it costs. Only n-1 works, and a start anywhere else drives
    #    all the way to n-2 before failing: trying every start is about n^2 / 2 steps.
    gas, cost = level(rng, N)
    gas[N - 2], cost[N - 2] = 0, 10_000
    gas[N - 1], cost[N - 1] = 10_000, 0
    emit({"gas": gas, "cost": cost}, sol.canCompleteCircuit(list(gas), list(cost)))
    # 2) level everywhere but the last station, which is one unit short: no start works, and each
    #    one drives to the end of the list before failing.
    gas, cost = level(rng, N)
    gas[N - 1], cost[N - 1] = 9_999, 10_000
    emit({"gas": gas, "cost": cost}, sol.canCompleteCircuit(list(gas), list(cost)))


if __name__ == "__main__":
    main()
