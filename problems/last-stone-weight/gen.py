"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000
MAXW = 100_000


def distinct_weights(rng):
    # Distinct weights leave a remainder in almost every round, so the pile shrinks by only one
    # stone per round: about N rounds, each of which a re-sorting solution pays for with a pass
    # over the whole pile. The heaviest allowed weight is included.
    pool = list(range(1, MAXW))
    rng.shuffle(pool)
    stones = pool[: N - 1] + [MAXW]
    # Smashing never changes the parity of the total weight; an odd total makes the answer
    # odd, so no stone-free shortcut (returning 0) can pass.
    if sum(stones) % 2 == 0:
        swap = next(w for w in pool[N - 1 :] if w % 2 != stones[0] % 2)
        stones[0] = swap
    rng.shuffle(stones)
    return stones


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    stones = distinct_weights(rng)
    emit({"stones": stones}, Solution().lastStoneWeight(list(stones)))


def small(rng):
    """One to eight stones of weight 1..5, so equal weights (and draws) come up often."""
    return {"stones": [rng.randint(1, 5) for _ in range(rng.randint(1, 8))]}


if __name__ == "__main__":
    main()
