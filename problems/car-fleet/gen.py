"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 20_000
TARGET = 10**6


def many_fleets(rng):
    # Distinct positions spread over the whole road and slow speeds (1..3), so cars further back
    # mostly need longer and thousands of fleets form, with many cars joining in between
    # (including exact ties at the target). One car drives at the top speed 10^6.
    # Comparing every car with every car ahead costs ~n^2 / 2 steps.
    spots = set()
    while len(spots) < N - 1:
        spots.add(1 + rng.below(TARGET - 1))
    position = sorted(spots) + [0]
    rng.shuffle(position)
    speed = [1 + rng.below(3) for _ in range(N)]
    speed[rng.below(N)] = 10**6
    return position, speed


def small(rng):
    """1 to 6 cars on a road of length 1..10 with speeds 1..4, so catching up exactly at the target is common."""
    target = rng.randint(1, 10)
    n = rng.randint(1, min(6, target))
    position = rng.shuffled(range(target))[:n]
    speed = [rng.randint(1, 4) for _ in range(n)]
    return {"target": target, "position": position, "speed": speed}


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    position, speed = many_fleets(rng)
    emit({"target": TARGET, "position": position, "speed": speed},
         sol.carFleet(TARGET, list(position), list(speed)))


if __name__ == "__main__":
    main()
