"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """One small random input: 1..8 distinct values in -5..5, sorted, then rotated by 0..n-1."""
    n = rng.randint(1, 8)
    base = sorted(rng.shuffled(range(-5, 6))[:n])
    k = rng.below(n)
    return {"nums": base[k:] + base[:k]}


def main():
    rng = XorShift64(0x5EED0153)
    n = 5000
    # n distinct values from [-5000, 5000]: skip 5001 of the 10001 candidates.
    values = list(range(-5000, 5001))
    rng.shuffle(values)
    base = sorted(values[:n])
    # Minimum at the last index, at index 1, and somewhere in the middle.
    for k in (n - 1, 1, rng.randint(n // 3, 2 * n // 3)):
        nums = base[k:] + base[:k]
        emit({"nums": nums}, Solution().findMin(nums))


if __name__ == "__main__":
    main()
