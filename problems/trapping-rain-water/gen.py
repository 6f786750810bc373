"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x5EED0042)
    n = 2 * 10**4
    # A hilly random walk: many basins of different depths.
    height = []
    h = 50000
    for _ in range(n):
        h = max(0, min(10**5, h + rng.randint(-3000, 3000)))
        height.append(h)
    emit({"height": height}, Solution().trap(height))
    # Two tall walls at the very ends over a noisy floor: nearly everything fills.
    height = [rng.randint(0, 60000) for _ in range(n)]
    height[0] = 10**5
    height[-1] = 99999
    emit({"height": height}, Solution().trap(height))


def small(rng):
    """1 to 8 bars of height 0..4, so flat stretches, equal walls and zeros are common."""
    n = rng.randint(1, 8)
    return {"height": [rng.randint(0, 4) for _ in range(n)]}


if __name__ == "__main__":
    main()
