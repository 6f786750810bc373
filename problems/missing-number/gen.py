"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 50_000


def main():
    rng = XorShift64(0x94D049BB133111EB)
    # The absent value sits near the top of 0..n and the list is shuffled, so checking the
    # candidates 0, 1, 2, ... one by one with a linear search costs about n^2 / 2 comparisons.
    missing = N - 1 - rng.below(20)
    nums = [v for v in range(N + 1) if v != missing]
    rng.shuffle(nums)
    emit({"nums": nums}, Solution().missingNumber(list(nums)))


def small(rng):
    """n in 1..8 and the values 0..n, shuffled, with one of them left out."""
    n = rng.randint(1, 8)
    missing = rng.randint(0, n)
    return {"nums": rng.shuffled(v for v in range(n + 1) if v != missing)}


if __name__ == "__main__":
    main()
