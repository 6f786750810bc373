"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x5EED0011)
    n = 5 * 10**4
    # Short walls near both ends and taller ones towards the middle, so the best
    # pair is found well inside the list.
    height = []
    for i in range(n):
        edge = min(i, n - 1 - i)
        cap = min(10**4, 500 + (edge * 10**4) // (n // 3))
        height.append(rng.randint(0, cap))
    emit({"height": height}, Solution().maxArea(height))


def small(rng):
    """2 to 8 walls of height 0..5, so equal heights and zero walls are common."""
    n = rng.randint(2, 8)
    return {"height": [rng.randint(0, 5) for _ in range(n)]}


if __name__ == "__main__":
    main()
