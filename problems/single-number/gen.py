"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

PAIRS = 14_999  # 2 * PAIRS + 1 = 29,999 elements, just under the 3 * 10^4 limit
LIMIT = 30_000


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    # Distinct values from the whole range -3*10^4..3*10^4; the first PAIRS are the pairs,
    # the next one is the lone value.
    values = rng.shuffled(range(-LIMIT, LIMIT + 1))[: PAIRS + 1]
    pairs, lone = values[:PAIRS], values[PAIRS]
    # Each half holds every paired value once, in its own order, so a partner sits about n / 2
    # positions away; the lone value is last, so looking for "the value with no partner"
    # position by position must scan for nearly every element first (about n^2 / 2 steps).
    nums = rng.shuffled(pairs) + rng.shuffled(pairs) + [lone]
    emit({"nums": nums}, Solution().singleNumber(list(nums)))


def small(rng):
    """0..4 pairs and one lone value, all distinct in -4..4, shuffled."""
    k = rng.randint(0, 4)
    values = rng.shuffled(range(-4, 5))[: k + 1]
    nums = values[:k] * 2 + [values[k]]
    rng.shuffle(nums)
    return {"nums": nums}


if __name__ == "__main__":
    main()
