"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def main():
    rng = XorShift64(0x1405_7B7E_F767_814F)
    # Every value is different, so the answer is false and no approach can stop early:
    # a pairwise comparison has to look at all n * (n - 1) / 2 pairs.
    used = set()
    nums = []
    while len(nums) < N:
        v = rng.below(2_000_001) - 1_000_000
        if v not in used:
            used.add(v)
            nums.append(v)
    emit({"nums": nums}, Solution().containsDuplicate(list(nums)))


def small(rng):
    """A small random list (1-8 values in a narrow range): repeats, all-distinct and single lists all come up."""
    n = rng.randint(1, 8)
    mode = rng.below(3)
    if mode == 0:  # all distinct
        nums = rng.shuffled(range(-4, 5))[:n]
    else:          # values in -3..3, so repeats are common
        nums = [rng.randint(-3, 3) for _ in range(n)]
    return {"nums": nums}


if __name__ == "__main__":
    main()
