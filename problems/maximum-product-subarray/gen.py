"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small random input: 1..8 values in -3..3 (products stay far inside 32 bits)."""
    n = rng.randint(1, 8)
    return {"nums": [rng.randint(-3, 3) for _ in range(n)]}


def main():
    rng = XorShift64(0x5EED0152)
    n = 2 * 10**4
    # No zeros, so no subarray can be skipped; mostly +-1 with 28 factors of +-2
    # and one +-3, keeping every subarray product below 2^31.
    nums = [1 if rng.randint(0, 1) else -1 for _ in range(n)]
    positions = set()
    while len(positions) < 29:
        positions.add(rng.randint(0, n - 1))
    for k, pos in enumerate(sorted(positions)):
        mag = 3 if k == 14 else 2
        nums[pos] = mag if rng.randint(0, 1) else -mag
    emit({"nums": nums}, Solution().maxProduct(nums))


if __name__ == "__main__":
    main()
