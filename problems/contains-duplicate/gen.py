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


if __name__ == "__main__":
    main()
