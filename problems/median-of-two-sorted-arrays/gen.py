"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 1_000_000


def small(rng):
    """Two sorted lists of 0..5 values in -3..3 (at least one value in all); duplicates common."""
    while True:
        m, n = rng.randint(0, 5), rng.randint(0, 5)
        if m + n > 0:
            break
    nums1 = sorted(rng.randint(-3, 3) for _ in range(m))
    nums2 = sorted(rng.randint(-3, 3) for _ in range(n))
    return {"nums1": nums1, "nums2": nums2}


def main():
    rng = XorShift64(0x3ED1A4)
    # Two lists of 10^6 one-digit values (two bytes each in JSON). Any merge has to walk 10^6
    # values to reach the middle.
    counts1 = [rng.randint(80_000, 120_000) for _ in range(9)]
    counts1.append(N - sum(counts1))
    counts2 = [rng.randint(80_000, 120_000) for _ in range(9)]
    counts2.append(N - sum(counts2))
    nums1 = [v for v in range(10) for _ in range(counts1[v])]
    nums2 = [v for v in range(10) for _ in range(counts2[v])]
    emit({"nums1": nums1, "nums2": nums2}, Solution().findMedianSortedArrays(nums1, nums2))


if __name__ == "__main__":
    main()
